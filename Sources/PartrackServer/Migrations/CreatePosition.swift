import Fluent

struct CreatePosition: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("positions")
            .autoID()
            .field("unit_id", .int, .required, .references("units", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("aliases", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "unit_id", "title")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("positions").delete()
    }
}
