import Foundation
import PartrackDomain
import Testing

private typealias F = ProjectionFixture

@Suite("What-if: the fixture with some outcomes changed")
struct WhatIfTests {
    @Test func outcomesReplaceTheTasksStandingAndCountAsFact() throws {
        // Task 4 done 30/6 (due 30/9: on time), task 3 done 25/6 (due 15/6: late), task 7 cancelled.
        // 1.1.1: 1 (task 1) + 0.5 (task 2) + 2 × 0.5 (task 3, late) + 1 (task 4) = 3.5 of Σw 5
        //        → 4 × 3.5/5 = 2.80 in all three figures.
        // 1.2:   only task 6 (on time) is left → 4.00 in all three.
        // 1.1.2 and area 2 are unchanged: (0.50, 1.50, 1.50) and 7.25.
        // total = (2.80 + 0.50 + 4 + 7.25, 2.80 + 1.50 + 4 + 7.25, same) = (14.55, 15.55, 15.55)
        let outcomes: [TaskOutcome] = [.done(4, on: F.day(30, 6)), .done(3, on: F.day(25, 6)), .cancelled(7)]
        let projection = WhatIf.apply(outcomes, to: F.input)
        #expect(try #require(projection.node("1.1.1")).figures == F.figures("2.8", "2.8", "2.8"))
        #expect(try #require(projection.node("1.2")).figures == F.figures("4", "4", "4"))
        #expect(projection.total == F.figures("14.55", "15.55", "15.55"))
        #expect(projection.pointsAtRisk.isEmpty)
        #expect(projection.whatIf.isEmpty)
        #expect(projection.issues.isEmpty)
    }

    @Test func doneOnTheDueDayIsOnTime() throws {
        // Task 7 (due 31/10) done on 31/10: 1.2 earns 4 × 3/3 = 4.00 already.
        let projection = WhatIf.apply([.done(7, on: F.day(31, 10))], to: F.input)
        #expect(try #require(projection.node("1.2")).figures.earned == Points(4))
        #expect(try #require(projection.node("1.2")).tasks.doneOnTime == 2)
        let late = WhatIf.apply([.done(7, on: F.day(1, 11))], to: F.input)
        // One day later: late, 4 × (1 + 2 × 0.5)/3 = 2.67.
        #expect(try #require(late.node("1.2")).figures == F.figures("2.67", "2.67", "2.67"))
    }

    @Test func compareGivesTheChangeInEveryTotal() {
        // Before (10.28, 14.75, 15.55); after (14.55, 15.55, 15.55).
        let outcomes: [TaskOutcome] = [.done(4, on: F.day(30, 6)), .done(3, on: F.day(25, 6)), .cancelled(7)]
        let comparison = WhatIf.compare(outcomes, to: F.input)
        #expect(comparison.before == ProjectionEngine.project(F.input))
        #expect(comparison.change == F.figures("4.27", "0.8", "0"))
    }

    @Test func unknownTaskIsReportedAndTheLastOutcomeForATaskWins() throws {
        let projection = WhatIf.apply([.cancelled(3), .done(3, on: F.day(1, 6)), .cancelled(99)], to: F.input)
        #expect(projection.issues == [Message("projection.issue.unknown_task", ["task": "99"])])
        // Task 3 done 1/6, before its due 15/6: on time. 1.1.1 = 4 × (1 + 0.5 + 2 + 0)/5 = 2.80 earned.
        #expect(try #require(projection.node("1.1.1")).figures.earned == F.points("2.8"))
    }

    @Test func outcomeIsCodableForTheAPI() throws {
        let outcomes: [TaskOutcome] = [.done(4, on: F.day(30, 6)), .cancelled(7)]
        let decoded = try JSONDecoder().decode([TaskOutcome].self, from: JSONEncoder().encode(outcomes))
        #expect(decoded == outcomes)
    }
}
