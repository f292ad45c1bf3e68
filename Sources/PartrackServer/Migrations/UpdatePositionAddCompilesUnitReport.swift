import Fluent

/// Marks the position that compiles the unit's periodic report (the commune office, Văn phòng – Thống kê).
struct UpdatePositionAddCompilesUnitReport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("positions")
            .field("compiles_unit_report", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("positions").deleteField("compiles_unit_report").update()
    }
}
