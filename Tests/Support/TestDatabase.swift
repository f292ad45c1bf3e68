import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Testing
import Vapor

// Tests build with testability (debug); a release build of the whole package compiles this
// module too, without it, and runs no test, so there it makes do with the public API.
#if DEBUG
    @testable import PartrackServer
#else
    import PartrackServer
#endif

/// The databases every storage test runs on: SQLite always, PostgreSQL when
/// `PARTRACK_TEST_POSTGRES_URL` names a server (`.ci/run` starts one and sets it).
public enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    public static let postgresAdminURL = ProcessInfo.processInfo.environment["PARTRACK_TEST_POSTGRES_URL"]

    public static var available: [TestDatabase] {
        postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var testDescription: String { rawValue }
}

/// The repository's root, found from this file so tests run from any directory.
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A database of the given kind for one test, removed afterwards. Each is a copy of a template
/// that was migrated (and, when asked, loaded with the demo data) once per test run: SQLite copies
/// the template's file, PostgreSQL creates the database `TEMPLATE` the migrated one.
struct ScratchDatabase {
    let config: AppConfig.Database
    let dataDirectory: URL
    private let cleanup: @Sendable () async throws -> Void

    static func make(_ kind: TestDatabase, demo: Bool) async throws -> ScratchDatabase {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("partrack-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let template = try await Templates.shared.template(kind, demo: demo)
        switch template {
        case .sqliteFile(let path):
            let copy = directory.appendingPathComponent("test.sqlite")
            try FileManager.default.copyItem(atPath: path, toPath: copy.path)
            return ScratchDatabase(
                config: .sqliteFile(path: copy.path), dataDirectory: directory,
                cleanup: { try? FileManager.default.removeItem(at: directory) })
        case .postgres(let templateName):
            let adminURL = try #require(TestDatabase.postgresAdminURL)
            let name = uniqueName("partrack_t_")
            try await PostgresAdmin.run("CREATE DATABASE \(name) TEMPLATE \(templateName)", adminURL: adminURL)
            return ScratchDatabase(
                config: .postgres(url: try databaseURL(name, adminURL: adminURL)), dataDirectory: directory,
                cleanup: {
                    try await PostgresAdmin.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", adminURL: adminURL)
                    try? FileManager.default.removeItem(at: directory)
                })
        }
    }

    func remove() async throws { try await cleanup() }
}

func uniqueName(_ prefix: String) -> String {
    prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
}

func databaseURL(_ name: String, adminURL: String) throws -> String {
    var parts = try #require(URLComponents(string: adminURL))
    parts.path = "/\(name)"
    return try #require(parts.string)
}

/// Migrated template databases, made once per test run and kind.
actor Templates {
    static let shared = Templates()

    enum Template: Sendable {
        case sqliteFile(String)
        case postgres(String)
    }

    private var made: [String: Template] = [:]

    func template(_ kind: TestDatabase, demo: Bool) async throws -> Template {
        let key = "\(kind.rawValue)-\(demo)"
        if let template = made[key] { return template }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("partrack-template-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let template: Template
        let database: AppConfig.Database
        switch kind {
        case .sqlite:
            let path = directory.appendingPathComponent("template.sqlite").path
            template = .sqliteFile(path)
            database = .sqliteFile(path: path)
        case .postgres:
            let adminURL = try #require(TestDatabase.postgresAdminURL)
            let name = uniqueName("partrack_tpl_")
            try await PostgresAdmin.run("CREATE DATABASE \(name)", adminURL: adminURL)
            template = .postgres(name)
            database = .postgres(url: try databaseURL(name, adminURL: adminURL))
        }
        // Migrate (and seed) through the real configure(), then let go of every connection:
        // PostgreSQL copies only a template nobody is connected to.
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config: testConfig(database, dataDirectory: directory, demo: demo))
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        made[key] = template
        return template
    }
}

func testConfig(_ database: AppConfig.Database, dataDirectory: URL, demo: Bool, maxUploadBytes: Int = 20 * 1024 * 1024)
    -> AppConfig
{
    var config = AppConfig(
        database: database, dataDirectory: dataDirectory, webDirectory: repositoryRoot.appendingPathComponent("web"),
        loadDemoData: demo, maxUploadBytes: maxUploadBytes, bcryptCost: 4)
    config.port = 0
    return config
}

/// Runs statements on the PostgreSQL server's maintenance database.
enum PostgresAdmin {
    static func run(_ statement: String, adminURL: String) async throws {
        let app = try await Application.make(.testing)
        do {
            app.databases.use(try .postgres(url: adminURL), as: .psql)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw(SQLQueryString(statement)).run()
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// The options a test may want for its application.
public struct TestAppOptions {
    public var demo: Bool
    public var now: (@Sendable () -> Date)?
    public var maxUploadBytes: Int

    public init(demo: Bool = false, now: (@Sendable () -> Date)? = nil, maxUploadBytes: Int = 20 * 1024 * 1024) {
        self.demo = demo
        self.now = now
        self.maxUploadBytes = maxUploadBytes
    }
}

/// Builds a configured application on a scratch database, runs `body`, and tears both down.
public func withTestApp(
    _ kind: TestDatabase, _ options: TestAppOptions = TestAppOptions(),
    _ body: (Application) async throws -> Void
) async throws {
    let scratch = try await ScratchDatabase.make(kind, demo: options.demo)
    let app = try await Application.make(.testing)
    do {
        // The template already holds the demo data: configure without loading it again.
        let config = testConfig(
            scratch.config, dataDirectory: scratch.dataDirectory, demo: false, maxUploadBytes: options.maxUploadBytes)
        try await configure(app, config: config)
        if let now = options.now {
            #if DEBUG
                app.partrack = try PartrackServices(config: config, now: now)
            #else
                preconditionFailure("TestAppOptions.now needs a debug (testable) build")
            #endif
        }
        try await body(app)
    } catch {
        await app.stopLive()
        try await app.asyncShutdown()
        try await scratch.remove()
        throw error
    }
    await app.stopLive()
    try await app.asyncShutdown()
    try await scratch.remove()
}
