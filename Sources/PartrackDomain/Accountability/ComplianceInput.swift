import Foundation

/// What compliance needs of one task: its state and deadline.
public struct ComplianceTaskFacts: Sendable, Equatable {
    public var state: TaskState
    public var due: LocalDate?
    public var completedAt: Date?

    public init(state: TaskState, due: LocalDate?, completedAt: Date? = nil) {
        self.state = state
        self.due = due
        self.completedAt = completedAt
    }
}

/// A position of a unit and when its periodic reports were submitted.
public struct PositionFacts: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var submittedAt: [PeriodKind: Date]

    public init(id: Int, title: String, submittedAt: [PeriodKind: Date] = [:]) {
        self.id = id
        self.title = title
        self.submittedAt = submittedAt
    }
}

/// One unit of the tree with its own facts. Units above the communes (a district, the province)
/// usually have no schedule, positions or tasks of their own: their figures are their children's.
public struct UnitFacts: Sendable, Equatable {
    public var unitID: Int
    /// The reviewing unit; nil for the top of the tree.
    public var parentID: Int?
    public var name: String
    public var level: UnitLevel
    /// The periods of the unit's plan for the year; empty when it has no plan.
    public var schedule: [ReportPeriodSpec]
    /// Days before a period's due date that the positions' reports are due.
    public var internalLeadDays: Int
    /// When the unit's own report of each period was submitted.
    public var submittedAt: [PeriodKind: Date]
    public var positions: [PositionFacts]
    public var tasks: [ComplianceTaskFacts]

    public init(
        unitID: Int, parentID: Int?, name: String, level: UnitLevel, schedule: [ReportPeriodSpec] = [],
        internalLeadDays: Int = 0, submittedAt: [PeriodKind: Date] = [:], positions: [PositionFacts] = [],
        tasks: [ComplianceTaskFacts] = []
    ) {
        self.unitID = unitID
        self.parentID = parentID
        self.name = name
        self.level = level
        self.schedule = schedule
        self.internalLeadDays = internalLeadDays
        self.submittedAt = submittedAt
        self.positions = positions
        self.tasks = tasks
    }
}
