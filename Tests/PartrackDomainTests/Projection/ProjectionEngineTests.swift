import Foundation
import PartrackDomain
import Testing

private typealias F = ProjectionFixture

@Suite("Projection engine on the hand-worked fixture (see ProjectionFixture)")
struct ProjectionEngineTests {
    let projection = ProjectionEngine.project(F.input)

    @Test func weightedLeafCountsOnTimeLateOverdueOpenAndLeavesOutCancelled() throws {
        // 1.1.1 (max 4), live tasks 1 (w1, on time), 2 (w1, late), 3 (w2, overdue), 4 (w1, not yet due);
        // task 5 is cancelled and left out. Σw = 5, λ = 0.5.
        // earned    = 4 × (1·1 + 1·0.5 + 2·0   + 1·0) / 5 = 4 × 1.5 / 5 = 1.20
        // projected = 4 × (1·1 + 1·0.5 + 2·0   + 1·1) / 5 = 4 × 2.5 / 5 = 2.00
        // ceiling   = 4 × (1·1 + 1·0.5 + 2·0.5 + 1·1) / 5 = 4 × 3.5 / 5 = 2.80
        let leaf = try #require(projection.node("1.1.1"))
        #expect(leaf.figures == F.figures("1.2", "2", "2.8"))
        #expect(leaf.coverage == .tasks)
        #expect(leaf.percent == Scenarios(earned: 3000, projected: 5000, ceiling: 7000))
        var tally = TaskTally()
        tally.doneOnTime = 1
        tally.doneLate = 1
        tally.overdue = 1
        tally.open = 1
        tally.cancelled = 1
        #expect(leaf.tasks == tally)
    }

    @Test func reportComplianceCountsOnTimeReportsAmongAllPeriods() throws {
        // 1.1.2 (max 2): Q1 on time, H1 late (16/6 08:00 after the end of 15/6), 9M and Y not yet due.
        // earned    = 2 × 1/4       = 0.50 (only the on-time report, out of all four periods)
        // projected = 2 × (1 + 2)/4 = 1.50 (future periods count as on time)
        // ceiling   = projected     = 1.50 (a late report can never become on time)
        let leaf = try #require(projection.node("1.1.2"))
        #expect(leaf.figures == F.figures("0.5", "1.5", "1.5"))
        #expect(leaf.coverage == .reportCompliance)
        var reports = ReportTally()
        reports.onTime = 1
        reports.late = 1
        reports.upcoming = 2
        #expect(leaf.reports == reports)
    }

    @Test func leafCriterionWithRoundedThird() throws {
        // 1.2 (max 4): task 6 (w1, on time), task 7 (w2, not yet due), task 5 cancelled. Σw = 3.
        // earned = 4 × 1/3 = 1.333… → 1.33; projected = ceiling = 4 × 3/3 = 4.00
        let leaf = try #require(projection.node("1.2"))
        #expect(leaf.figures == F.figures("1.33", "4", "4"))
        #expect(leaf.depth == 2)
        #expect(leaf.isLeaf)
    }

    @Test func taskLinkedToTwoCriteriaCountsInBoth() throws {
        // Task 6 is the only task of 2.1 (max 3) and done on time: 3 in all three figures;
        // it also counts in 1.2 above.
        #expect(try #require(projection.node("2.1")).figures == F.figures("3", "3", "3"))
        #expect(try #require(projection.node("1.2")).tasks.doneOnTime == 1)
    }

    @Test func leafWithoutTasksUsesBaselineOrIsFlaggedNotCovered() throws {
        let baseline = try #require(projection.node("2.2"))
        #expect(baseline.figures == F.figures("2.5", "2.5", "2.5"))
        #expect(baseline.coverage == .baseline)
        #expect(!baseline.isFlagged)
        let uncovered = try #require(projection.node("2.3"))
        #expect(uncovered.figures == .zero)
        #expect(uncovered.coverage == .notCovered)
        #expect(uncovered.isFlagged)
        #expect(projection.flaggedLeaves.map(\.code) == ["2.3"])
    }

    @Test func surveyLeafTakesTheEnteredSurveyPoints() throws {
        let survey = try #require(projection.node("2.4"))
        #expect(survey.figures == F.figures("1.75", "1.75", "1.75"))
        #expect(survey.coverage == .survey)
    }

