import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

enum TaskHistoryAPI {
    /// GET /api/v1/tasks/:taskID/history — every update, oldest first.
    @Sendable static func list(_ request: Request) async throws -> [TaskHistoryDTO] {
        let context = try await TaskContext.visible(try request.id("taskID", of: "task"), to: request)
        let updates = try await TaskUpdate.query(on: request.db).filter(\.$task.$id == context.id)
            .with(\.$author).sort(\.$at).sort(\.$id).all()
        return try updates.map { try $0.toDTO(request: request) }
    }
}

extension TaskUpdate {
    /// The update in words: the task events it recorded, rebuilt from the row.
    var messages: [Message] {
        kind.split(separator: ",").map { name -> Message in
            switch name {
            case "started": return TaskEvent.started.message
            case "progressed": return TaskEvent.progressed(from: fromProgress ?? 0, to: toProgress ?? 0).message
            case "completed": return TaskEvent.completed(withEvidence: true).message
            case "completed_with_explanation": return TaskEvent.completed(withEvidence: false).message
            case "reopened": return TaskEvent.reopened.message
            case "cancelled": return TaskEvent.cancelled.message
            case "restored": return TaskEvent.restored(to: toState ?? .notStarted).message
            case "due_date_changed":
                return toDue.map { TaskEvent.dueDateChanged(from: fromDue, to: $0).message } ?? TaskEvent.noted.message
            case "reassigned": return TaskEvent.reassigned.message
            case "evidence": return Message("history.evidence", ["file": note])
            case "revised": return Message("history.revised")
            case "removed": return Message("history.removed")
            default: return TaskEvent.noted.message
            }
        }
    }

    func toDTO(request: Request) throws -> TaskHistoryDTO {
        TaskHistoryDTO(
            id: try requireID(), at: at, authorID: $author.id, authorName: author.displayName, kind: kind,
            summary: messages.map(request.localized).joined(separator: "; "),
            fromState: fromState?.rawValue, toState: toState?.rawValue, fromProgress: fromProgress,
            toProgress: toProgress, fromDue: fromDue?.iso, toDue: toDue?.iso, note: note, version: version)
    }
}
