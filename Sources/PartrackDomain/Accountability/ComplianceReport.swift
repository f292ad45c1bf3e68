import Foundation

/// How many reports stand in each status.
public struct SubmissionCounts: Sendable, Equatable, Codable {
    public var onTime = 0
    public var late = 0
    public var missing = 0
    public var notYetDue = 0

    public init(onTime: Int = 0, late: Int = 0, missing: Int = 0, notYetDue: Int = 0) {
        self.onTime = onTime
        self.late = late
        self.missing = missing
        self.notYetDue = notYetDue
    }

    public var total: Int { onTime + late + missing + notYetDue }

    public mutating func add(_ status: ReportStatus) {
        switch status {
        case .onTime: onTime += 1
        case .late: late += 1
        case .missing: missing += 1
        case .notYetDue: notYetDue += 1
        }
    }

    public static func += (lhs: inout SubmissionCounts, rhs: SubmissionCounts) {
        lhs.onTime += rhs.onTime
        lhs.late += rhs.late
        lhs.missing += rhs.missing
        lhs.notYetDue += rhs.notYetDue
    }
}

/// Which units (by id) stand in each report status, e.g. the communes of a district that were late.
public struct UnitsByStatus: Sendable, Equatable, Codable {
    public var onTime: [Int] = []
    public var late: [Int] = []
    public var missing: [Int] = []
    public var notYetDue: [Int] = []

    public init() {}

    public subscript(status: ReportStatus) -> [Int] {
        get {
            switch status {
            case .onTime: return onTime
            case .late: return late
            case .missing: return missing
            case .notYetDue: return notYetDue
            }
        }
        set {
            switch status {
            case .onTime: onTime = newValue
            case .late: late = newValue
            case .missing: missing = newValue
            case .notYetDue: notYetDue = newValue
            }
        }
    }

    public static func += (lhs: inout UnitsByStatus, rhs: UnitsByStatus) {
        for status in ReportStatus.allCases { lhs[status] += rhs[status] }
    }
}

/// One report (a unit's or a position's) for the period: when due, when it came, its status.
public struct SubmissionLine: Sendable, Equatable, Codable {
    /// The unit's or the position's id.
    public var id: Int
    public var name: String
    public var due: LocalDate
    public var submittedAt: Date?
    public var status: ReportStatus
}

/// Figures that add up the tree.
///
/// The on-time completion rate is `tasksDueDoneOnTime / tasksDue`, where `tasksDue` counts the
/// live (not cancelled) tasks whose due day had ended at the period's moment (the end of its
/// cut-off day, or `asOf` if earlier), and `tasksDueDoneOnTime` those of them done by their due day.
/// Tasks done early but due later are left out of both, so the rate never exceeds 100 %; tasks with
/// no due date are never due. Judging at the cut-off keeps a past period's figures as they were.
public struct ComplianceFigures: Sendable, Equatable, Codable {
    /// Every task by its deadline status at the period's moment.
    public var tasks = TaskStatusCounts()
    public var tasksDue = 0
    public var tasksDueDoneOnTime = 0
    /// The units' own reports (the unit itself and every reporting unit below it).
    public var unitReports = SubmissionCounts()
    /// The positions' reports, of the unit and every unit below it.
    public var positionReports = SubmissionCounts()

    public init() {}

    /// The on-time completion rate in hundredths of a percent (7375 = 73,75 %), rounded half up;
    /// nil when no task was due yet.
    public var onTimeRate: Int? {
        guard tasksDue > 0 else { return nil }
        return (tasksDueDoneOnTime * 10_000 * 2 + tasksDue) / (tasksDue * 2)
    }

    public static func += (lhs: inout ComplianceFigures, rhs: ComplianceFigures) {
        lhs.tasks += rhs.tasks
        lhs.tasksDue += rhs.tasksDue
        lhs.tasksDueDoneOnTime += rhs.tasksDueDoneOnTime
        lhs.unitReports += rhs.unitReports
        lhs.positionReports += rhs.positionReports
    }

    // The rate is derived, but JSON readers (pages, the CLI) want it without recomputing.
    private enum CodingKeys: String, CodingKey {
        case tasks, tasksDue, tasksDueDoneOnTime, unitReports, positionReports, onTimeRate
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tasks = try container.decode(TaskStatusCounts.self, forKey: .tasks)
        tasksDue = try container.decode(Int.self, forKey: .tasksDue)
        tasksDueDoneOnTime = try container.decode(Int.self, forKey: .tasksDueDoneOnTime)
        unitReports = try container.decode(SubmissionCounts.self, forKey: .unitReports)
        positionReports = try container.decode(SubmissionCounts.self, forKey: .positionReports)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tasks, forKey: .tasks)
        try container.encode(tasksDue, forKey: .tasksDue)
        try container.encode(tasksDueDoneOnTime, forKey: .tasksDueDoneOnTime)
        try container.encode(unitReports, forKey: .unitReports)
        try container.encode(positionReports, forKey: .positionReports)
        try container.encodeIfPresent(onTimeRate, forKey: .onTimeRate)
    }
}

/// One unit's compliance for the period.
public struct UnitCompliance: Sendable, Equatable, Codable {
    public var unitID: Int
    public var parentID: Int?
    public var name: String
    public var level: UnitLevel
    public var childIDs: [Int]
    /// The unit's own report; nil when its schedule has no such period (e.g. a district without a plan).
    public var report: SubmissionLine?
    /// Its positions' reports; empty without a schedule.
    public var positions: [SubmissionLine]
    /// The reporting units below it by the status of their own report: which communes were on time,
    /// late, missing or not yet due.
    public var unitsBelow: UnitsByStatus
    /// The moment its own tasks were judged at; nil when it has no tasks.
    public var tasksAsOf: Date?
    /// Its own tasks and reports.
    public var own: ComplianceFigures
    /// Its own and every unit's below it: the roll-up.
    public var total: ComplianceFigures
}

/// Compliance of a tree of units for one period, parents before their children.
public struct ComplianceReport: Sendable, Equatable, Codable {
    public var period: PeriodKind
    public var asOf: Date
    public var units: [UnitCompliance]
    /// Problems with the input (a unit listed twice, an unknown parent, a loop), in words.
    public var issues: [Message]

    public func unit(_ id: Int) -> UnitCompliance? { units.first { $0.unitID == id } }
}
