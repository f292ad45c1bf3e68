import Foundation

/// A leaf's three figures and where they come from.
struct LeafScore {
    var figures: Figures
    var coverage: LeafCoverage
    /// The baseline or survey points used, when they were.
    var baseline: Points?
}

/// The unit's periodic reports as of the projection's day, summed once for every
/// report-compliance leaf (see `CreditRule.reportCredit` for the rule).
struct ReportSummary {
    var tally = ReportTally()
    /// Σ credit over all reports, in percent.
    var credit = Credit(all: 0)
    var lateDues: [LocalDate] = []
    var missingDues: [LocalDate] = []
    var upcomingDues: [LocalDate] = []

    init(_ reports: [ReportSubmissionFact], asOf: Date, clock: CivilClock) {
        for report in reports.sorted(by: { $0.due < $1.due }) {
            let status = CreditRule.status(of: report, asOf: asOf, clock: clock)
            credit = credit + CreditRule.reportCredit(for: status)
            switch status {
            case .doneOnTime:
                tally.onTime += 1
            case .doneLate:
                tally.late += 1
                lateDues.append(report.due)
            case .overdue, .cancelled:
                tally.missing += 1
                missingDues.append(report.due)
            case .notYetDue, .inProgress:
                tally.upcoming += 1
                upcomingDues.append(report.due)
            }
        }
    }
}

/// The rules that give each leaf its figures (architecture, "Projection"):
/// - measured by tasks: a = Σ w·credit / Σ w over its live tasks, points = M·a rounded to the
///   hundredth (`Points.scaled`); with no live task, last year's appraised score in all three figures
///   when one is recorded, otherwise 0 and flagged "not covered by the plan";
/// - measured by report compliance: a = share of the year's reports on time (`CreditRule.reportCredit`);
///   with no report schedule at all, as a leaf with no task;
/// - measured by survey: the survey points entered (as the baseline), otherwise 0 and flagged
///   "awaiting survey". Tasks never move a survey leaf.
enum LeafScoring {
    static func score(
        _ node: CatalogIndex.Node, tasks: LeafTasks, baseline: Points?, reports: ReportSummary
    ) -> LeafScore {
        switch node.measure {
        case .tasks:
            guard tasks.weight > 0 else { return uncovered(baseline) }
            let denominator = tasks.weight * CreditRule.fullCredit
            return LeafScore(
                figures: tasks.credit.map { node.maximum.scaled(by: $0, over: denominator) }, coverage: .tasks)
        case .reportCompliance:
            guard reports.tally.total > 0 else { return uncovered(baseline) }
            let denominator = reports.tally.total * CreditRule.fullCredit
            return LeafScore(
                figures: reports.credit.map { node.maximum.scaled(by: $0, over: denominator) },
                coverage: .reportCompliance)
        case .survey:
            guard let baseline else { return LeafScore(figures: .zero, coverage: .awaitingSurvey) }
            return LeafScore(figures: Figures(all: baseline), coverage: .survey, baseline: baseline)
        }
    }

    private static func uncovered(_ baseline: Points?) -> LeafScore {
        guard let baseline else { return LeafScore(figures: .zero, coverage: .notCovered) }
        return LeafScore(figures: Figures(all: baseline), coverage: .baseline, baseline: baseline)
    }

    /// Baselines by node index, each held within 0…M of its leaf. A baseline for an unknown code or for a
    /// node with children, or outside 0…M, is reported in `issues` (and left out, or held in range).
    static func baselines(
        _ given: [String: Points], tree: CatalogIndex, issues: inout [Message]
    ) -> [Points?] {
        var result = [Points?](repeating: nil, count: tree.nodes.count)
        guard !given.isEmpty else { return result }
        var matched = 0
        for (index, node) in tree.nodes.enumerated() {
            guard let points = given[node.code], tree.position[node.code] == index else { continue }
            matched += 1
            guard node.isLeaf else {
                issues.append(Message(.issueBaselineOnParent, ["code": node.code]))
                continue
            }
            let used = min(max(points, .zero), node.maximum)
            if used != points {
                issues.append(
                    Message(
                        .issueBaselineOutOfRange,
                        [
                            "code": node.code, "baseline": ProjectionText.points(points),
                            "max": ProjectionText.points(node.maximum), "used": ProjectionText.points(used),
                        ]))
            }
            result[index] = used
        }
        // Only when some code matched no node is the (sorted, so stable) search for it worth doing.
        if matched < given.count {
            for code in given.keys.sorted() where tree.position[code] == nil {
                issues.append(Message(.issueBaselineUnknownCriterion, ["code": code]))
            }
        }
        return result
    }
}
