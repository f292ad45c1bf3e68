import Fluent
import PartrackDomain
import SQLKit
import Vapor

/// Builds the projection engine's inputs for many plans at once, in a fixed number of queries:
/// a reviewer's table of 200 communes must not cost 200 round trips per table.
enum ProjectionFacts {
    private struct TaskRow: PlainRow {
        let planID: Int
        let task: ProjectionTask?

        /// Its criterion links are added afterwards.
        init(row: any SQLRow) throws {
            planID = try row.value("plan_id")
            // A state this version does not know is left out, as compliance does.
            task = try TaskState(rawValue: try row.value("state")).map {
                ProjectionTask(
                    id: try row.value("id"), title: try row.value("title"), state: $0,
                    due: try row.optionalDay("due_date"), completedAt: try row.optionalValue("completed_at"), links: [])
            }
        }
    }

    private struct LinkRow: PlainRow {
        let taskID: Int
        let link: CriterionLink

        init(row: any SQLRow) throws {
            taskID = try row.value("task_id")
            link = CriterionLink(code: try row.value("code"), weight: try row.value("weight"))
        }
    }

    private struct BaselineRow: PlainRow {
        let unitID: Int
        let catalogID: Int
        let code: String
        let points: Points

        init(row: any SQLRow) throws {
            unitID = try row.value("unit_id")
            catalogID = try row.value("catalog_id")
            code = try row.value("node_code")
            points = Points(hundredths: try row.value("points_hundredths"))
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
        for plans: [OversightRows.PlanRef], asOf: Date, clock: CivilClock, on db: any Database
    ) async throws -> [Int: ProjectionInput] {
        guard !plans.isEmpty else { return [:] }
        let planIDs = plans.map(\.id)
        var catalogs: [Int: CatalogDefinition] = [:]
        for catalogID in Set(plans.map(\.catalogID)) {
            guard let catalog = try await Catalog.find(catalogID, on: db) else { continue }
            catalogs[catalogID] = try await CatalogStore.load(catalog, on: db)
        }

        let sql = db as! any SQLDatabase
        let tasks = try await sql.select().columns("id", "plan_id", "title", "state", "due_date", "completed_at")
            .from(PlanTask.schema).where("plan_id", .in, planIDs).orderBy("sort_order").all(reading: TaskRow.self)
        let links = try await sql.select()
            .column(SQLColumn("task_id", table: "task_criteria")).column(SQLColumn("code", table: "catalog_nodes"))
            .column(SQLColumn("weight", table: "task_criteria"))
            .from("task_criteria")
            .join(
                "catalog_nodes", on: SQLColumn("node_id", table: "task_criteria"), .equal,
                SQLColumn("id", table: "catalog_nodes")
            )
            .join(
                PlanTask.schema, on: SQLColumn("task_id", table: "task_criteria"), .equal,
                SQLColumn("id", table: PlanTask.schema)
            )
            .where(SQLColumn("plan_id", table: PlanTask.schema), .in, SQLBind.group(planIDs))
            .all(reading: LinkRow.self)
        let linksByTask = Dictionary(grouping: links, by: \.taskID)
        let tasksByPlan = Dictionary(grouping: tasks, by: \.planID)

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
            let planTasks = (tasksByPlan[plan.id] ?? []).compactMap { row -> ProjectionTask? in
                guard var task = row.task else { return nil }
                task.links = (linksByTask[task.id] ?? []).map(\.link)
                return task
            }
            let planBaselines = Dictionary(
                (baselinesByUnit[plan.unitID] ?? []).filter { $0.catalogID == plan.catalogID }.map {
                    ($0.code, $0.points)
                },
                uniquingKeysWith: { _, last in last })
            let reports = (periodsByPlan[plan.id] ?? []).map {
                ReportSubmissionFact(kind: $0.spec.kind, due: $0.spec.due, submittedAt: submittedByPeriod[$0.id])
            }
            inputs[plan.id] = ProjectionInput(
                catalog: catalog, tasks: planTasks, baselines: planBaselines, reports: reports, asOf: asOf, clock: clock
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
