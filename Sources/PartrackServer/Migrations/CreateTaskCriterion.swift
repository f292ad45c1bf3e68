import Fluent

struct CreateTaskCriterion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("task_criteria")
            .autoID()
            .field("task_id", .int, .required, .references("tasks", "id", onDelete: .cascade))
            .field("node_id", .int, .required, .references("catalog_nodes", "id"))
            .field("weight", .int, .required)
            .unique(on: "task_id", "node_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("task_criteria").delete()
    }
}
