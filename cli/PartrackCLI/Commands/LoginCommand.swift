import ArgumentParser
import Foundation
import PartrackAPI

struct LoginCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Đăng nhập vào máy chủ partrack (Sign in to a partrack server).",
        discussion: """
            Hỏi mật khẩu (không hiện lên màn hình), đổi lấy một mã truy cập cá nhân có hạn dùng, rồi lưu máy chủ và mã vào $XDG_CONFIG_HOME/partrack/config.json (thường là ~/.config/partrack/), chỉ bạn đọc được (quyền 0600). Mật khẩu không được lưu.

            Asks for the password (not shown), exchanges it for a personal access token with an expiry, and stores the server and token in $XDG_CONFIG_HOME/partrack/config.json (usually ~/.config/partrack/), readable only by you (mode 0600). The password is never stored.

            Ví dụ / Examples:
              partrack login --server https://partrack.example.vn --user bagiang.vptk
              partrack login --user bagiang.vptk     # máy chủ lần trước (last server)
              echo "$MAT_KHAU" | partrack login --user bagiang.vptk --password-stdin
            """)

    @Option(help: "Địa chỉ máy chủ, ví dụ https://partrack.example.vn; mặc định là máy chủ lần trước. (Server URL.)")
    var server: String?

    @Option(help: "Tên đăng nhập; mặc định là tên lần trước. (Username.)")
    var user: String?

    @Flag(help: "Đọc mật khẩu từ dòng đầu tiên của stdin, cho script. (Read the password from stdin.)")
    var passwordStdin = false

    @Option(help: "Số ngày mã truy cập còn hiệu lực, 1–365. (Days the token stays valid.)")
    var days = 90

    @Option(help: "Tên của mã, để nhận ra trong danh sách mã. (A name for the token.)")
    var name: String?

    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard (1...365).contains(days) else {
            throw ValidationError("--days phải từ 1 đến 365 (--days must be 1–365).")
        }
    }

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let store = LoginStore(directory: context.configDirectory)
        let previous = try? store.load()
        guard let serverText = server ?? previous?.server else { throw CLIError.usage("cli.login.server_required") }
        guard let serverURL = Self.serverURL(serverText) else {
            throw CLIError.usage("cli.login.bad_server", ["server": serverText])
        }
        guard let username = (user ?? previous?.username)?.trimmingCharacters(in: .whitespaces), !username.isEmpty
        else { throw CLIError.usage("cli.login.user_required") }
        let password = try readPassword(context: context, console: console, username: username)

        let api = Session.api(serverURL.absoluteString, nil, context, console)
        let issued: TokenIssuedDTO = try await api.send(
            .POST, "/tokens",
            json: TokenCreateRequest(
                username: username, password: password, name: name ?? Self.defaultTokenName(), days: days))
        let login = StoredLogin(
            server: serverURL.absoluteString, username: issued.user.username, token: issued.token,
            tokenID: issued.id, expiresAt: issued.expiresAt)
        try store.save(login)
        await revokeReplaced(previous, by: login, context: context, console: console)

        if output.json {
            try console.printJSON(
                LoginSummary(server: login.server, tokenID: issued.id, expiresAt: issued.expiresAt, user: issued.user))
            return
        }
        let positions = issued.user.positions.map(\.title).joined(separator: ", ")
        console.print(
            console.text(
                "cli.login.done",
                [
                    "name": issued.user.displayName, "username": issued.user.username, "server": login.server,
                    "unit": issued.user.unitName,
                    "role": console.text("cli.role.\(issued.user.role)"),
                ]))
        if !positions.isEmpty { console.print(console.text("cli.login.positions", ["positions": positions])) }
        console.print(console.text("cli.login.expires", ["date": console.show.day(issued.expiresAt)]))
    }

    private func readPassword(context: CLIContext, console: Console, username: String) throws -> String {
        let typed: String?
        if passwordStdin {
            typed = context.stdin.readLine()
        } else {
            guard context.stdinIsTerminal else { throw CLIError.usage("cli.login.no_terminal") }
            typed = context.passwords.readPassword(prompt: console.text("cli.login.prompt", ["username": username]))
        }
        guard let password = typed, !password.isEmpty else { throw CLIError.usage("cli.login.no_password") }
        return password
    }

    /// Signing in again replaces the stored token; the old one is revoked so it does not linger.
    private func revokeReplaced(
        _ previous: StoredLogin?, by login: StoredLogin, context: CLIContext, console: Console
    ) async {
        guard let previous, let token = previous.token, let id = previous.tokenID, token != login.token else { return }
        let api = Session.api(previous.server, token, context, console)
        try? await api.delete("/tokens/\(id)")
    }

    static func serverURL(_ text: String) -> URL? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        return url
    }

    static func defaultTokenName() -> String {
        "partrack CLI (\(ProcessInfo.processInfo.hostName))"
    }
}

/// `login --format json`: the stored login, without the token itself.
struct LoginSummary: Encodable {
    var server: String
    var tokenID: Int
    var expiresAt: Date
    var user: MeDTO
}
