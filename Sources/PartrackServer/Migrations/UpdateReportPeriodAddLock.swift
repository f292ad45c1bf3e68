import Fluent

/// A reviewer locks a period: nothing in it changes until they reopen it.
struct UpdateReportPeriodAddLock: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
        try await database.schema("report_periods").field("locked_at", .datetime).update()
        try await database.schema("report_periods").field("locked_by", .int, .references("users", "id")).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_periods").deleteField("locked_by").update()
        try await database.schema("report_periods").deleteField("locked_at").update()
    }
}
