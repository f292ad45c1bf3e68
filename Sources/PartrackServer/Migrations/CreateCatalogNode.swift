import Fluent

struct CreateCatalogNode: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("catalog_nodes")
            .autoID()
            .field("catalog_id", .int, .required, .references("catalogs", "id", onDelete: .cascade))
            .field("parent_id", .int, .references("catalog_nodes", "id"))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("max_hundredths", .int, .required)
            .field("measure", .string, .required)
            .field("sort_order", .int, .required)
            .unique(on: "catalog_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("catalog_nodes").delete()
    }
}
