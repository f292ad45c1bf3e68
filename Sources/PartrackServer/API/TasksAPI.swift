import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

enum TasksAPI {
    /// GET /api/v1/tasks?unit=&plan=&position=&state=&due_before=&due_after=&mine=1
    /// Dates as dd/mm/yyyy or yyyy-mm-dd; `due_before` includes its day.
    @Sendable static func list(_ request: Request) async throws -> PageDTO<TaskDTO> {
        let query = PlanTask.query(on: request.db).sort(\.$plan.$id).sort(\.$sortOrder)
            .join(Plan.self, on: \PlanTask.$plan.$id == \Plan.$id)
        if let readable = try request.currentUser.readableUnitIDs {
            query.filter(Plan.self, \.$unit.$id ~~ Array(readable))
        }
        if let plan = try request.query.positiveInt("plan") { query.filter(\.$plan.$id == plan) }
        if let unit = try request.query.positiveInt("unit") { query.filter(Plan.self, \.$unit.$id == unit) }
        // `mine=1`: the tasks of the positions I hold, and those assigned to me by name.
        if request.query.string("mine") == "1" {
            let user = try request.currentUser
            let mine = try await TaskPosition.query(on: request.db).filter(\.$position.$id ~~ Array(user.positionIDs))
                .all().map { $0.$task.id }
            query.group(.or) { $0.filter(\.$id ~~ mine).filter(\.$assignee.$id == user.id) }
        }
        if let position = try request.query.positiveInt("position") {
            query.join(TaskPosition.self, on: \PlanTask.$id == \TaskPosition.$task.$id)
                .filter(TaskPosition.self, \.$position.$id == position)
        }
        if let state = request.query.string("state") {
            guard let parsed = TaskState(rawValue: state) else { throw PartrackError.badQuery("state", value: state) }
            query.filter(\.$state == parsed)
        }
        if let before = try request.query.date("due_before") { query.filter(\.$dueDate <= before) }
        if let after = try request.query.date("due_after") { query.filter(\.$dueDate >= after) }
        return try await PageRequest(request).fetch(query) { tasks in
            try await TaskDTOBuilder.build(tasks, request: request)
        }
    }

    /// GET /api/v1/tasks/:taskID
    @Sendable static func show(_ request: Request) async throws -> TaskDTO {
        let context = try await TaskContext.visible(try request.id("taskID", of: "task"), to: request)
        return try await TaskDTOBuilder.build([context.task], request: request)[0]
    }
}

/// Maps tasks to wire form with a fixed number of queries per page, not per task.
enum TaskDTOBuilder {
    static func build(_ tasks: [PlanTask], request: Request) async throws -> [TaskDTO] {
        guard !tasks.isEmpty else { return [] }
        let db = request.db
        let taskIDs = try tasks.map { try $0.requireID() }
        let planIDs = Array(Set(tasks.map { $0.$plan.id }))
        let plans = try await Plan.query(on: db).filter(\.$id ~~ planIDs).all()
        let unitByPlan = Dictionary(uniqueKeysWithValues: try plans.map { (try $0.requireID(), $0.$unit.id) })
        let positions = try await TaskPosition.query(on: db).filter(\.$task.$id ~~ taskIDs).all()
        let positionsByTask = Dictionary(grouping: positions) { $0.$task.id }
        let criteria = try await TaskCriterion.query(on: db).filter(\.$task.$id ~~ taskIDs).with(\.$node).all()
        let criteriaByTask = Dictionary(grouping: criteria) { $0.$task.id }
        let areaIDs = Array(Set(tasks.compactMap { $0.$area.id }))
        let areas = try await CatalogNode.query(on: db).filter(\.$id ~~ areaIDs).all()
        let areaCodes = Dictionary(uniqueKeysWithValues: try areas.map { (try $0.requireID(), $0.code) })
        let now = request.partrack.now()
        let clock = request.partrack.clock

        return try tasks.map { task in
            let id = try task.requireID()
            let links = positionsByTask[id] ?? []
            return TaskDTO(
                id: id, planID: task.$plan.id, unitID: unitByPlan[task.$plan.id] ?? 0, title: task.title,
                details: task.details, expectedOutput: task.expectedOutput,
                areaCode: task.$area.id.flatMap { areaCodes[$0] },
                leadPositionIDs: links.filter { $0.part == .lead }.map { $0.$position.id }.sorted(),
                cooperatingPositionIDs: links.filter { $0.part == .cooperating }.map { $0.$position.id }.sorted(),
                assigneeID: task.$assignee.id, startDate: task.startDate?.iso, dueDate: task.dueDate?.iso,
                state: task.state.rawValue,
                deadlineStatus: DeadlineStatus.of(
                    state: task.state, due: task.dueDate, completedAt: task.completedAt, asOf: now, clock: clock
                ).rawValue,
                progress: task.progress, completedAt: task.completedAt, version: task.version,
                needsAssignment: task.needsAssignment,
                criteria: (criteriaByTask[id] ?? []).map { TaskCriterionDTO(code: $0.node.code, weight: $0.weight) }
                    .sorted { $0.code < $1.code })
        }
    }
}
