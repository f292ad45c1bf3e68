import Fluent
import PartrackAPI
import PartrackDomain
import SQLKit
import Vapor

/// PATCH /api/v1/tasks/:taskID — one update of a task by an officer or leader.
///
/// The order matters: who may (403), then whether the update is based on the current version
/// (409 with the current task), then the task rules (422), then one transaction that changes the
/// task only if its version is still the one read, with its history row and audit event.
enum TaskUpdateAPI {
    @Sendable static func update(_ request: Request) async throws -> Response {
        let id = try request.id("taskID", of: "task")
        let body = try request.content.decode(TaskUpdateRequest.self)
        guard try await apply(body, to: id, request: request) else {
            return try await conflict(id, request: request)
        }
        let updated = try await TaskContext.load(id, on: request.db).task
        let response = Response(status: .ok)
        try response.content.encode(try await TaskDTOBuilder.build([updated], request: request)[0])
        return response
    }

    /// Applies one update for the API and the task page alike. Returns false when the update was
    /// based on an old version (nothing written); throws a refusal (403, 422) otherwise.
    static func apply(_ body: TaskUpdateRequest, to id: Int, request: Request) async throws -> Bool {
        let context = try await TaskContext.load(id, on: request.db)
        let user = try request.currentUser
        let change = try await parse(body, context: context, on: request.db)

        for action in actions(implied: change, by: context) {
            try await request.authorize(
                action, audit: "task.update", entity: "task", entityID: id, unitID: context.unitID)
        }
        guard body.baseVersion == context.task.version else { return false }
        let now = request.partrack.now()
        let transition = try TaskTransitions.check(
            current: context.snapshot, change: change,
            actorIsLeader: AccessPolicy.mayDirect(user.acting, unitID: context.unitID),
            hasEvidence: context.evidenceCount > 0, now: now
        ).get()
        do {
            try await request.db.transaction { db in
                try await write(transition, to: context, baseVersion: body.baseVersion, by: user, at: now, on: db)
                try await Audit.record(
                    "task.update", entity: "task", entityID: id, unitID: context.unitID, before: transition.before,
                    after: transition.after, reason: transition.note ?? "", by: request, on: db)
            }
        } catch is StaleVersion {
            return false
        }
        return true
    }

    /// The change as the domain speaks it; bad values are 400s that name the field.
    static func parse(_ body: TaskUpdateRequest, context: TaskContext, on db: any Database) async throws -> TaskChange {
        var change = TaskChange(progress: body.progress, note: body.note, explanation: body.explanation)
        if let text = body.state {
            guard let state = TaskState(rawValue: text) else { throw PartrackError.badQuery("state", value: text) }
            change.state = state
        }
        if let text = body.dueDate {
            if let iso = LocalDate(iso: text) {
                change.dueDate = iso
            } else {
                do {
                    change.dueDate = try DateInput.parse(text)
                } catch {
                    throw PartrackError(status: .badRequest, code: error.message.key, message: error.message)
                }
            }
        }
        if body.leadPositionIDs != nil || body.cooperatingPositionIDs != nil || body.assigneeID != nil {
            let current = context.snapshot.assignment
            let assignment = TaskAssignment(
                leadPositionIDs: body.leadPositionIDs.map(Set.init) ?? current.leadPositionIDs,
                cooperatingPositionIDs: body.cooperatingPositionIDs.map(Set.init) ?? current.cooperatingPositionIDs,
                assigneeID: body.assigneeID ?? current.assigneeID)
            try await checkBelongToUnit(assignment, unitID: context.unitID, on: db)
            change.assignment = assignment
        }
        return change
    }

    /// Positions and assignee must be of the task's own unit.
    static func checkBelongToUnit(_ assignment: TaskAssignment, unitID: Int, on db: any Database) async throws {
        let positionIDs = Array(assignment.leadPositionIDs.union(assignment.cooperatingPositionIDs))
        let found = try await Position.query(on: db).filter(\.$id ~~ positionIDs).filter(\.$unit.$id == unitID).count()
        guard found == positionIDs.count else {
            throw PartrackError(
                status: .unprocessableEntity, code: "task.position_not_in_unit",
                message: Message("task.position_not_in_unit"))
        }
        if let assignee = assignment.assigneeID,
            try await User.query(on: db).filter(\.$id == assignee).filter(\.$unit.$id == unitID).count() == 0
        {
            throw PartrackError(
                status: .unprocessableEntity, code: "task.assignee_not_in_unit",
                message: Message("task.assignee_not_in_unit"))
        }
    }

