import ArgumentParser
import Foundation
import PartrackAPI

/// Says what went wrong on stderr, in the reader's language, with what to do next, and picks
/// the documented exit code.
enum ErrorReport {
    static func exitCode(for error: any Error, console: Console) -> Int32 {
        switch error {
        case let error as CLIError:
            report(error, console: console)
            return error.exit.rawValue
        case let refusal as ServerRefusal:
            return exitCode(for: cliError(refusal), console: console)
        case let failure as ServerUnreachable:
            return exitCode(for: cliError(failure), console: console)
        case let failure as FileChunks.ReadFailure:
            return exitCode(for: CLIError.usage("cli.error.no_such_file", ["path": failure.path]), console: console)
        default:
            return parserExit(error, console: console)
        }
    }

    /// A server's refusal (4xx: exit 1) or failure (5xx: exit 3), with a hint where one helps.
    static func cliError(_ refusal: ServerRefusal) -> CLIError {
        var error = CLIError(
            exit: refusal.status >= 500 ? .unreachable : .refused,
            words: .server(refusal.error, status: refusal.status))
        if refusal.status == 401, refusal.error.code != "auth.wrong_credentials" {
            error.hint = .init("cli.hint.login")
        } else if refusal.status == 429 {
            error.hint = .init("cli.hint.retry_after", ["seconds": refusal.retryAfter ?? "?"])
        }
        return error
    }

    static func cliError(_ failure: ServerUnreachable) -> CLIError {
        CLIError(exit: .unreachable, words: .message(.init("cli.error.unreachable", ["server": failure.server])))
            .hinting("cli.hint.unreachable", ["reason": failure.reason])
    }

    static func report(_ error: CLIError, console: Console) {
        let headline: String
        switch error.words {
        case .message(let message): headline = console.text(message)
        case .server(let dto, _): headline = dto.message
        }
        console.sayText(console.text("cli.error.prefix") + headline)
        if let hint = error.hint { console.sayText(console.text(hint)) }
    }

    /// Help, --version and usage errors: ArgumentParser words them; usage exits with 2, as the CLI's
    /// documented exit codes say (ArgumentParser would use 64).
    static func parserExit(_ error: any Error, console: Console) -> Int32 {
        let message = PartrackCommand.fullMessage(for: error)
        let parserCode = PartrackCommand.exitCode(for: error)
        let code = parserCode == .validationFailure ? 2 : parserCode.rawValue
        if !message.isEmpty {
            // Help and --version are answers (stdout); everything else is a complaint (stderr).
            (code == 0 ? console.context.stdout : console.context.stderr).write(message + "\n")
        }
        return code
    }
}
