import PartrackAPI
import PartrackDomain

/// The one error a command reports to a person: what went wrong in words, what to do next, and
/// the exit code a script can act on.
public struct CLIError: Error {
    /// The documented exit codes: 1 the server (or the CLI, on its behalf) refused, 2 the command
    /// line is wrong, 3 the server could not be reached or failed.
    public enum Exit: Int32, Sendable {
        case refused = 1
        case usage = 2
        case unreachable = 3
    }

    public enum Words: Sendable {
        /// The CLI's own sentence, rendered with its catalog.
        case message(Message)
        /// The server's answer, already in the language the CLI asked for.
        case server(ErrorDTO, status: Int)
    }

    public let exit: Exit
    public let words: Words
    public var hint: Message?

    static func usage(_ key: String, _ arguments: [String: String] = [:]) -> CLIError {
        CLIError(exit: .usage, words: .message(Message(key, arguments)))
    }

    static func refused(_ key: String, _ arguments: [String: String] = [:]) -> CLIError {
        CLIError(exit: .refused, words: .message(Message(key, arguments)))
    }

    func hinting(_ key: String, _ arguments: [String: String] = [:]) -> CLIError {
        var copy = self
        copy.hint = Message(key, arguments)
        return copy
    }

    /// The stable code: the server's (`auth.token_expired`, …) or the CLI's message key.
    public var code: String {
        switch words {
        case .message(let message): return message.key
        case .server(let error, _): return error.code
        }
    }
}
