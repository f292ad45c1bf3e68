import Fluent
import PartrackDomain
import SQLKit
import Vapor

/// Builds the projection engine's inputs for many plans at once, in a fixed number of queries:
/// a reviewer's table of 200 communes must not cost 200 round trips per table.
enum ProjectionFacts {
    private struct TaskRow: Decodable {
        let id: Int
        let plan_id: Int
        let title: String
        let state: String
        let due_date: String?
        let completed_at: Date?
    }

    private struct LinkRow: Decodable {
        let task_id: Int
        let code: String
        let weight: Int
    }

    /// The input of each plan, by plan id.
    static func inputs(
        for plans: [Plan], asOf: Date, clock: CivilClock, on db: any Database
    ) async throws -> [Int: ProjectionInput] {
        guard !plans.isEmpty else { return [:] }
        let planIDs = try plans.map { try $0.requireID() }
        var catalogs: [Int: CatalogDefinition] = [:]
        for catalogID in Set(plans.map { $0.$catalog.id }) {
            guard let catalog = try await Catalog.find(catalogID, on: db) else { continue }
            catalogs[catalogID] = try await CatalogStore.load(catalog, on: db)
        }

        let sql = db as! any SQLDatabase
        let tasks = try await sql.select().columns("id", "plan_id", "title", "state", "due_date", "completed_at")
            .from(PlanTask.schema).where("plan_id", .in, planIDs).orderBy("sort_order").all(decoding: TaskRow.self)
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
            .all(decoding: LinkRow.self)
        let linksByTask = Dictionary(grouping: links, by: \.task_id)
        let tasksByPlan = Dictionary(grouping: tasks, by: \.plan_id)

        let unitIDs = Array(Set(plans.map { $0.$unit.id }))
        let baselines = try await Baseline.query(on: db).filter(\.$unit.$id ~~ unitIDs)
            .filter(\.$catalog.$id ~~ Array(catalogs.keys)).all()
        let periods = try await ReportPeriod.query(on: db).filter(\.$plan.$id ~~ planIDs).all()
        let periodsByPlan = Dictionary(grouping: periods) { $0.$plan.id }
        // Grouped once, not filtered again for each of a province's 200 plans.
        let baselinesByUnit = Dictionary(grouping: baselines) { $0.$unit.id }
        let unitReports = try await PeriodReport.query(on: db).filter(\.$period.$id ~~ periods.compactMap(\.id))
            .filter(\.$scopeKey == "unit").all()
        let submittedByPeriod = Dictionary(
            unitReports.compactMap { report in report.submittedAt.map { (report.$period.id, $0) } },
            uniquingKeysWith: min)

        var inputs: [Int: ProjectionInput] = [:]
        for plan in plans {
            let planID = try plan.requireID()
            guard let catalog = catalogs[plan.$catalog.id] else { continue }
            let planTasks = (tasksByPlan[planID] ?? []).compactMap { row -> ProjectionTask? in
                guard let state = TaskState(rawValue: row.state) else { return nil }
                return ProjectionTask(
                    id: row.id, title: row.title, state: state, due: row.due_date.flatMap { LocalDate(iso: $0) },
                    completedAt: row.completed_at,
                    links: (linksByTask[row.id] ?? []).map { CriterionLink(code: $0.code, weight: $0.weight) })
            }
            let planBaselines = Dictionary(
                (baselinesByUnit[plan.$unit.id] ?? []).filter { $0.$catalog.id == plan.$catalog.id }
                    .map { ($0.nodeCode, Points(hundredths: $0.pointsHundredths)) },
                uniquingKeysWith: { _, last in last })
            let reports = (periodsByPlan[planID] ?? []).map {
                ReportSubmissionFact(kind: $0.kind, due: $0.dueDate, submittedAt: submittedByPeriod[$0.id ?? 0])
            }
            inputs[planID] = ProjectionInput(
                catalog: catalog, tasks: planTasks, baselines: planBaselines, reports: reports, asOf: asOf, clock: clock
            )
        }
        return inputs
    }
}
