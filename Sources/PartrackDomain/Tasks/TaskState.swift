/// Where a task stands in its own life, as the officer reports it.
public enum TaskState: String, CaseIterable, Codable, Sendable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case done
    case cancelled

    public var isOpen: Bool { self == .notStarted || self == .inProgress }

    public var nameKey: String { "task_state.\(rawValue)" }
}
