import Fluent

struct CreateTaskPosition: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("task_positions")
            .autoID()
            .field("task_id", .int, .required, .references("tasks", "id", onDelete: .cascade))
            .field("position_id", .int, .required, .references("positions", "id"))
            .field("part", .string, .required)
            .unique(on: "task_id", "position_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("task_positions").delete()
    }
}
