import Fluent

struct CreateCatalog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("catalogs")
            .autoID()
            .field("name", .string, .required)
            .field("year", .int, .required)
            .field("level", .string, .required)
            .field("decision", .string, .required)
            .field("is_sample", .bool, .required)
            .field("late_credit_percent", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "name", "year", "level")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("catalogs").delete()
    }
}
