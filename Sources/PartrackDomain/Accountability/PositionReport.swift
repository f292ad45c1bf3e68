import Foundation

/// What a position's report needs to know of one of its tasks. `evidenceCount` and
/// `updatesInPeriod` are counted by the server (updates between `ReportWindow.start` and `.end`).
public struct PositionTaskFacts: Sendable, Equatable, Codable {
    public var id: Int
    public var title: String
    public var state: TaskState
    public var due: LocalDate?
    public var progress: Int
    public var completedAt: Date?
    public var evidenceCount: Int
    public var updatesInPeriod: Int

    public init(
        id: Int, title: String, state: TaskState, due: LocalDate?, progress: Int, completedAt: Date? = nil,
        evidenceCount: Int = 0, updatesInPeriod: Int = 0
    ) {
        self.id = id
        self.title = title
        self.state = state
        self.due = due
        self.progress = progress
        self.completedAt = completedAt
        self.evidenceCount = evidenceCount
        self.updatesInPeriod = updatesInPeriod
    }
}

/// One task's line in a report.
public struct ReportItem: Sendable, Equatable, Codable {
    public var taskID: Int
    public var title: String
    /// The deadline status as of the report's moment (`statusesAsOf`).
    public var status: DeadlineStatus
    public var due: LocalDate?
    public var progress: Int
    public var completedAt: Date?
    /// Completed within the report's window (as opposed to in an earlier period).
    public var completedInPeriod: Bool
    public var evidenceCount: Int
    public var updatesInPeriod: Int
}

/// The tasks of one deadline status, in the plan's order.
public struct ReportGroup: Sendable, Equatable, Codable {
    public var status: DeadlineStatus
    public var items: [ReportItem]
}

/// A position's periodic report as the system drafts it from the tasks; the officer reads it,
/// adds their own words and submits it.
public struct PositionReportDraft: Sendable, Equatable, Codable {
    public var positionID: Int
    public var positionTitle: String
    public var window: ReportWindow
    /// When the draft was made from the tasks.
    public var draftedAt: Date
    /// The moment statuses are judged at: the end of the cut-off day, or the drafting moment if
    /// earlier (officers' reports are often due before the cut-off).
    public var statusesAsOf: Date
    public var counts: TaskStatusCounts
    public var completedInPeriod: Int
    /// Non-empty groups in the report's order: done on time, done late, in progress, overdue,
    /// not yet due, cancelled.
    public var groups: [ReportGroup]
    public var narrative: [Message]

    /// The order groups appear in a report.
    public static let groupOrder: [DeadlineStatus] = [
        .doneOnTime, .doneLate, .inProgress, .overdue, .notYetDue, .cancelled,
    ]

    public var items: [ReportItem] { groups.flatMap(\.items) }
}

public enum PositionReportBuilder {
    /// Drafts the report of a position for `window` from its tasks, as of `asOf` (normally now).
    public static func draft(
        positionID: Int, positionTitle: String, window: ReportWindow, tasks: [PositionTaskFacts], asOf: Date,
        clock: CivilClock
    ) -> PositionReportDraft {
        var boundaries = DayBoundaries(clock: clock)
        let judge = DeadlineJudge(
            asOf: DeadlineJudge.moment(asOf: asOf, cutOff: window.cutOff, boundaries: &boundaries),
            boundaries: &boundaries)
        let windowStart = window.start(clock: clock)
        let items = tasks.map { task in
            let status = judge.taskStatus(
                state: task.state, due: task.due, completedAt: task.completedAt, boundaries: &boundaries)
            let completedInPeriod =
                status.isDone && (task.completedAt.map { $0 >= windowStart && judge.hasHappened($0) } ?? false)
            return ReportItem(
                taskID: task.id, title: task.title, status: status, due: task.due, progress: task.progress,
                completedAt: task.completedAt, completedInPeriod: completedInPeriod,
                evidenceCount: task.evidenceCount, updatesInPeriod: task.updatesInPeriod)
        }
        let summary = TaskReportSummary(items: items)
        var narrative = [
            summary.counts.live + summary.counts.cancelled == 0
                ? Message(
                    .reportNarrativeNoTasks,
                    ["position": positionTitle, "from": window.from.formatted, "cut_off": window.cutOff.formatted])
                : Message(
                    .reportNarrativePosition,
                    [
                        "position": positionTitle, "from": window.from.formatted, "cut_off": window.cutOff.formatted,
                        "total": "\(summary.counts.live)",
                    ])
        ]
        narrative += summary.taskLines()
        return PositionReportDraft(
            positionID: positionID, positionTitle: positionTitle, window: window, draftedAt: asOf,
            statusesAsOf: judge.reference,
            counts: summary.counts, completedInPeriod: summary.completedInPeriod, groups: summary.groups,
            narrative: narrative)
    }
}

