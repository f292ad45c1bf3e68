import Foundation

/// A position's report as the unit's office sees it when compiling: the draft (fresh from the tasks
/// when the officer has not submitted one) and when it was submitted.
public struct PositionReportInput: Sendable, Equatable {
    public var draft: PositionReportDraft
    public var submittedAt: Date?

    public init(draft: PositionReportDraft, submittedAt: Date?) {
        self.draft = draft
        self.submittedAt = submittedAt
    }
}

/// One position's line in the unit's report: did its report come in on time, and its figures.
public struct PositionReportLine: Sendable, Equatable, Codable {
    public var positionID: Int
    public var positionTitle: String
    public var due: LocalDate
    public var submittedAt: Date?
    public var status: ReportStatus
    public var counts: TaskStatusCounts
}

/// The unit's periodic report compiled from its positions' reports.
public struct UnitReportDraft: Sendable, Equatable, Codable {
    public var unitName: String
    public var window: ReportWindow
    /// Counts over the unit's distinct tasks: a task shared by two positions is counted once.
    public var counts: TaskStatusCounts
    public var completedInPeriod: Int
    public var groups: [ReportGroup]
    public var positions: [PositionReportLine]
    public var narrative: [Message]

    public func positions(with status: ReportStatus) -> [PositionReportLine] {
        positions.filter { $0.status == status }
    }
}

public enum UnitReportCompiler {
    /// Compiles the unit's report for `window` from every position's report, judging the positions'
    /// submissions against `window.positionDue` as of `asOf`.
    public static func compile(
        unitName: String, window: ReportWindow, positions: [PositionReportInput], asOf: Date, clock: CivilClock
    ) -> UnitReportDraft {
        var boundaries = DayBoundaries(clock: clock)
        let judge = DeadlineJudge(asOf: .instant(asOf), boundaries: &boundaries)
        let lines = positions.map { input in
            PositionReportLine(
                positionID: input.draft.positionID, positionTitle: input.draft.positionTitle,
                due: window.positionDue, submittedAt: input.submittedAt,
                status: judge.reportStatus(
                    submittedAt: input.submittedAt, due: window.positionDue, boundaries: &boundaries),
                counts: input.draft.counts)
        }
        let summary = TaskReportSummary(items: distinctItems(positions.map(\.draft)))
        var narrative = [
            Message(
                .reportNarrativeUnit,
                [
                    "unit": unitName, "from": window.from.formatted, "cut_off": window.cutOff.formatted,
                    "total": "\(summary.counts.live)", "positions": "\(lines.count)",
                ])
        ]
        narrative += submissionLines(lines)
        narrative += summary.taskLines()
        return UnitReportDraft(
            unitName: unitName, window: window, counts: summary.counts, completedInPeriod: summary.completedInPeriod,
            groups: summary.groups, positions: lines, narrative: narrative)
    }

    /// Each task once, in the order first met. Where positions' reports disagree about a shared task
    /// (drafted at different moments), the most recently drafted line wins.
    static func distinctItems(_ drafts: [PositionReportDraft]) -> [ReportItem] {
        var order: [Int] = []
        var chosen: [Int: (item: ReportItem, draftedAt: Date)] = [:]
        for draft in drafts {
            for item in draft.items {
                if let existing = chosen[item.taskID] {
                    if draft.draftedAt > existing.draftedAt { chosen[item.taskID] = (item, draft.draftedAt) }
                } else {
                    order.append(item.taskID)
                    chosen[item.taskID] = (item, draft.draftedAt)
                }
            }
        }
        return order.map { chosen[$0]!.item }
    }

    private static func submissionLines(_ lines: [PositionReportLine]) -> [Message] {
        var messages: [Message] = []
        let onTime = lines.filter { $0.status == .onTime }.count
        if !lines.isEmpty {
            messages.append(
                Message(.reportNarrativePositionsOnTime, ["count": "\(onTime)", "total": "\(lines.count)"]))
        }
        let others: [(ReportStatus, AccountabilityMessageKey)] = [
            (.late, .reportNarrativePositionsLate), (.missing, .reportNarrativePositionsMissing),
            (.notYetDue, .reportNarrativePositionsNotYetDue),
        ]
        for (status, key) in others {
            let titles = lines.filter { $0.status == status }.map(\.positionTitle)
            if !titles.isEmpty {
                messages.append(
                    Message(key, ["count": "\(titles.count)", "positions": titles.joined(separator: ", ")]))
            }
        }
        return messages
    }
}
