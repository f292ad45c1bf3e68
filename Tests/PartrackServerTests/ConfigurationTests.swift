import Foundation
import Testing

@testable import PartrackServer

@Suite struct ConfigurationTests {
    let cwd = URL(fileURLWithPath: "/srv/partrack")

    @Test func withoutDatabaseURLUsesASQLiteFileInTheDataDirectory() throws {
        let config = try AppConfig.fromEnvironment([:], workingDirectory: cwd)
        #expect(config.database == .sqliteFile(path: "/srv/partrack/data/partrack.sqlite"))
        #expect(config.port == 8080)
        #expect(config.host == "127.0.0.1")
        #expect(config.timeZone.identifier == "Asia/Ho_Chi_Minh")
        #expect(config.loadDemoData == false)
        #expect(config.maxUploadBytes == 20 * 1024 * 1024)
    }

    @Test func readsEveryKindOfDatabaseURL() throws {
        func database(_ url: String) throws -> AppConfig.Database {
            try AppConfig.fromEnvironment(["DATABASE_URL": url], workingDirectory: cwd).database
        }
        #expect(
            try database("sqlite:///var/lib/partrack/db.sqlite") == .sqliteFile(path: "/var/lib/partrack/db.sqlite"))
        #expect(try database("sqlite::memory:") == .sqliteMemory)
        #expect(try database("postgres://u:p@db:5432/partrack") == .postgres(url: "postgres://u:p@db:5432/partrack"))
        #expect(try database("postgresql://u@db/partrack") == .postgres(url: "postgresql://u@db/partrack"))
    }

    @Test func readsTheOtherSettings() throws {
        let config = try AppConfig.fromEnvironment(
            [
                "PARTRACK_PORT": "9000", "PARTRACK_HOST": "0.0.0.0", "PARTRACK_DATA_DIR": "/var/partrack",
                "PARTRACK_TIME_ZONE": "Asia/Bangkok", "PARTRACK_DEMO": "1", "PARTRACK_MAX_UPLOAD_MB": "5",
            ], workingDirectory: cwd)
        #expect(config.port == 9000)
        #expect(config.host == "0.0.0.0")
        #expect(config.dataDirectory.path == "/var/partrack")
        #expect(config.timeZone.identifier == "Asia/Bangkok")
        #expect(config.loadDemoData)
        #expect(config.maxUploadBytes == 5 * 1024 * 1024)
    }

    @Test(arguments: [
        ("DATABASE_URL", "mysql://x/y"), ("DATABASE_URL", "sqlite://relative.db"),
        ("DATABASE_URL", "postgres://host-only"),
        ("PARTRACK_PORT", "80a"), ("PARTRACK_PORT", "70000"), ("PARTRACK_TIME_ZONE", "Asia/Hanoi_City"),
        ("PARTRACK_DEMO", "maybe"), ("PARTRACK_MAX_UPLOAD_MB", "0"), ("PARTRACK_BCRYPT_COST", "99"),
    ])
    func aBadValueStopsStartUpNamingTheVariable(variable: String, value: String) {
        do {
            _ = try AppConfig.fromEnvironment([variable: value], workingDirectory: cwd)
            Issue.record("\(variable)=\(value) was accepted")
        } catch {
            #expect(error.variable == variable)
            #expect(error.description.contains(variable))
            #expect(error.description.hasPrefix("Cấu hình không hợp lệ"))
        }
    }

    @Test func neverPrintsADatabasePassword() {
        do {
            _ = try AppConfig.fromEnvironment(["DATABASE_URL": "mysql://admin:secret@db/x"], workingDirectory: cwd)
        } catch {
            #expect(!error.description.contains("secret"))
        }
    }
}
