import Fluent

struct CreateCatalogClass: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("catalog_classes")
            .autoID()
            .field("catalog_id", .int, .required, .references("catalogs", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("min_percent_hundredths", .int, .required)
            .field("sort_order", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("catalog_classes").delete()
    }
}
