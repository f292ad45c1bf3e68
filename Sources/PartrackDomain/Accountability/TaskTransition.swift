import Foundation

/// One thing an accepted update did, in the order the history shows them.
public enum TaskEvent: Sendable, Equatable {
    case started
    case progressed(from: Int, to: Int)
    /// Marked done; `withEvidence` false means an explanation stands in for the evidence.
    case completed(withEvidence: Bool)
    case reopened
    case cancelled
    case restored(to: TaskState)
    case dueDateChanged(from: LocalDate?, to: LocalDate)
    case reassigned
    /// Only a note was added.
    case noted

    /// The history line for the event, e.g. "Cập nhật tiến độ 40% → 60%".
    public var message: Message {
        switch self {
        case .started: return Message(.transitionEventStarted)
        case .progressed(let from, let to):
            return Message(.transitionEventProgressed, ["from": "\(from)", "to": "\(to)"])
        case .completed(let withEvidence):
            return Message(withEvidence ? .transitionEventCompleted : .transitionEventCompletedWithExplanation)
        case .reopened: return Message(.transitionEventReopened)
        case .cancelled: return Message(.transitionEventCancelled)
        case .restored(let state):
            return Message(
                state == .notStarted ? .transitionEventRestoredNotStarted : .transitionEventRestoredInProgress)
        case .dueDateChanged(let from, let to):
            return Message(.transitionEventDueDateChanged, ["from": from?.formatted ?? "—", "to": to.formatted])
        case .reassigned: return Message(.transitionEventReassigned)
        case .noted: return Message(.transitionEventNoted)
        }
    }
}

/// An accepted update: the task before and after, what happened, and the words that go with it.
/// The server writes `after` to the task and one history row from the rest, in one transaction.
public struct TaskTransition: Sendable, Equatable {
    public var before: TaskSnapshot
    public var after: TaskSnapshot
    public var events: [TaskEvent]
    /// The note (also the reason for a leader's act), trimmed; nil when none was written.
    public var note: String?
    /// The explanation recorded with a completion, trimmed; nil when none was written.
    public var explanation: String?

    public var summary: [Message] { events.map(\.message) }
}
