import Fluent

struct CreateAuditEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .autoID()
            .field("at", .datetime, .required)
            .field("actor_id", .int)
            .field("actor_name", .string, .required)
            .field("address", .string, .required)
            .field("action", .string, .required)
            .field("outcome", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .int)
            .field("unit_id", .int)
            .field("before_json", .string, .required)
            .field("after_json", .string, .required)
            .field("reason", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_events").delete()
    }
}