    @Test func parentsAreSumsOfTheirChildrenAndTheTotalOfTheAreas() throws {
        // 1.1 = 1.1.1 + 1.1.2 = (1.20 + 0.50, 2.00 + 1.50, 2.80 + 1.50) = (1.70, 3.50, 4.30)
        // 1   = 1.1 + 1.2     = (1.70 + 1.33, 3.50 + 4.00, 4.30 + 4.00) = (3.03, 7.50, 8.30)
        // 2   = 3 + 2.5 + 0 + 1.75 in every figure = 7.25
        // total = (3.03 + 7.25, 7.50 + 7.25, 8.30 + 7.25) = (10.28, 14.75, 15.55) of 20
        #expect(try #require(projection.node("1.1")).figures == F.figures("1.7", "3.5", "4.3"))
        #expect(try #require(projection.node("1")).figures == F.figures("3.03", "7.5", "8.3"))
        #expect(try #require(projection.node("2")).figures == F.figures("7.25", "7.25", "7.25"))
        #expect(projection.total == F.figures("10.28", "14.75", "15.55"))
        #expect(projection.maximum == Points(20))
        #expect(projection.areas.map(\.code) == ["1", "2"])
        #expect(projection.nodes.map(\.code) == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1", "2.2", "2.3", "2.4"])

        for node in projection.nodes where !node.isLeaf {
            let children = projection.nodes.filter { $0.parentCode == node.code }
            #expect(children.reduce(Figures.zero) { $0 + $1.figures } == node.figures, "node \(node.code)")
        }
        #expect(projection.areas.reduce(Figures.zero) { $0 + $1.figures } == projection.total)
    }

    @Test func totalPercentAndClassPerScenario() {
        // 10.28/20 = 51.40 % (Trung bình), 14.75/20 = 73.75 % (Khá), 15.55/20 = 77.75 % (Khá)
        #expect(projection.percent == Scenarios(earned: 5140, projected: 7375, ceiling: 7775))
        #expect(projection.classes == Scenarios(earned: "Trung bình", projected: "Khá", ceiling: "Khá"))
    }

    @Test func pointsAtRiskAreTheOverdueTasksShareOfCeilingMinusProjected() {
        // Only task 3 is overdue: 1.1.1 ceiling − projected = 2.80 − 2.00 = 0.80, all of it task 3's.
        #expect(projection.pointsAtRisk.map(\.taskID) == [3])
        #expect(projection.pointsAtRisk.map(\.points) == [F.points("0.8")])
        let atRisk = projection.pointsAtRisk.reduce(Points.zero) { $0 + $1.points }
        #expect(atRisk == projection.total.ceiling - projection.total.projected)
    }

    @Test func openTasksRankedByWhatTheyAreWorthToProjected() {
        // Task 7 (1.2, w2 of 3): 4 × 3/3 − 4 × 1/3 = 4.00 − 1.33 = 2.67.
        // Task 3 (overdue, 1.1.1, w2 of 5): done now at λ: 4 × 3.5/5 − 4 × 2.5/5 = 2.80 − 2.00 = 0.80.
        // Task 4 (1.1.1, w1 of 5): 4 × 2.5/5 − 4 × 1.5/5 = 2.00 − 1.20 = 0.80; due 30/9, after task 3's 15/6.
        #expect(projection.whatIf.map(\.taskID) == [7, 3, 4])
        #expect(projection.whatIf.map(\.points) == [F.points("2.67"), F.points("0.8"), F.points("0.8")])
        #expect(projection.whatIf.map(\.status) == [.inProgress, .overdue, .notYetDue])
    }

    @Test func completionLateInTheEveningStillOnTimeByVietnamDay() throws {
        // Task 6 was done at 23:30 on its due day in Vietnam (16:30 UTC): on time.
        // At 00:10 the next day (still the due day in UTC) it is late.
        #expect(try #require(projection.node("2.1")).tasks.doneOnTime == 1)
        var input = F.input
        input.tasks[5].completedAt = F.at(1, 4, 0, 10)
        let late = ProjectionEngine.project(input)
        // 2.1 = 3 × λ = 1.50 in all three figures
        #expect(try #require(late.node("2.1")).figures == F.figures("1.5", "1.5", "1.5"))
        #expect(try #require(late.node("2.1")).tasks.doneLate == 1)
    }

    @Test func cleanInputHasNoIssuesAndTheDayIsVietnamTime() {
        #expect(projection.issues.isEmpty)
        #expect(projection.asOf == F.day(20, 6))
        #expect(projection.lateCreditPercent == 50)
    }

    @Test func totalsAloneAreTheFullProjectionsTotals() {
        // Tables and ranks of many units compute only the totals; they must be the same figures.
        let totals = ProjectionEngine.totals(F.input)
        #expect(totals == projection.totals)
        #expect(totals.total == F.figures("10.28", "14.75", "15.55"))
        var later = F.input
        later.asOf = F.at(1, 12)
        #expect(ProjectionEngine.totals(later) == ProjectionEngine.project(later).totals)
        #expect(ProjectionEngine.totals(later) != totals)
    }

    @Test func projectionRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(projection)
        let decoded = try JSONDecoder().decode(Projection.self, from: data)
        #expect(decoded == projection)
    }
}
