import Foundation
import Testing

@testable import PartrackDomain

private typealias F = ProjectionFixture

@Suite("Credit of a task or report in each scenario")
struct CreditRuleTests {
    @Test(arguments: [
        (DeadlineStatus.doneOnTime, Credit(all: 100)),
        (.doneLate, Credit(all: 50)),
        (.notYetDue, Credit(earned: 0, projected: 100, ceiling: 100)),
        (.inProgress, Credit(earned: 0, projected: 100, ceiling: 100)),
        (.overdue, Credit(earned: 0, projected: 0, ceiling: 50)),
    ])
    func taskCreditFollowsTheArchitectureTable(status: DeadlineStatus, expected: Credit) {
        #expect(CreditRule.taskCredit(for: status, lateCreditPercent: 50) == expected)
    }

    @Test func cancelledTaskHasNoCredit() {
        #expect(CreditRule.taskCredit(for: .cancelled, lateCreditPercent: 50) == nil)
    }

    @Test func lateCreditComesFromTheCatalog() {
        #expect(CreditRule.taskCredit(for: .doneLate, lateCreditPercent: 25) == Credit(all: 25))
        #expect(CreditRule.taskCredit(for: .overdue, lateCreditPercent: 0)?.ceiling == 0)
        // Out-of-range factors (a catalog that skipped validation) are held within 0…100 %.
        #expect(CreditRule.taskCredit(for: .doneLate, lateCreditPercent: 140) == Credit(all: 100))
    }

    @Test func completionAfterTheMomentHadNotHappenedYet() {
        let task = F.task(1, .done, due: F.day(30, 6), completedAt: F.at(25, 6), CriterionLink(code: "1"))
        #expect(CreditRule.status(of: task, asOf: F.at(20, 6), clock: F.clock) == .inProgress)
        #expect(CreditRule.status(of: task, asOf: F.at(26, 6), clock: F.clock) == .doneOnTime)
        // As of 1/7 a task done on 25/6 is done; as of 1/7 had it not been done it would be overdue.
        #expect(CreditRule.status(of: task, asOf: F.at(1, 7), clock: F.clock) == .doneOnTime)
    }

    @Test func reportStatusUsesVietnamDayBoundaries() {
        let due = F.day(15, 3)
        func status(_ submitted: Date?, asOf: Date) -> DeadlineStatus {
            CreditRule.status(
                of: ReportSubmissionFact(kind: .q1, due: due, submittedAt: submitted), asOf: asOf, clock: F.clock)
        }
        #expect(status(F.at(15, 3, 23, 59), asOf: F.at(20, 3)) == .doneOnTime)
        #expect(status(F.at(16, 3, 0, 1), asOf: F.at(20, 3)) == .doneLate)
        #expect(status(nil, asOf: F.at(15, 3, 23)) == .notYetDue)
        #expect(status(nil, asOf: F.at(16, 3, 0, 1)) == .overdue)
        // Submitted after the moment: not yet submitted then.
        #expect(status(F.at(14, 3), asOf: F.at(10, 3)) == .notYetDue)
    }

    @Test func reportCreditCountsOnlyOnTimeReports() {
        #expect(CreditRule.reportCredit(for: .doneOnTime) == Credit(all: 100))
        #expect(CreditRule.reportCredit(for: .notYetDue) == Credit(earned: 0, projected: 100, ceiling: 100))
        #expect(CreditRule.reportCredit(for: .doneLate) == Credit(all: 0))
        #expect(CreditRule.reportCredit(for: .overdue) == Credit(all: 0))
    }
}

@Suite("Rounding: M·a to the hundredth, parents as sums")
struct ProjectionRoundingTests {
    @Test func scaledRoundsHalfUpToTheHundredth() {
        #expect(Points(1).scaled(by: 1, over: 8) == Points(hundredths: 13))  // 0.125 → 0.13
        #expect(Points(1).scaled(by: 1, over: 3) == Points(hundredths: 33))  // 0.333… → 0.33
        #expect(Points(1).scaled(by: 2, over: 3) == Points(hundredths: 67))  // 0.666… → 0.67
        #expect(Points(4).scaled(by: 350, over: 500) == Points(hundredths: 280))
        #expect(Points(3).scaled(by: 1, over: 0) == .zero)
        #expect(Points(1).scaled(by: -1, over: 8) == Points(hundredths: -13))
    }

    @Test func areaIsTheSumOfRoundedLeavesNotTheRoundedWhole() throws {
        // Three leaves of 1 point, each with three equal tasks of which one is done on time:
        // each leaf earns 1 × 1/3 = 0.33, so the area earns exactly 0.33 × 3 = 0.99 (not 1.00).
        let catalog = F.oneArea([F.leaf("1.1", 1), F.leaf("1.2", 1), F.leaf("1.3", 1)])
        var tasks: [ProjectionTask] = []
        for (leafIndex, code) in ["1.1", "1.2", "1.3"].enumerated() {
            for n in 0..<3 {
                let id = leafIndex * 10 + n
                tasks.append(
                    F.task(
                        id, n == 0 ? .done : .notStarted, due: F.day(31, 12), completedAt: n == 0 ? F.at(1, 6) : nil,
                        CriterionLink(code: code)))
            }
        }
        let projection = ProjectionEngine.project(ProjectionInput(catalog: catalog, tasks: tasks, asOf: F.at(20, 6)))
        #expect(
            projection.leaves.map(\.figures.earned) == [
                Points(hundredths: 33), Points(hundredths: 33), Points(hundredths: 33),
            ])
        #expect(try #require(projection.node("1")).figures.earned == Points(hundredths: 99))
        #expect(projection.total.earned == Points(hundredths: 99))
        #expect(projection.total.projected == Points(3))
    }

    @Test func riskSharedByWeightWithLargestRemainderAddsUpExactly() {
        // One leaf of 1 point with three overdue tasks of equal weight, λ = 0.5:
        // ceiling = 1 × 1.5/3 = 0.50, projected = 0, so 0.50 at risk: 50/3 = 16 rem 2 each,
        // the two hundredths left go to the first two tasks: 0.17, 0.17, 0.16.
        let catalog = F.oneArea([F.leaf("1.1", 1)])
        let tasks = (1...3).map { F.task($0, .notStarted, due: F.day(1, 6), CriterionLink(code: "1.1")) }
        let projection = ProjectionEngine.project(ProjectionInput(catalog: catalog, tasks: tasks, asOf: F.at(20, 6)))
        #expect(projection.total == F.figures("0", "0", "0.5"))
        #expect(projection.pointsAtRisk.map(\.points) == [F.points("0.17"), F.points("0.17"), F.points("0.16")])
        #expect(projection.pointsAtRisk.map(\.taskID) == [1, 2, 3])
    }

    @Test func apportionSplitsByWeightAndKeepsTheTotal() {
        #expect(TaskImpact.apportion(100, byWeights: [1, 1, 1]) == [34, 33, 33])
        #expect(TaskImpact.apportion(80, byWeights: [2, 1, 1]) == [40, 20, 20])
        #expect(TaskImpact.apportion(7, byWeights: [1, 2]) == [2, 5])  // 2.33 and 4.67: the larger remainder gets it
        #expect(TaskImpact.apportion(5, byWeights: []) == [])
    }
}
