import Fluent
import PartrackDomain
import SQLKit
import Vapor

/// Builds the projection engine's inputs for many plans at once, in a fixed number of queries:
/// a reviewer's table of 200 communes must not cost 200 round trips per table.
enum ProjectionFacts {
    /// A task with one of its criterion links (none when it has none): a task linked to two
    /// criteria comes as two rows, one after the other.
    private struct TaskLinkRow: PlainRow {
        let planID: Int
        let task: ProjectionTask?
        let link: CriterionLink?

        init(row: PlainColumns) throws {
            planID = try row.int("plan_id")
            // A state this version does not know is left out, as compliance does.
            task = try TaskState(rawValue: try row.string("state")).map {
                ProjectionTask(
                    id: try row.int("id"), title: row.contains("title") ? try row.string("title") : "", state: $0,
                    due: try row.optionalDay("due_date"), completedAt: try row.optionalDate("completed_at"), links: [])
            }
            link = try row.optionalString("code").map { CriterionLink(code: $0, weight: try row.int("weight")) }
        }

        /// The tasks with all their links, by plan, in the rows' order.
        static func tasksByPlan(_ rows: [TaskLinkRow]) -> [Int: [ProjectionTask]] {
            var byPlan: [Int: [ProjectionTask]] = [:]
            var previousTaskID: Int?
            for row in rows {
                guard let task = row.task else { continue }
                if task.id != previousTaskID { byPlan[row.planID, default: []].append(task) }
                previousTaskID = task.id
                if let link = row.link, let last = byPlan[row.planID]?.indices.last {
                    byPlan[row.planID]![last].links.append(link)  // in place, no copy of the plan's tasks
                }
            }
            return byPlan
        }
    }

    private struct BaselineRow: PlainRow {
        let unitID: Int
        let catalogID: Int
        let code: String
        let points: Points

        init(row: PlainColumns) throws {
            unitID = try row.int("unit_id")
            catalogID = try row.int("catalog_id")
            code = try row.string("node_code")
            points = Points(hundredths: try row.int("points_hundredths"))
        }
    }

    /// How much of the tasks an input needs.
    enum Detail {
        /// Everything, in the plan's order: one unit's projection shows its tasks by title.
        case full
        /// No titles, in storage order: totals and ranks (`ProjectionEngine.totals`) never show
        /// a task, and a province's 12,000 titles, sorted, were most of what its table read.
        case totals

        /// A task's links always come one after the other, as `TaskLinkRow.tasksByPlan` expects.
        var taskOrder: [any SQLExpression] {
            switch self {
            case .full:
                [
                    SQLColumn("sort_order", table: PlanTask.schema), SQLColumn("id", table: PlanTask.schema),
                    SQLColumn("id", table: "task_criteria"),
                ]
            // The plan index's own order: nothing to sort.
            case .totals: [SQLColumn("plan_id", table: PlanTask.schema), SQLColumn("id", table: PlanTask.schema)]
            }
        }
    }

    /// The input of one plan.
    static func input(for plan: Plan, asOf: Date, clock: CivilClock, on db: any Database) async throws
        -> ProjectionInput?
    {
        try await inputs(for: [plan.ref()], asOf: asOf, clock: clock, on: db)[plan.requireID()]
    }

    /// The input of each plan, by plan id.
    static func inputs(
        for plans: [OversightRows.PlanRef], asOf: Date, clock: CivilClock, detail: Detail = .full,
        on db: any Database
    ) async throws -> [Int: ProjectionInput] {
        guard !plans.isEmpty else { return [:] }
        let planIDs = plans.map(\.id)
        var catalogs: [Int: CatalogDefinition] = [:]
        for catalogID in Set(plans.map(\.catalogID)) {
            guard let catalog = try await Catalog.find(catalogID, on: db) else { continue }
            catalogs[catalogID] = try await CatalogStore.load(catalog, on: db)
        }
        guard !catalogs.isEmpty else { return [:] }

        let sql = db as! any SQLDatabase
        // One query for the tasks and their links: half the rows of two.
        let tasksByPlan = TaskLinkRow.tasksByPlan(
            try await sql.select()
                .columns(
                    (["id", "plan_id", "state", "due_date", "completed_at"] + (detail == .full ? ["title"] : [])).map {
                        SQLColumn($0, table: PlanTask.schema)
                    }
                )
                .column(SQLColumn("code", table: "catalog_nodes")).column(SQLColumn("weight", table: "task_criteria"))
                .from(PlanTask.schema)
                .join(
                    "task_criteria", method: SQLJoinMethod.left, on: SQLColumn("task_id", table: "task_criteria"),
                    .equal, SQLColumn("id", table: PlanTask.schema)
                )
                .join(
                    "catalog_nodes", method: SQLJoinMethod.left, on: SQLColumn("node_id", table: "task_criteria"),
                    .equal, SQLColumn("id", table: "catalog_nodes")
                )
                .where(SQLColumn("plan_id", table: PlanTask.schema), .in, SQLBind.group(planIDs))
                .orderBy(SQLList(detail.taskOrder))
                .all(reading: TaskLinkRow.self))

        // Grouped once, not filtered again for each of a province's 200 plans.
        let baselinesByUnit = Dictionary(
            grouping: try await sql.select().columns("unit_id", "catalog_id", "node_code", "points_hundredths")
                .from(Baseline.schema).where("unit_id", .in, Array(Set(plans.map(\.unitID))))
                .where("catalog_id", .in, Array(catalogs.keys)).orderBy("id").all(reading: BaselineRow.self),
            by: \.unitID)
        let periods = try await OversightRows.periods(of: planIDs, on: sql)
        let periodsByPlan = Dictionary(grouping: periods, by: \.planID)
        let submittedByPeriod = Dictionary(
            try await OversightRows.submittedReports(of: periods.map(\.id), unitsOnly: true, on: sql).map {
                ($0.periodID, $0.submittedAt)
            }, uniquingKeysWith: min)

        var inputs: [Int: ProjectionInput] = [:]
        for plan in plans {
            guard let catalog = catalogs[plan.catalogID] else { continue }
            let planBaselines = Dictionary(
                (baselinesByUnit[plan.unitID] ?? []).filter { $0.catalogID == plan.catalogID }.map {
                    ($0.code, $0.points)
                },
                uniquingKeysWith: { _, last in last })
            let reports = (periodsByPlan[plan.id] ?? []).map {
                ReportSubmissionFact(kind: $0.spec.kind, due: $0.spec.due, submittedAt: submittedByPeriod[$0.id])
            }
            inputs[plan.id] = ProjectionInput(
                catalog: catalog, tasks: tasksByPlan[plan.id] ?? [], baselines: planBaselines, reports: reports,
                asOf: asOf, clock: clock
            )
        }
        return inputs
    }
}

extension Plan {
    func ref() throws -> OversightRows.PlanRef {
        OversightRows.PlanRef(
            id: try requireID(), unitID: $unit.id, catalogID: $catalog.id, internalLeadDays: internalLeadDays)
    }
}