/// Counts, groups and the task sentences of a report, shared by the position and the unit report.
struct TaskReportSummary {
    let items: [ReportItem]
    let counts: TaskStatusCounts
    let completedInPeriod: Int
    let groups: [ReportGroup]

    init(items: [ReportItem]) {
        self.items = items
        var counts = TaskStatusCounts()
        for item in items { counts.add(item.status) }
        self.counts = counts
        completedInPeriod = items.filter(\.completedInPeriod).count
        groups = PositionReportDraft.groupOrder.compactMap { status in
            let members = items.filter { $0.status == status }
            return members.isEmpty ? nil : ReportGroup(status: status, items: members)
        }
    }

    /// One sentence per non-empty group, then what needs attention: done tasks without evidence and
    /// started or overdue tasks nobody updated in the period. A sentence that would say "0 …" is left out.
    func taskLines() -> [Message] {
        var lines: [Message] = []
        if counts.doneOnTime > 0 {
            lines.append(
                Message(
                    .reportNarrativeDoneOnTime,
                    ["count": "\(counts.doneOnTime)", "in_period": "\(count(.doneOnTime, inPeriod: true))"]))
        }
        let groupLines: [(DeadlineStatus, AccountabilityMessageKey)] = [
            (.doneLate, .reportNarrativeDoneLate), (.inProgress, .reportNarrativeInProgress),
            (.overdue, .reportNarrativeOverdue), (.notYetDue, .reportNarrativeNotYetDue),
            (.cancelled, .reportNarrativeCancelled),
        ]
        for (status, key) in groupLines where counts[status] > 0 {
            lines.append(Message(key, ["count": "\(counts[status])", "tasks": titles { $0.status == status }]))
        }
        let withoutEvidence = items.filter { $0.status.isDone && $0.evidenceCount == 0 }
        if !withoutEvidence.isEmpty {
            lines.append(
                Message(
                    .reportNarrativeDoneWithoutEvidence,
                    ["count": "\(withoutEvidence.count)", "tasks": titles(withoutEvidence)]))
        }
        // A task not yet started and not yet due may rightly wait; started or overdue ones should move.
        let idle = items.filter { ($0.status == .inProgress || $0.status == .overdue) && $0.updatesInPeriod == 0 }
        if !idle.isEmpty {
            lines.append(
                Message(.reportNarrativeOpenWithoutUpdates, ["count": "\(idle.count)", "tasks": titles(idle)]))
        }
        return lines
    }

    private func count(_ status: DeadlineStatus, inPeriod: Bool) -> Int {
        items.filter { $0.status == status && $0.completedInPeriod == inPeriod }.count
    }

    private func titles(where include: (ReportItem) -> Bool) -> String { titles(items.filter(include)) }

    private func titles(_ items: [ReportItem]) -> String { ReportText.titles(items.map(\.title)) }
}

/// How lists appear inside report sentences: titles in quotes, separated by commas.
enum ReportText {
    static func titles(_ titles: [String]) -> String { titles.map { "“\($0)”" }.joined(separator: ", ") }
}
