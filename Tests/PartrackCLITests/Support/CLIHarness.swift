import AsyncHTTPClient
import Foundation
import PartrackAPI
import PartrackCLI
import PartrackTestSupport
import Testing
import Vapor

/// A real server on a free port with a fresh copy of the demo database, and the CLI pointed at
/// it: commands run in-process with their own config folder, captured output, typed input and
/// password, so a test reads exactly what a person would see and gets the exit code a script would.
struct CLIHarness {
    let app: Application
    let server: String
    let configDirectory: URL
    let clock: TestClock
    /// A client whose every connection goes through a proxy that is not there: the network is
    /// down, while the configured server address stays what it was.
    let offlineClient: HTTPClient

    /// The moment the tests' world stands at: the demo plans are for 2023; the nine-month period
    /// is open (its reports are due 15/09), Q1 and H1 are behind.
    static let defaultNow = "10/09/2023 09:00"

    static func with(
        _ database: TestDatabase, now: String = defaultNow, _ body: (CLIHarness) async throws -> Void
    ) async throws {
        let clock = try TestClock.vietnam(now)
        try await withGatedTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let port = try await app.startLive()
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("partrack-cli-\(UUID().uuidString)", isDirectory: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            var configuration = HTTPClient.Configuration()
            configuration.proxy = .server(host: "127.0.0.1", port: 1)
            let offline = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            do {
                try await body(
                    CLIHarness(
                        app: app, server: "http://127.0.0.1:\(port)",
                        configDirectory: folder.appendingPathComponent("config", isDirectory: true), clock: clock,
                        offlineClient: offline))
            } catch {
                try await offline.shutdown()
                throw error
            }
            try await offline.shutdown()
        }
    }

    /// Runs `partrack <arguments>`; Vietnamese unless `environment` says otherwise.
    func run(
        _ arguments: [String], stdin: String = "", password: String? = nil, terminal: Bool = false,
        environment: [String: String] = [:], in directory: URL? = nil, offline: Bool = false
    ) async -> CLIRun {
        let out = Capture()
        let err = Capture()
        let passwords = TypedPassword(password)
        let context = CLIContext(
            http: offline ? offlineClient : .shared, configDirectory: directory ?? configDirectory, stdout: out,
            stderr: err,
            stdin: TypedInput(stdin), passwords: passwords, now: clock.reader,
            environment: environment, stdoutIsTerminal: false, stdinIsTerminal: terminal)
        let code = await PartrackCommand.run(arguments: arguments, context: context)
        return CLIRun(code: code, stdout: out.text, stderr: err.text, passwordPrompts: passwords.prompts)
    }

    /// `partrack login` as a demo user, with the password on stdin.
    @discardableResult
    func login(_ username: String, in directory: URL? = nil) async throws -> CLIRun {
        let result = await run(
            ["login", "--server", server, "--user", username, "--password-stdin"], stdin: demoPassword + "\n",
            in: directory)
        try #require(result.code == 0, "login \(username): \(result.stderr)")
        return result
    }

    /// Headers signing in as a demo user, for arranging or checking through the API directly.
    func auth(_ username: String) async throws -> HTTPHeaders { try await app.signIn(username) }

    func get<T: Decodable>(_ path: String, as username: String, _ type: T.Type = T.self) async throws -> T {
        try await app.sendRequest(.GET, "/api/v1" + path, headers: try await auth(username)).json(T.self)
    }

    /// The config folder's files.
    var configFile: URL { configDirectory.appendingPathComponent("config.json") }
    var queueFile: URL { configDirectory.appendingPathComponent("queue.json") }

    func storedConfig() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: configFile)) as? [String: Any])
    }

    func queue() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: queueFile)) as? [String: Any])
    }

    /// The permission bits of a file the CLI wrote.
    static func mode(of file: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int)
    }
}

/// What a command printed and how it exited.
struct CLIRun: CustomStringConvertible {
    let code: Int32
    let stdout: String
    let stderr: String
    var passwordPrompts: [String] = []

    func json<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(stdout.utf8))
    }

    var description: String { "exit \(code)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Collects what a command writes.
final class Capture: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""

    func write(_ text: String) {
        lock.lock()
        buffer += text
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }
}

/// Lines a test types in.
final class TypedInput: InputSource, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]

    init(_ text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    func readLine() -> String? {
        lock.lock()
        defer { lock.unlock() }
        return lines.isEmpty ? nil : lines.removeFirst()
    }

    func readAll() -> String {
        lock.lock()
        defer { lock.unlock() }
        let text = lines.joined(separator: "\n")
        lines = []
        return text
    }
}

/// The password a test "types" at the prompt; records the prompt it was asked with.
final class TypedPassword: PasswordSource, @unchecked Sendable {
    private let password: String?
    private let lock = NSLock()
    private var asked: [String] = []

    var prompts: [String] {
        lock.lock()
        defer { lock.unlock() }
        return asked
    }

    init(_ password: String?) { self.password = password }

    func readPassword(prompt: String) -> String? {
        lock.lock()
        asked.append(prompt)
        lock.unlock()
        return password
    }
}
