import ArgumentParser
import Foundation

/// `partrack`: the command-line client of a partrack server.
public struct PartrackCommand: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "partrack",
        abstract: "Theo dõi nhiệm vụ cải thiện Chỉ số CCHC từ dòng lệnh (PAR INDEX task tracking from the terminal).",
        discussion: """
            partrack nói chuyện với máy chủ partrack qua API JSON của nó.
            partrack talks to a partrack server through its JSON API.

            Ví dụ / Example:
              partrack --version
            """,
        version: version,
        subcommands: []
    )

    public init() {}
}

extension PartrackCommand {
    /// Parses and runs a command line; returns the process exit status.
    /// Our own entry point (rather than ArgumentParser's `main`) so that every exit code is ours.
    public static func run(arguments: [String]) async -> Int32 {
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            // Help, --version and usage errors: ArgumentParser formats them and picks the code (2 for usage).
            let message = fullMessage(for: error)
            // Usage errors exit with 2, as the CLI's documented exit codes say (ArgumentParser uses 64).
            let parserCode = exitCode(for: error)
            let code = parserCode == .validationFailure ? 2 : parserCode.rawValue
            if !message.isEmpty {
                // Help and --version are answers (stdout); everything else is a complaint (stderr).
                let stream = code == 0 ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((message + "\n").utf8))
            }
            return code
        }
    }
}
