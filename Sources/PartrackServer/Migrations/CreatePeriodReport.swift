import Fluent

struct CreatePeriodReport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("period_reports")
            .autoID()
            .field("period_id", .int, .required, .references("report_periods", "id", onDelete: .cascade))
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("position_id", .int, .references("positions", "id"))
            .field("scope_key", .string, .required)
            .field("narrative", .string, .required)
            .field("summary_json", .string, .required)
            .field("submitted_at", .datetime)
            .field("submitted_by", .int, .references("users", "id"))
            .field("approved_at", .datetime)
            .field("approved_by", .int, .references("users", "id"))
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "period_id", "scope_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("period_reports").delete()
    }
}
