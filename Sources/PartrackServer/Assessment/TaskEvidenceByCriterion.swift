import Fluent
import PartrackDomain
import SQLKit

/// The evidence the tasks of a plan carry, by the criterion code their tasks are linked to.
struct TaskEvidenceByCriterion {
    private struct Row: Decodable {
        let evidenceID: Int
        let taskID: Int
        let code: String

        enum CodingKeys: String, CodingKey {
            case evidenceID = "evidence_id"
            case taskID = "task_id"
            case code
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
            .all(decoding: Row.self)
        var byCode: [String: [EvidenceRef]] = [:]
        for row in rows {
            byCode[row.code, default: []].append(EvidenceRef(evidenceID: row.evidenceID, taskID: row.taskID))
        }
        return TaskEvidenceByCriterion(byCode: byCode)
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
