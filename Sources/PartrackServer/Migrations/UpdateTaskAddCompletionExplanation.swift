import Fluent

/// The written explanation (giải trình) that stands in for evidence when a task is marked done.
struct UpdateTaskAddCompletionExplanation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tasks")
            .field("completion_explanation", .string)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tasks").deleteField("completion_explanation").update()
    }
}
