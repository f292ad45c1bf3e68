import Fluent

struct CreateBaseline: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("baselines")
            .autoID()
            .field("unit_id", .int, .required, .references("units", "id", onDelete: .cascade))
            .field("catalog_id", .int, .required, .references("catalogs", "id", onDelete: .cascade))
            .field("node_code", .string, .required)
            .field("points_hundredths", .int, .required)
            .field("source", .string, .required)
            .field("recorded_by", .int, .required, .references("users", "id"))
            .field("recorded_at", .datetime, .required)
            .unique(on: "unit_id", "catalog_id", "node_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("baselines").delete()
    }
}
