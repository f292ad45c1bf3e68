import Fluent
import SQLKit

/// Indexes for the lookups every page makes (tasks of a plan, of a position; history of a task;
/// audit of a unit). Built with SQLKit's portable builder, so both databases get the same DDL.
struct CreateLookupIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_tasks_plan", "tasks", ["plan_id"]),
        ("idx_tasks_due", "tasks", ["due_date"]),
        ("idx_task_positions_position", "task_positions", ["position_id"]),
        ("idx_task_criteria_task", "task_criteria", ["task_id"]),
        ("idx_task_updates_task", "task_updates", ["task_id"]),
        ("idx_evidence_task", "evidence", ["task_id"]),
        ("idx_evidence_sha", "evidence", ["sha256"]),
        ("idx_plans_unit", "plans", ["unit_id"]),
        ("idx_units_parent", "units", ["parent_id"]),
        ("idx_period_reports_unit", "period_reports", ["unit_id"]),
        ("idx_audit_unit_at", "audit_events", ["unit_id", "at"]),
        ("idx_explanations_task", "explanation_requests", ["task_id"]),
        ("idx_login_failures_user_at", "login_failures", ["username", "at"]),
        ("idx_login_failures_address_at", "login_failures", ["address", "at"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes.reversed() {
            try await sql.drop(index: index.name).run()
        }
    }
}
