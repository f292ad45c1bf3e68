/// The projection of one unit's plan as of a day: three figures for every node of the catalog,
/// the total's percentage and class, the tasks that put points at risk and the open tasks ranked by
/// what they are worth. Made by `ProjectionEngine.project` (or `WhatIf.apply`); `Codable` for the API.
/// A projection's totals without its details (`ProjectionEngine.totals`).
public struct ProjectionTotals: Sendable, Equatable {
    public var maximum: Points
    public var total: Figures
    /// As in `Projection.percent`.
    public var percent: Scenarios<Int>
    /// As in `Projection.classes`.
    public var classes: Scenarios<String?>
}

public struct Projection: Sendable, Equatable, Codable {
    /// The day (Vietnam time) the projection is for.
    public var asOf: LocalDate
    /// The catalog's late credit λ in percent, as used.
    public var lateCreditPercent: Int
    /// The catalog's maximum.
    public var maximum: Points
    public var total: Figures
    /// Each total as a percentage of the catalog maximum, in hundredths of a percent (7375 = 73.75 %).
    public var percent: Scenarios<Int>
    /// The class (by the catalog's thresholds) each total falls in, judged on the percent as shown (rounded
    /// to the hundredth of a percent, so 89.995 % is 90.00 % and reaches a 90 % class); nil below every class.
    public var classes: Scenarios<String?>
    public var explanation: Explanation
    /// Every node of the catalog, depth first, parents before children (areas, criteria, sub-criteria).
    public var nodes: [NodeProjection]
    /// Overdue tasks and the points each puts at risk (ceiling − projected); they add up exactly to
    /// `total.ceiling − total.projected`. Largest first.
    public var pointsAtRisk: [TaskRisk]
    /// Open tasks ranked by the points each is worth to *projected* (see `TaskGain`), best first.
    public var whatIf: [TaskGain]
    /// Input the projection had to leave out (a link to an unknown criterion, a baseline above its
    /// maximum, …), in the order found. Empty for clean input.
    public var issues: [Message]

    /// The node with `code`, if the catalog has one.
    public func node(_ code: String) -> NodeProjection? { nodes.first { $0.code == code } }

    public var totals: ProjectionTotals {
        ProjectionTotals(maximum: maximum, total: total, percent: percent, classes: classes)
    }

    public var areas: [NodeProjection] { nodes.filter { $0.parentCode == nil } }

    public var leaves: [NodeProjection] { nodes.filter(\.isLeaf) }

    /// Leaves that earn nothing because nothing in the plan covers them or their survey is awaited.
    public var flaggedLeaves: [NodeProjection] { nodes.filter(\.isFlagged) }
}

/// How a leaf criterion earns its points.
public enum LeafCoverage: String, Sendable, Equatable, Codable {
    /// From its live tasks.
    case tasks
    /// No live task: last year's appraised score, the same in all three figures.
    case baseline
    /// No live task and no baseline: 0 in all three figures, flagged "not covered by the plan".
    case notCovered = "not_covered"
    /// From the share of periodic reports submitted on time.
    case reportCompliance = "report_compliance"
    /// A survey leaf whose survey points have been entered.
    case survey
    /// A survey leaf still waiting for its survey: 0 in all three figures, flagged.
    case awaitingSurvey = "awaiting_survey"
}

/// One node of the catalog in the projection.
public struct NodeProjection: Sendable, Equatable, Codable {
    public var code: String
    public var title: String
    /// 1 for an area, 2 for a criterion, 3 for a sub-criterion.
    public var depth: Int
    public var parentCode: String?
    public var isLeaf: Bool
    public var maximum: Points
    /// For a leaf, M·a rounded to the hundredth; for a parent, the exact sum of its children.
    public var figures: Figures
    /// Each figure as a percentage of this node's maximum, in hundredths of a percent.
    public var percent: Scenarios<Int>
    /// How a leaf earns its points; nil for a node with children.
    public var coverage: LeafCoverage?
    /// The distinct tasks linked to this node or to leaves below it, by status.
    public var tasks: TaskTally
    /// The periodic reports, for a leaf measured by report compliance.
    public var reports: ReportTally?
    public var explanation: Explanation

    /// A leaf that earns nothing because the plan does not cover it or its survey is awaited.
    public var isFlagged: Bool { coverage == .notCovered || coverage == .awaitingSurvey }
}

/// Tasks by deadline status as of the projection's day.
public struct TaskTally: Sendable, Equatable, Codable {
    public var doneOnTime = 0
    public var doneLate = 0
    /// Open and not yet due (or with no due day): counted as done on time in *projected*.
    public var open = 0
    public var overdue = 0
    /// Linked but cancelled: left out of every figure.
    public var cancelled = 0

    public init() {}

    mutating func count(_ status: DeadlineStatus) {
        switch status {
        case .doneOnTime: doneOnTime += 1
        case .doneLate: doneLate += 1
        case .notYetDue, .inProgress: open += 1
        case .overdue: overdue += 1
        case .cancelled: cancelled += 1
        }
    }

    /// Tasks that count (all but cancelled).
    public var live: Int { doneOnTime + doneLate + open + overdue }
}

/// The year's periodic reports by status as of the projection's day.
public struct ReportTally: Sendable, Equatable, Codable {
    public var onTime = 0
    /// Submitted after the due day: no credit.
    public var late = 0
    /// Due day passed, not submitted: no credit.
    public var missing = 0
    /// Not yet due: counted as on time in *projected*.
    public var upcoming = 0

    public init() {}

    public var total: Int { onTime + late + missing + upcoming }
}

/// An overdue task and the points it puts at risk: what *ceiling* holds over *projected* because of it.
public struct TaskRisk: Sendable, Equatable, Codable {
    public var taskID: Int
    public var title: String
    public var due: LocalDate?
    /// The task's share of ceiling − projected. Where several overdue tasks share a leaf, the leaf's
    /// rounded difference is split among them by weight (largest remainder), so the items add up exactly.
    public var points: Points
    public var explanation: Message
}

/// An open task and the points it is worth to *projected*: the projected total with the task done as
/// well as it still can be (on time when not yet due; now, at the late credit, when overdue) minus the
/// projected total with the task never done. For a task not yet due that is what slipping would lose;
/// for an overdue task it is what finishing it now adds (equal to its risk when it is alone on its leaf).
public struct TaskGain: Sendable, Equatable, Codable {
    public var taskID: Int
    public var title: String
    public var due: LocalDate?
    public var status: DeadlineStatus
    public var points: Points
    public var explanation: Message
}
