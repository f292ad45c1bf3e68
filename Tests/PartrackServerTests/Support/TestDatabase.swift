import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Testing
import Vapor

@testable import PartrackServer

/// The databases every storage test runs on: SQLite always, PostgreSQL when
/// `PARTRACK_TEST_POSTGRES_URL` names a server (`.ci/run` starts one and sets it).
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static let postgresAdminURL = ProcessInfo.processInfo.environment["PARTRACK_TEST_POSTGRES_URL"]

    static var available: [TestDatabase] {
        postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }
}

/// The repository's root, found from this file so tests run from any directory.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh, empty database of the given kind for one test, removed afterwards.
/// SQLite: a file in a new temporary directory. PostgreSQL: a new database on the test server.
struct ScratchDatabase {
    let config: AppConfig.Database
    let dataDirectory: URL
    private let cleanup: @Sendable () async throws -> Void

    static func make(_ kind: TestDatabase) async throws -> ScratchDatabase {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("partrack-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch kind {
        case .sqlite:
            return ScratchDatabase(
                config: .sqliteFile(path: directory.appendingPathComponent("test.sqlite").path),
                dataDirectory: directory,
                cleanup: { try? FileManager.default.removeItem(at: directory) })
        case .postgres:
            let adminURL = try #require(TestDatabase.postgresAdminURL)
            let name = "partrack_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
            try await PostgresAdmin.run("CREATE DATABASE \(name)", adminURL: adminURL)
            var parts = try #require(URLComponents(string: adminURL))
            parts.path = "/\(name)"
            return ScratchDatabase(
                config: .postgres(url: try #require(parts.string)),
                dataDirectory: directory,
                cleanup: {
                    try await PostgresAdmin.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", adminURL: adminURL)
                    try? FileManager.default.removeItem(at: directory)
                })
        }
    }

    func remove() async throws { try await cleanup() }
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
struct TestAppOptions {
    var demo = false
    var now: (@Sendable () -> Date)?
    var maxUploadBytes = 20 * 1024 * 1024
}

/// Builds a configured application on a scratch database, runs `body`, and tears both down.
func withTestApp(
    _ kind: TestDatabase, _ options: TestAppOptions = TestAppOptions(),
    _ body: (Application) async throws -> Void
) async throws {
    let scratch = try await ScratchDatabase.make(kind)
    let app = try await Application.make(.testing)
    do {
        var config = AppConfig(
            database: scratch.config, dataDirectory: scratch.dataDirectory,
            webDirectory: repositoryRoot.appendingPathComponent("web"), loadDemoData: options.demo,
            maxUploadBytes: options.maxUploadBytes, bcryptCost: 4)
        config.port = 0
        try await configure(app, config: config)
        if let now = options.now { app.partrack = try PartrackServices(config: config, now: now) }
        try await body(app)
    } catch {
        try await app.asyncShutdown()
        try await scratch.remove()
        throw error
    }
    try await app.asyncShutdown()
    try await scratch.remove()
}
