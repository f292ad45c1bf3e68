import Fluent

struct CreateEvidence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("evidence")
            .autoID()
            .field("task_id", .int, .required, .references("tasks", "id"))
            .field("filename", .string, .required)
            .field("kind", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("uploader_id", .int, .required, .references("users", "id"))
            .field("uploaded_at", .datetime, .required)
            .unique(on: "task_id", "sha256")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("evidence").delete()
    }
}
