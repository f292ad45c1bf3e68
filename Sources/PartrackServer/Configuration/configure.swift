import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import PartrackDomain
import Vapor

/// Wires an application from a configuration: storage, templates, locales, middleware, routes,
/// then migrations and demo data as the configuration asks.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.partrack = try PartrackServices(config: config)
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = ByteCount(value: config.maxUploadBytes)
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    useStableJSON()

    try useDatabase(config.database, dataDirectory: config.dataDirectory, on: app)
    app.migrations.add(MigrationList.all)
    app.asyncCommands.use(GenerateCommand(), as: "generate")
    app.asyncCommands.use(LoadCatalogCommand(), as: "load-catalog")
    app.asyncCommands.use(ImportPlanCommand(), as: "import-plan")

    app.leaf.configuration.rootDirectory = config.webDirectory.appendingPathComponent("templates").path + "/"
    app.leaf.tags["t"] = TranslateTag()
    app.views.use { app in
        // Leaf's own provider keeps no parsed templates in Vapor's development environment, which
        // is what `swift run` starts: every page re-read and re-parsed its templates (a sixth of the
        // reviewer's province page). Templates are read once; restart the server after editing one.
        LeafRenderer(
            configuration: app.leaf.configuration, tags: app.leaf.tags, cache: app.leaf.cache,
            sources: app.leaf.sources, eventLoop: app.eventLoopGroup.next(),
            userInfo: app.leaf.userInfo.merging(["application": app]) { _, new in new })
    }

    // Errors first, so that every failure below it becomes a friendly page or a JSON error.
    app.middleware = Middlewares()
    app.middleware.use(PartrackErrorMiddleware())
    app.middleware.use(
        FileMiddleware(publicDirectory: config.webDirectory.appendingPathComponent("static").path + "/"))
    // Sessions live in the database, so several server processes can share them.
    app.sessions.use(.fluent)
    app.sessions.configuration = SessionsConfiguration(cookieName: "partrack_session") { id in
        HTTPCookies.Value(
            string: id.string, maxAge: 12 * 3600, path: "/", isSecure: config.secureCookies, isHTTPOnly: true,
            sameSite: .lax)
    }
    app.middleware.use(app.sessions.middleware)

    if config.autoMigrate {
        try await app.autoMigrate()
    }
    if config.loadDemoData {
        try await DemoSeeder(app: app).seedIfNeeded()
    }
    try routes(app)
}

/// Chooses the Fluent driver from `DATABASE_URL`.
func useDatabase(_ database: AppConfig.Database, dataDirectory: URL, on app: Application) throws {
    switch database {
    case .sqliteFile(let path):
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url):
        app.databases.use(try .postgres(url: url), as: .psql)
    }
}

/// JSON with sorted keys and ISO 8601 instants: stable for scripts and diffs.
func useStableJSON() {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    ContentConfiguration.global.use(decoder: decoder, for: .json)
}
