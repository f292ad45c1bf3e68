import Foundation

/// The words users already speak about a task and its deadline, as of a moment:
/// chưa đến hạn, đang thực hiện, hoàn thành đúng hạn, hoàn thành quá hạn, quá hạn.
public enum DeadlineStatus: String, CaseIterable, Codable, Sendable {
    /// Open, not started, and its due day has not ended.
    case notYetDue = "not_yet_due"
    /// Open, started, and its due day has not ended.
    case inProgress = "in_progress"
    /// Done before its due day ended (Vietnam time).
    case doneOnTime = "done_on_time"
    /// Done after its due day ended.
    case doneLate = "done_late"
    /// Open and its due day has ended.
    case overdue
    /// Cancelled: left out of every count.
    case cancelled

    public var nameKey: String { "deadline.\(rawValue)" }

    public var isDone: Bool { self == .doneOnTime || self == .doneLate }

    /// The status of a task as of `now`. A task with no due date is never late.
    public static func of(
        state: TaskState, due: LocalDate?, completedAt: Date?, asOf now: Date, clock: CivilClock
    ) -> DeadlineStatus {
        switch state {
        case .cancelled:
            return .cancelled
        case .done:
            guard let due else { return .doneOnTime }
            // A done task without a completion time (imported history) counts as on time.
            guard let completedAt else { return .doneOnTime }
            return clock.isOnOrBefore(completedAt, day: due) ? .doneOnTime : .doneLate
        case .notStarted, .inProgress:
            if let due, !clock.isOnOrBefore(now, day: due) { return .overdue }
            return state == .inProgress ? .inProgress : .notYetDue
        }
    }
}
