import Fluent

struct CreateTaskUpdate: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("task_updates")
            .autoID()
            .field("task_id", .int, .required, .references("tasks", "id", onDelete: .cascade))
            .field("author_id", .int, .required, .references("users", "id"))
            .field("at", .datetime, .required)
            .field("kind", .string, .required)
            .field("from_state", .string)
            .field("to_state", .string)
            .field("from_progress", .int)
            .field("to_progress", .int)
            .field("from_due", .string)
            .field("to_due", .string)
            .field("note", .string, .required)
            .field("version", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("task_updates").delete()
    }
}
