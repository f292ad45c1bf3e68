import Foundation
import PartrackDomain

/// Everything the server reads from its environment, read once at start into typed values.
/// A bad value stops start-up with a message naming the variable, before anything listens.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)

        public var kind: String {
            switch self {
            case .sqliteFile, .sqliteMemory: return "sqlite"
            case .postgres: return "postgres"
            }
        }
    }

    public var database: Database
    public var host: String
    public var port: Int
    /// Holds the SQLite file, evidence files and anything else the server keeps on disk.
    public var dataDirectory: URL
    /// Templates, static files and locale catalogs.
    public var webDirectory: URL
    /// The zone whose days are deadlines (Vietnam's; the server's own zone does not matter).
    public var timeZone: TimeZone
    /// Load the demo units, users and plan at start (idempotent).
    public var loadDemoData: Bool
    /// Run pending migrations at start; turn off when several servers share one PostgreSQL.
    public var autoMigrate: Bool
    public var maxUploadBytes: Int
    /// Work factor of bcrypt; lower only in tests.
    public var bcryptCost: Int
    /// Pretend today is this day (the clock keeps running from it): for demos of a past plan and for
    /// end-to-end tests. Never set on a real server.
    public var today: String?
    /// Mark the session cookie `Secure` (sent over HTTPS only): on whenever the site is served over HTTPS.
    public var secureCookies: Bool

    public static let variables = [
        "DATABASE_URL", "PARTRACK_HOST", "PARTRACK_PORT", "PARTRACK_DATA_DIR", "PARTRACK_WEB_DIR",
        "PARTRACK_TIME_ZONE", "PARTRACK_DEMO", "PARTRACK_AUTO_MIGRATE", "PARTRACK_MAX_UPLOAD_MB",
        "PARTRACK_BCRYPT_COST", "PARTRACK_SECURE_COOKIES", "PARTRACK_TODAY",
    ]

    public init(
        database: Database, host: String = "127.0.0.1", port: Int = 8080, dataDirectory: URL,
        webDirectory: URL, timeZone: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!,
        loadDemoData: Bool = false, autoMigrate: Bool = true, maxUploadBytes: Int = 20 * 1024 * 1024,
        bcryptCost: Int = 12, secureCookies: Bool = false
    ) {
        self.database = database
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.webDirectory = webDirectory
        self.timeZone = timeZone
        self.loadDemoData = loadDemoData
        self.autoMigrate = autoMigrate
        self.maxUploadBytes = maxUploadBytes
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
    }

    /// Reads the configuration from environment variables (see README, "Configuration").
    public static func fromEnvironment(
        _ environment: [String: String], workingDirectory: URL
    ) throws(ConfigError) -> AppConfig {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        /// An absolute path as it is; a relative one from the directory the server started in.
        func directory(_ path: String) -> URL {
            (path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path))
                .standardizedFileURL
        }
        let dataDirectory = directory(value("PARTRACK_DATA_DIR") ?? "data")
        let webDirectory = directory(value("PARTRACK_WEB_DIR") ?? "web")

        var config = AppConfig(
            database: try parseDatabase(value("DATABASE_URL"), dataDirectory: dataDirectory),
            dataDirectory: dataDirectory, webDirectory: webDirectory)
        if let host = value("PARTRACK_HOST") { config.host = host }
        if let text = value("PARTRACK_PORT") {
            guard let port = Int(text), (1...65535).contains(port) else {
                throw ConfigError(
                    variable: "PARTRACK_PORT", value: text, expected: "số cổng từ 1 đến 65535", "a port number 1–65535")
            }
            config.port = port
        }
        if let text = value("PARTRACK_TIME_ZONE") {
            guard let zone = TimeZone(identifier: text) else {
                throw ConfigError(
                    variable: "PARTRACK_TIME_ZONE", value: text, expected: "tên múi giờ, ví dụ Asia/Ho_Chi_Minh",
                    "a time zone name such as Asia/Ho_Chi_Minh")
            }
            config.timeZone = zone
        }
        if let text = value("PARTRACK_DEMO") { config.loadDemoData = try parseFlag("PARTRACK_DEMO", text) }
        if let text = value("PARTRACK_TODAY") {
            guard (try? DateInput.parse(text)) != nil else {
                throw ConfigError(
                    variable: "PARTRACK_TODAY", value: text, expected: "một ngày dạng dd/mm/yyyy",
                    "a day written dd/mm/yyyy")
            }
            config.today = text
        }
        if let text = value("PARTRACK_SECURE_COOKIES") {
            config.secureCookies = try parseFlag("PARTRACK_SECURE_COOKIES", text)
        }
        if let text = value("PARTRACK_AUTO_MIGRATE") {
            config.autoMigrate = try parseFlag("PARTRACK_AUTO_MIGRATE", text)
        }
        if let text = value("PARTRACK_MAX_UPLOAD_MB") {
            guard let megabytes = Int(text), (1...1024).contains(megabytes) else {
                throw ConfigError(
                    variable: "PARTRACK_MAX_UPLOAD_MB", value: text, expected: "số nguyên từ 1 đến 1024",
                    "a whole number 1–1024")
            }
            config.maxUploadBytes = megabytes * 1024 * 1024
        }
        if let text = value("PARTRACK_BCRYPT_COST") {
            guard let cost = Int(text), (4...31).contains(cost) else {
                throw ConfigError(
                    variable: "PARTRACK_BCRYPT_COST", value: text, expected: "số nguyên từ 4 đến 31",
                    "a whole number 4–31")
            }
            config.bcryptCost = cost
        }
        return config
    }

    /// `DATABASE_URL`: absent → `partrack.sqlite` in the data directory; `sqlite:///path`;
    /// `sqlite::memory:`; `postgres://user:pass@host:port/db` (also `postgresql://`).
    static func parseDatabase(_ text: String?, dataDirectory: URL) throws(ConfigError) -> Database {
        guard let text else {
            return .sqliteFile(path: dataDirectory.appendingPathComponent("partrack.sqlite").path)
        }
        if text == "sqlite::memory:" { return .sqliteMemory }
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard path.hasPrefix("/"), path.count > 1 else {
                throw ConfigError(
                    variable: "DATABASE_URL", value: text,
                    expected: "sqlite:///đường/dẫn/tuyệt/đối.sqlite (ba dấu /), sqlite::memory: hoặc postgres://…",
                    "sqlite:///absolute/path/file.sqlite (three slashes), sqlite::memory: or postgres://…")
            }
            return .sqliteFile(path: path)
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let url = URL(string: text), url.host != nil, !(url.path.isEmpty || url.path == "/") else {
                throw ConfigError(
                    variable: "DATABASE_URL", value: redacted(text),
                    expected: "postgres://người_dùng:mật_khẩu@máy:cổng/tên_csdl",
                    "postgres://user:password@host:port/database")
            }
            return .postgres(url: text)
        }
        throw ConfigError(
            variable: "DATABASE_URL", value: redacted(text),
            expected: "sqlite:///đường/dẫn, sqlite::memory: hoặc postgres://…",
            "sqlite:///path, sqlite::memory: or postgres://user:password@host:port/database")
    }

    static func parseFlag(_ name: String, _ text: String) throws(ConfigError) -> Bool {
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            throw ConfigError(variable: name, value: text, expected: "1 hoặc 0 (true/false)", "1 or 0 (true/false)")
        }
    }

    /// Hides a password in a URL before it is printed.
    static func redacted(_ text: String) -> String {
        guard var parts = URLComponents(string: text), parts.password != nil else { return text }
        parts.password = "***"
        return parts.string ?? text
    }
}

/// A configuration value that cannot be used; its description is the whole message an operator reads.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public let variable: String
    public let value: String
    public let expectedVietnamese: String
    public let expectedEnglish: String

    public init(variable: String, value: String, expected vietnamese: String, _ english: String) {
        self.variable = variable
        self.value = value
        self.expectedVietnamese = vietnamese
        self.expectedEnglish = english
    }

    /// Printed to the operator's terminal before the server exists, so both languages at once.
    public var description: String {
        "Cấu hình không hợp lệ: \(variable)=\"\(value)\" — cần \(expectedVietnamese). "
            + "(Invalid configuration: \(variable)=\"\(value)\"; expected \(expectedEnglish).)"
    }
}
