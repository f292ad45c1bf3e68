import Fluent

struct CreatePlan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plans")
            .autoID()
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("catalog_id", .int, .required, .references("catalogs", "id"))
            .field("year", .int, .required)
            .field("number", .string, .required)
            .field("document_date", .string)
            .field("title", .string, .required)
            .field("target_rank", .int)
            .field("target_rank_of", .int)
            .field("target_class", .string)
            .field("state", .string, .required)
            .field("internal_lead_days", .int, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plans").delete()
    }
}
