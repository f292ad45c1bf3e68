import Foundation

/// A report period of a plan with where each report stands (`GET /api/v1/periods/{id}`).
public struct PeriodStatusDTO: Codable, Sendable {
    public var id: Int
    public var planID: Int
    public var unitID: Int
    /// Q1 | H1 | 9M | Y
    public var kind: String
    /// yyyy-mm-dd: first and last day the report covers.
    public var from: String
    public var cutOff: String
    /// yyyy-mm-dd: the unit's report is due by the end of this day (Vietnam time).
    public var due: String
    /// yyyy-mm-dd: the positions' parts are due by the end of this day.
    public var positionDue: String
    public var lockedAt: Date?
    public var lockedBy: String?
    public var unitReport: ReportStateDTO
    public var positions: [PositionReportStateDTO]

    public init(
        id: Int, planID: Int, unitID: Int, kind: String, from: String, cutOff: String, due: String,
        positionDue: String, lockedAt: Date?, lockedBy: String?, unitReport: ReportStateDTO,
        positions: [PositionReportStateDTO]
    ) {
        self.id = id
        self.planID = planID
        self.unitID = unitID
        self.kind = kind
        self.from = from
        self.cutOff = cutOff
        self.due = due
        self.positionDue = positionDue
        self.lockedAt = lockedAt
        self.lockedBy = lockedBy
        self.unitReport = unitReport
        self.positions = positions
    }
}

public struct ReportStateDTO: Codable, Sendable, Equatable {
    /// not_yet_due | missing | on_time | late
    public var status: String
    public var submittedAt: Date?
    public var approvedAt: Date?

    public init(status: String, submittedAt: Date?, approvedAt: Date?) {
        self.status = status
        self.submittedAt = submittedAt
        self.approvedAt = approvedAt
    }
}

public struct PositionReportStateDTO: Codable, Sendable, Equatable {
    public var positionID: Int
    public var positionTitle: String
    /// not_yet_due | missing | on_time | late
    public var status: String
    public var submittedAt: Date?

    public init(positionID: Int, positionTitle: String, status: String, submittedAt: Date?) {
        self.positionID = positionID
        self.positionTitle = positionTitle
        self.status = status
        self.submittedAt = submittedAt
    }
}

/// Tasks by deadline status.
public struct TaskCountsDTO: Codable, Sendable, Equatable {
    public var notYetDue: Int
    public var inProgress: Int
    public var doneOnTime: Int
    public var doneLate: Int
    public var overdue: Int
    public var cancelled: Int

    public init(notYetDue: Int, inProgress: Int, doneOnTime: Int, doneLate: Int, overdue: Int, cancelled: Int) {
        self.notYetDue = notYetDue
        self.inProgress = inProgress
        self.doneOnTime = doneOnTime
        self.doneLate = doneLate
        self.overdue = overdue
        self.cancelled = cancelled
    }
}

public struct ReportItemDTO: Codable, Sendable, Equatable {
    public var taskID: Int
    public var title: String
    /// The task's deadline status at the report's moment.
    public var status: String
    public var due: String?
    public var progress: Int
    public var evidenceCount: Int
    public var completedInPeriod: Bool

    public init(
        taskID: Int, title: String, status: String, due: String?, progress: Int, evidenceCount: Int,
        completedInPeriod: Bool
    ) {
        self.taskID = taskID
        self.title = title
        self.status = status
        self.due = due
        self.progress = progress
        self.evidenceCount = evidenceCount
        self.completedInPeriod = completedInPeriod
    }
}

/// A position's part of a period's report: drafted from its tasks, with the officer's narrative.
public struct PositionReportDTO: Codable, Sendable {
    public var periodID: Int
    public var kind: String
    public var positionID: Int
    public var positionTitle: String
    public var from: String
    public var cutOff: String
    public var due: String
    public var status: String
    public var submittedAt: Date?
    public var submittedBy: String?
    public var narrative: String
    public var version: Int
    public var counts: TaskCountsDTO
    public var items: [ReportItemDTO]
    /// The drafted summary in the request's language, one sentence a line.
    public var generatedText: [String]

    public init(
        periodID: Int, kind: String, positionID: Int, positionTitle: String, from: String, cutOff: String,
        due: String, status: String, submittedAt: Date?, submittedBy: String?, narrative: String, version: Int,
        counts: TaskCountsDTO, items: [ReportItemDTO], generatedText: [String]
    ) {
        self.periodID = periodID
        self.kind = kind
        self.positionID = positionID
        self.positionTitle = positionTitle
        self.from = from
        self.cutOff = cutOff
        self.due = due
        self.status = status
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.narrative = narrative
        self.version = version
        self.counts = counts
        self.items = items
        self.generatedText = generatedText
    }
}

/// The unit's report for a period, compiled from its positions' parts.
public struct UnitReportDTO: Codable, Sendable {
    public var periodID: Int
    public var kind: String
    public var unitID: Int
    public var unitName: String
    public var from: String
    public var cutOff: String
    public var due: String
    public var status: String
    public var compiled: Bool
    public var approvedAt: Date?
    public var approvedBy: String?
    public var submittedAt: Date?
    public var narrative: String
    public var version: Int
    public var counts: TaskCountsDTO
    public var positions: [PositionReportStateDTO]
    public var items: [ReportItemDTO]
    public var generatedText: [String]

    public init(
        periodID: Int, kind: String, unitID: Int, unitName: String, from: String, cutOff: String, due: String,
        status: String, compiled: Bool, approvedAt: Date?, approvedBy: String?, submittedAt: Date?,
        narrative: String, version: Int, counts: TaskCountsDTO, positions: [PositionReportStateDTO],
        items: [ReportItemDTO], generatedText: [String]
    ) {
        self.periodID = periodID
        self.kind = kind
        self.unitID = unitID
        self.unitName = unitName
        self.from = from
        self.cutOff = cutOff
        self.due = due
        self.status = status
        self.compiled = compiled
        self.approvedAt = approvedAt
        self.approvedBy = approvedBy
        self.submittedAt = submittedAt
        self.narrative = narrative
        self.version = version
        self.counts = counts
        self.positions = positions
        self.items = items
        self.generatedText = generatedText
    }
}

/// Saving or submitting a report's narrative.
public struct ReportNarrativeRequest: Codable, Sendable {
    public var narrative: String?

    public init(narrative: String?) { self.narrative = narrative }
}

/// Locking or reopening a period, or changing its dates.
public struct PeriodChangeRequest: Codable, Sendable {
    /// dd/mm/yyyy or yyyy-mm-dd
    public var due: String?
    public var cutOff: String?
    public var reason: String?

    public init(due: String? = nil, cutOff: String? = nil, reason: String? = nil) {
        self.due = due
        self.cutOff = cutOff
        self.reason = reason
    }
}
