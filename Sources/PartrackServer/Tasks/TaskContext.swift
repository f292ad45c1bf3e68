import Fluent
import PartrackDomain
import Vapor

/// A task with what deciding about it needs: its unit, its positions (with titles) and whether it
/// has evidence. Loaded with a handful of queries, outside any transaction.
struct TaskContext {
    let task: PlanTask
    let unitID: Int
    let positionLinks: [TaskPosition]
    let evidenceCount: Int

    var id: Int { task.id ?? 0 }

    var scope: TaskScope {
        TaskScope(
            unitID: unitID,
            leadPositionIDs: Set(positionLinks.filter { $0.part == .lead }.map { $0.$position.id }),
            cooperatingPositionIDs: Set(positionLinks.filter { $0.part == .cooperating }.map { $0.$position.id }),
            assigneeID: task.$assignee.id,
            leadPositionTitles: positionLinks.filter { $0.part == .lead }.map(\.position.title))
    }

    var snapshot: TaskSnapshot {
        TaskSnapshot(
            state: task.state, progress: task.progress, dueDate: task.dueDate, completedAt: task.completedAt,
            assignment: TaskAssignment(
                leadPositionIDs: scope.leadPositionIDs, cooperatingPositionIDs: scope.cooperatingPositionIDs,
                assigneeID: task.$assignee.id))
    }

    static func load(_ id: Int, on db: any Database) async throws -> TaskContext {
        guard let task = try await PlanTask.query(on: db).filter(\.$id == id).with(\.$plan).first() else {
            throw PartrackError.notFound("task", id: "\(id)")
        }
        let links = try await TaskPosition.query(on: db).filter(\.$task.$id == id).with(\.$position).all()
        let evidence = try await Evidence.query(on: db).filter(\.$task.$id == id).count()
        return TaskContext(task: task, unitID: task.plan.$unit.id, positionLinks: links, evidenceCount: evidence)
    }

    /// Loads the task and checks the caller may at least see it (404 for a task of another unit
    /// would hide its existence, but a 403 with the reason is what the issue asks for).
    static func visible(_ id: Int, to request: Request) async throws -> TaskContext {
        let context = try await load(id, on: request.db)
        try await request.authorize(
            .viewTask(context.scope), audit: "task.view", entity: "task", entityID: id, unitID: context.unitID)
        return context
    }
}
