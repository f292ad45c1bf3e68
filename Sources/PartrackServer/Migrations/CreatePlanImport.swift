import Fluent

struct CreatePlanImport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_imports")
            .autoID()
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("plan_id", .int, .references("plans", "id"))
            .field("catalog_id", .int, .required, .references("catalogs", "id"))
            .field("filename", .string, .required)
            .field("stored_path", .string, .required)
            .field("uploader_id", .int, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("result_plan_id", .int)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_imports").delete()
    }
}
