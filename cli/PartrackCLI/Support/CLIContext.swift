import AsyncHTTPClient
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything a command touches outside itself: the HTTP client, where its files live, where its
/// words go, where a password comes from, and the time. Commands receive it rather than reaching
/// for globals, so tests run them in-process against a real server with their own folders and sinks.
public struct CLIContext: Sendable {
    public var http: HTTPClient
    /// Holds `config.json` (server and token), `queue.json` (changes waiting for the server) and
    /// `known-tasks.json` (the versions of the tasks last seen).
    public var configDirectory: URL
    /// Data: tables and JSON.
    public var stdout: any OutputSink
    /// Messages: progress, warnings, errors.
    public var stderr: any OutputSink
    /// Lines typed or piped in: `--password-stdin`, answers to questions, `--note-file -`.
    public var stdin: any InputSource
    public var passwords: any PasswordSource
    public var now: @Sendable () -> Date
    /// For the language (`PARTRACK_LANG`, `LC_ALL`, `LANG`) and `NO_COLOR`.
    public var environment: [String: String]
    /// Colours only when stdout is a terminal.
    public var stdoutIsTerminal: Bool
    /// Questions (queue the change?) only when someone is there to answer.
    public var stdinIsTerminal: Bool

    public init(
        http: HTTPClient, configDirectory: URL, stdout: any OutputSink, stderr: any OutputSink,
        stdin: any InputSource, passwords: any PasswordSource, now: @escaping @Sendable () -> Date = { Date() },
        environment: [String: String] = [:], stdoutIsTerminal: Bool = false, stdinIsTerminal: Bool = false
    ) {
        self.http = http
        self.configDirectory = configDirectory
        self.stdout = stdout
        self.stderr = stderr
        self.stdin = stdin
        self.passwords = passwords
        self.now = now
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stdinIsTerminal = stdinIsTerminal
    }

    /// The context of a real run: the process's streams, terminal and environment.
    public static func live() -> CLIContext {
        let environment = ProcessInfo.processInfo.environment
        return CLIContext(
            http: .shared, configDirectory: defaultConfigDirectory(environment: environment),
            stdout: StandardStream.output, stderr: StandardStream.error, stdin: StandardInput(),
            passwords: TerminalPassword(), environment: environment, stdoutIsTerminal: isatty(1) == 1,
            stdinIsTerminal: isatty(0) == 1)
    }

    /// `$XDG_CONFIG_HOME/partrack`, else `~/.config/partrack` (the XDG base directory default).
    public static func defaultConfigDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("partrack", isDirectory: true)
        }
        let home =
            environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".config/partrack", isDirectory: true)
    }
}
