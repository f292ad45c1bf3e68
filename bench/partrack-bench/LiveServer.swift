import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PartrackAPI

/// A real `partrack-server` process on a scratch SQLite database filled by its own `generate`
/// command: the benchmarks time what a district's reviewer would wait for, end to end.
final class LiveServer: @unchecked Sendable {
    let baseURL: String
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    private let process: Process
    private let directory: URL

    /// Generates `communes` × `tasks` and starts the server beside this executable.
    static func start(communes: Int, tasks: Int) async throws -> LiveServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "partrack-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = Int.random(in: 20_000...40_000)
        var environment = ProcessInfo.processInfo.environment
        environment["PARTRACK_DATA_DIR"] = directory.path
        environment["PARTRACK_WEB_DIR"] = repositoryRoot.appendingPathComponent("web").path
        environment["PARTRACK_PORT"] = "\(port)"
        environment["PARTRACK_BCRYPT_COST"] = "4"
        environment["LOG_LEVEL"] = "warning"

        let generate = Process()
        generate.executableURL = serverExecutable
        generate.arguments = ["generate", "--communes", "\(communes)", "--tasks", "\(tasks)", "--seed", "1"]
        generate.environment = environment
        generate.currentDirectoryURL = repositoryRoot
        try generate.run()
        generate.waitUntilExit()
        guard generate.terminationStatus == 0 else {
            throw BenchFailure("generate exited \(generate.terminationStatus)")
        }

        let serve = Process()
        serve.executableURL = serverExecutable
        serve.arguments = ["serve"]
        serve.environment = environment
        serve.currentDirectoryURL = repositoryRoot
        try serve.run()
        let server = LiveServer(baseURL: "http://127.0.0.1:\(port)", process: serve, directory: directory)
        try await server.waitUntilHealthy()
        return server
    }

    private init(baseURL: String, process: Process, directory: URL) {
        self.baseURL = baseURL
        self.process = process
        self.directory = directory
    }

    static var serverExecutable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "partrack-server")
    }

    private func waitUntilHealthy() async throws {
        for _ in 0..<100 {
            if let response = try? await client.execute(
                HTTPClientRequest(url: baseURL + "/api/v1/health"), timeout: .seconds(1)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchFailure("the server did not become healthy")
    }

    /// A token for a user of the generated data (password `partrack-demo`).
    func signIn(_ username: String) async throws -> String {
        var request = HTTPClientRequest(url: baseURL + "/api/v1/tokens")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(
            ByteBuffer(
                bytes: try JSONEncoder().encode(
                    TokenCreateRequest(username: username, password: "partrack-demo", name: "bench"))))
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .created else { throw BenchFailure("sign-in answered \(response.status)") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(TokenIssuedDTO.self, from: Data(body.readableBytesView)).token
    }

    /// GETs a path and returns the body; fails on anything but 200.
    func get(_ path: String, token: String) async throws -> Data {
        var request = HTTPClientRequest(url: baseURL + path)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 64 << 20)
        guard response.status == .ok else { throw BenchFailure("GET \(path) answered \(response.status)") }
        return Data(body.readableBytesView)
    }

    func stop() async throws {
        process.terminate()
        process.waitUntilExit()
        try await client.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
