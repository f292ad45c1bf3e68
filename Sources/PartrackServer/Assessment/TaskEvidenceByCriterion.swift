import Fluent
import PartrackDomain
import SQLKit

/// The evidence the tasks of a plan carry, by the criterion code their tasks are linked to.
struct TaskEvidenceByCriterion {
    private struct Row: PlainRow {
        let code: String
        let evidence: EvidenceRef

        init(row: PlainColumns) throws {
            code = try row.string("code")
            evidence = EvidenceRef(evidenceID: try row.int("evidence_id"), taskID: try row.int("task_id"))
        }
    }

    let byCode: [String: [EvidenceRef]]

    static func load(planID: Int, on db: any Database) async throws -> TaskEvidenceByCriterion {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select()
            .column(SQLColumn("id", table: Evidence.schema), as: "evidence_id")
            .column(SQLColumn("task_id", table: Evidence.schema))
            .column(SQLColumn("code", table: "catalog_nodes"))
            .from(Evidence.schema)
            .join(
                "task_criteria", on: SQLColumn("task_id", table: "task_criteria"), .equal,
                SQLColumn("task_id", table: Evidence.schema)
            )
            .join(
                "catalog_nodes", on: SQLColumn("id", table: "catalog_nodes"), .equal,
                SQLColumn("node_id", table: "task_criteria")
            )
            .join(
                PlanTask.schema, on: SQLColumn("id", table: PlanTask.schema), .equal,
                SQLColumn("task_id", table: Evidence.schema)
            )
            .where(SQLColumn("plan_id", table: PlanTask.schema), .equal, SQLBind(planID))
            .orderBy(SQLColumn("id", table: Evidence.schema))
            .all(reading: Row.self)
        return TaskEvidenceByCriterion(byCode: Dictionary(grouping: rows, by: \.code).mapValues { $0.map(\.evidence) })
    }

    /// Each leaf's evidence: that of tasks linked to the leaf itself or to a node above it.
    func byLeaf(_ leaves: [String]) -> [String: [EvidenceRef]] {
        var result: [String: [EvidenceRef]] = [:]
        for leaf in leaves {
            let found = byCode.filter { leaf == $0.key || leaf.hasPrefix($0.key + ".") }.sorted { $0.key < $1.key }
                .flatMap(\.value)
            if !found.isEmpty { result[leaf] = found }
        }
        return result
    }
}
