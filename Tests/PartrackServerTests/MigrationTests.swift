import Fluent
import PartrackTestSupport
import SQLKit
import Testing
import Vapor

@testable import PartrackServer

@Suite struct MigrationTests {
    @Test(arguments: TestDatabase.available)
    func migrationsRunForwardRevertAndRunForwardAgain(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // configure() migrated once; revert everything, then migrate again.
            try await app.autoRevert()
            #expect(try await tableExists("tasks", app) == false)
            #expect(try await tableExists("units", app) == false)
            try await app.autoMigrate()
            #expect(try await tableExists("tasks", app))
            let unit = OrgUnit(code: "x", name: "UBND xã X", level: .commune, parentID: nil)
            try await unit.create(on: app.db)
            #expect(try await OrgUnit.query(on: app.db).count() == 1)
        }
    }

    func tableExists(_ name: String, _ app: Application) async throws -> Bool {
        let sql = try #require(app.db as? any SQLDatabase)
        do {
            _ = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: name)").first()
            return true
        } catch {
            return false
        }
    }
}
