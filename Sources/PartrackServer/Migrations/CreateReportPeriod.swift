import Fluent

struct CreateReportPeriod: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_periods")
            .autoID()
            .field("plan_id", .int, .required, .references("plans", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("cut_off", .string, .required)
            .field("due_date", .string, .required)
            .unique(on: "plan_id", "kind")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_periods").delete()
    }
}
