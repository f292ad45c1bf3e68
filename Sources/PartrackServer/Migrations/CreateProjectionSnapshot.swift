import Fluent

struct CreateProjectionSnapshot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("projection_snapshots")
            .autoID()
            .field("plan_id", .int, .required, .references("plans", "id", onDelete: .cascade))
            .field("occasion", .string, .required)
            .field("as_of", .datetime, .required)
            .field("earned_hundredths", .int, .required)
            .field("projected_hundredths", .int, .required)
            .field("ceiling_hundredths", .int, .required)
            .field("maximum_hundredths", .int, .required)
            .field("snapshot_json", .string, .required)
            .unique(on: "plan_id", "occasion")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("projection_snapshots").delete()
    }
}
