import Foundation
import PartrackAPI

/// A signed-in conversation with the server named in `config.json`.
struct Session {
    let context: CLIContext
    let console: Console
    let login: StoredLogin
    let api: APIClient

    /// Refuses (exit 1) when nobody is signed in, saying how to.
    static func open(_ context: CLIContext, _ console: Console) throws -> Session {
        guard let login = try LoginStore(directory: context.configDirectory).load(), let token = login.token else {
            throw CLIError.refused("cli.error.not_logged_in").hinting("cli.hint.login")
        }
        return Session(
            context: context, console: console, login: login, api: api(login.server, token, context, console))
    }

    static func api(_ server: String, _ token: String?, _ context: CLIContext, _ console: Console) -> APIClient {
        APIClient(
            http: context.http, server: URL(string: server) ?? URL(fileURLWithPath: "/"), token: token,
            language: console.language)
    }

    var knownTasks: KnownTasksStore { KnownTasksStore(directory: context.configDirectory) }

    func me() async throws -> MeDTO { try await api.get("/me") }
}
