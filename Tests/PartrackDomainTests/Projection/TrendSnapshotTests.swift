import Foundation
import PartrackDomain
import Testing

private typealias F = ProjectionFixture

@Suite("Trend snapshots")
struct TrendSnapshotTests {
    @Test func snapshotKeepsTheTotalsAreasAndClass() {
        let snapshot = Trend.snapshot(F.input, occasion: .onDemand)
        #expect(snapshot.total == F.figures("10.28", "14.75", "15.55"))
        #expect(snapshot.percent.projected == 7375)
        #expect(snapshot.projectedClass == "Khá")
        #expect(snapshot.areas == ["1": F.figures("3.03", "7.5", "8.3"), "2": F.figures("7.25", "7.25", "7.25")])
        #expect(snapshot.day == F.day(20, 6))
        #expect(snapshot.asOf == F.asOf)
    }

    @Test func firstQuarterSnapshotRecomputedLaterComesOutAsItWasThen() {
        // The Q1 moment is the first instant after 15/3 (Vietnam). Then:
        // 1.1.1: task 1 on time, task 2 late, tasks 3 (w2) and 4 not yet due:
        //        earned 4 × 1.5/5 = 1.20, projected = ceiling 4 × 4.5/5 = 3.60.
        // 1.1.2: Q1 on time; H1 (submitted 16/6, after the moment) and 9M, Y not yet due:
        //        earned 2 × 1/4 = 0.50, projected = ceiling 2 × 4/4 = 2.00.
        // 1.2:   task 6 (done 31/3, after the moment) and task 7 both still open: 0, 4.00, 4.00.
        // 2.1:   task 6 open: 0, 3.00, 3.00. 2.2 = 2.50, 2.3 = 0, 2.4 = 1.75.
        // total: earned 1.20 + 0.50 + 2.50 + 1.75 = 5.95; projected 3.60 + 2 + 4 + 3 + 2.50 + 1.75 = 16.85.
        let q1 = ReportingCalendar.defaultPeriods(year: 2023)[0]
        var input = F.input
        input.asOf = Trend.moment(of: q1, clock: F.clock)
        let snapshot = Trend.snapshot(input, occasion: .periodDue(.q1))
        #expect(snapshot.total == F.figures("5.95", "16.85", "16.85"))
        #expect(snapshot.areas["1"] == F.figures("1.7", "9.6", "9.6"))
        #expect(snapshot.day == F.day(16, 3))
        #expect(snapshot.occasion == .periodDue(.q1))
    }

    @Test func momentIsTheEndOfTheDueDayInVietnam() {
        let h1 = ReportingCalendar.defaultPeriods(year: 2023)[1]
        #expect(Trend.moment(of: h1, clock: F.clock) == F.at(16, 6, 0, 0))
    }

    @Test func periodsAwaitingSnapshotAreThosePastTheirMomentAndNotRecorded() {
        let periods = ReportingCalendar.defaultPeriods(year: 2023)
        let awaiting = Trend.periodsAwaitingSnapshot(periods, recorded: [.q1], now: F.at(16, 9, 0, 0), clock: F.clock)
        #expect(awaiting.map(\.kind) == [.h1, .nineMonths])
        #expect(Trend.periodsAwaitingSnapshot(periods, recorded: [], now: F.at(15, 3, 23, 59), clock: F.clock).isEmpty)
    }

    @Test func snapshotRoundTripsThroughJSON() throws {
        let snapshot = Trend.snapshot(F.input, occasion: .periodDue(.h1))
        let decoded = try JSONDecoder().decode(TrendSnapshot.self, from: JSONEncoder().encode(snapshot))
        #expect(decoded == snapshot)
    }
}