    /// The acts a change asks for, each checked with the access policy.
    static func actions(implied change: TaskChange, by context: TaskContext) -> [AccessAction] {
        let scope = context.scope
        let current = context.task.state
        var actions: [AccessAction] = []
        switch change.state {
        case .cancelled? where current != .cancelled: actions.append(.cancelTask(scope))
        case let state? where current == .cancelled && state != .cancelled: actions.append(.restoreTask(scope))
        case let state? where current == .done && state != .done: actions.append(.reopenTask(scope))
        case .some, .none: break
        }
        if change.dueDate != nil { actions.append(.changeDueDate(scope)) }
        if change.assignment != nil { actions.append(.reassignPositions(scope)) }
        if change.progress != nil || (change.state.map { $0 == .inProgress || $0 == .done } ?? false) {
            if actions.isEmpty { actions.append(.updateTask(scope)) }
        }
        if actions.isEmpty { actions.append(.addNote(scope)) }
        return actions
    }

    /// Writes the accepted transition if, and only if, nobody changed the task since it was read.
    static func write(
        _ transition: TaskTransition, to context: TaskContext, baseVersion: Int, by user: CurrentUser, at now: Date,
        on db: any Database
    ) async throws {
        let sql = db as! any SQLDatabase
        let after = transition.after
        let newVersion = baseVersion + 1
        // The first statement of the transaction is the write: SQLite takes its write lock at once
        // (no read-then-upgrade deadlock), PostgreSQL re-checks the version after a concurrent commit.
        var update = sql.update(PlanTask.schema)
            .set("state", to: after.state.rawValue)
            .set("progress", to: after.progress)
            .set("due_date", to: after.dueDate?.iso)
            .set("completed_at", to: after.completedAt)
            .set("assignee_id", to: after.assignment.assigneeID)
            .set("version", to: newVersion)
            .set("updated_at", to: now)
        if let explanation = transition.explanation {
            update = update.set("completion_explanation", to: explanation)
        }
        let rows = try await update.where("id", .equal, context.id).where("version", .equal, baseVersion)
            .returning("id").all()
        guard !rows.isEmpty else { throw StaleVersion() }

        if after.assignment != transition.before.assignment {
            try await TaskPosition.query(on: db).filter(\.$task.$id == context.id).delete()
            let links =
                after.assignment.leadPositionIDs.sorted().map {
                    TaskPosition(taskID: context.id, positionID: $0, part: .lead)
                }
                + after.assignment.cooperatingPositionIDs.subtracting(after.assignment.leadPositionIDs).sorted().map {
                    TaskPosition(taskID: context.id, positionID: $0, part: .cooperating)
                }
            try await links.create(on: db)
        }
        let history = TaskUpdate(
            taskID: context.id, authorID: user.id, at: now, kind: transition.events.map(\.kind).joined(separator: ","),
            note: [transition.note, transition.explanation].compactMap { $0 }.joined(separator: "\n"),
            version: newVersion)
        history.fromState = transition.before.state
        history.toState = after.state
        history.fromProgress = transition.before.progress
        history.toProgress = after.progress
        history.fromDue = transition.before.dueDate
        history.toDue = after.dueDate
        try await history.create(on: db)
    }

    static func conflict(_ id: Int, request: Request) async throws -> Response {
        let task = try await TaskContext.load(id, on: request.db).task
        let current = try await TaskDTOBuilder.build([task], request: request)[0]
        let message = Message("task.stale_version", ["version": "\(current.version)"])
        let response = Response(status: .conflict)
        try response.content.encode(
            TaskConflictDTO(
                code: "task.stale_version", message: request.localized(message),
                details: ["current_version": "\(current.version)"], current: current))
        return response
    }
}

/// The task changed between reading it and writing: the update lost the race.
struct StaleVersion: Error {}

extension TaskEvent {
    /// The event's name in the history's `kind` column.
    var kind: String {
        switch self {
        case .started: return "started"
        case .progressed: return "progressed"
        case .completed(let withEvidence): return withEvidence ? "completed" : "completed_with_explanation"
        case .reopened: return "reopened"
        case .cancelled: return "cancelled"
        case .restored: return "restored"
        case .dueDateChanged: return "due_date_changed"
        case .reassigned: return "reassigned"
        case .noted: return "noted"
        }
    }
}
