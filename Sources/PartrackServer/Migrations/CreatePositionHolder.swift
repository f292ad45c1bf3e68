import Fluent

struct CreatePositionHolder: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("position_holders")
            .autoID()
            .field("position_id", .int, .required, .references("positions", "id", onDelete: .cascade))
            .field("user_id", .int, .required, .references("users", "id", onDelete: .cascade))
            .unique(on: "position_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("position_holders").delete()
    }
}
