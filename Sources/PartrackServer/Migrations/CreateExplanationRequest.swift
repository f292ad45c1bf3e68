import Fluent

struct CreateExplanationRequest: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("explanation_requests")
            .autoID()
            .field("task_id", .int, .required, .references("tasks", "id", onDelete: .cascade))
            .field("requested_by", .int, .required, .references("users", "id"))
            .field("addressee_id", .int, .required, .references("users", "id"))
            .field("requested_at", .datetime, .required)
            .field("question", .string, .required)
            .field("answer", .string)
            .field("answered_by", .int, .references("users", "id"))
            .field("answered_at", .datetime)
            .field("closed_by", .int, .references("users", "id"))
            .field("closed_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("explanation_requests").delete()
    }
}
