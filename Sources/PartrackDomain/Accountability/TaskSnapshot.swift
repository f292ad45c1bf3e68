import Foundation

/// Who a task is given to: the positions that lead it, those that cooperate, and a named person.
public struct TaskAssignment: Sendable, Hashable, Codable {
    public var leadPositionIDs: Set<Int>
    public var cooperatingPositionIDs: Set<Int>
    public var assigneeID: Int?

    public init(leadPositionIDs: Set<Int>, cooperatingPositionIDs: Set<Int> = [], assigneeID: Int? = nil) {
        self.leadPositionIDs = leadPositionIDs
        self.cooperatingPositionIDs = cooperatingPositionIDs
        self.assigneeID = assigneeID
    }
}

/// The parts of a task an update can change, before or after it: what a history row records.
public struct TaskSnapshot: Sendable, Equatable, Codable {
    public var state: TaskState
    /// Percent done, 0…100.
    public var progress: Int
    public var dueDate: LocalDate?
    /// Set when the task is marked done, cleared when it is reopened.
    public var completedAt: Date?
    public var assignment: TaskAssignment

    public init(
        state: TaskState, progress: Int, dueDate: LocalDate?, completedAt: Date? = nil, assignment: TaskAssignment
    ) {
        self.state = state
        self.progress = progress
        self.dueDate = dueDate
        self.completedAt = completedAt
        self.assignment = assignment
    }
}

/// What a person asks to change in one update. Absent fields stay as they are.
public struct TaskChange: Sendable, Equatable {
    /// The state asked for: forward (start, complete), or a leader's reopen, cancel or restore.
    public var state: TaskState?
    public var progress: Int?
    /// A note for the history; it is also the reason a leader's act and a lower progress require.
    public var note: String?
    /// The explanation (giải trình) that replaces evidence when a task is marked done without any.
    public var explanation: String?
    /// A new due date (a leader's act, with a reason in `note`). Removing a due date is not offered:
    /// a deadline once set is what the task is judged against.
    public var dueDate: LocalDate?
    /// New positions and assignee (a leader's act).
    public var assignment: TaskAssignment?

    public init(
        state: TaskState? = nil, progress: Int? = nil, note: String? = nil, explanation: String? = nil,
        dueDate: LocalDate? = nil, assignment: TaskAssignment? = nil
    ) {
        self.state = state
        self.progress = progress
        self.note = note
        self.explanation = explanation
        self.dueDate = dueDate
        self.assignment = assignment
    }
}
