import Fluent

struct CreatePlanTask: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tasks")
            .autoID()
            .field("plan_id", .int, .required, .references("plans", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("details", .string, .required)
            .field("expected_output", .string, .required)
            .field("area_node_id", .int, .references("catalog_nodes", "id"))
            .field("assignee_id", .int, .references("users", "id"))
            .field("start_date", .string)
            .field("due_date", .string)
            .field("state", .string, .required)
            .field("progress", .int, .required)
            .field("completed_at", .datetime)
            .field("version", .int, .required)
            .field("needs_assignment", .bool, .required)
            .field("fingerprint", .string, .required)
            .field("source_ref", .string, .required)
            .field("sort_order", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tasks").delete()
    }
}
