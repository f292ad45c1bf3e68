import Foundation
import Testing

@testable import PartrackDomain

private let clock = CivilClock.vietnam

private func day(_ day: Int, _ month: Int, _ year: Int = 2024) -> LocalDate {
    LocalDate(year: year, month: month, day: day)!
}

private func at(_ date: LocalDate, _ hour: Int, _ minute: Int) -> Date {
    clock.instant(on: date, hour: hour, minute: minute)
}

@Suite("Reports: due days and lateness in Vietnam time")
struct ReportTimingTests {
    static let q1 = ReportPeriodSpec(kind: .q1, cutOff: day(14, 3), due: day(15, 3))

    @Test func aReportAt2359OnTheDueDayIsOnTimeAndAt0001TheNextDayIsLate() {
        #expect(ReportTiming.isOnTime(submittedAt: at(day(15, 3), 23, 59), due: day(15, 3), clock: clock))
        #expect(!ReportTiming.isOnTime(submittedAt: at(day(16, 3), 0, 1), due: day(15, 3), clock: clock))
        let asOf = at(day(20, 3), 8, 0)
        #expect(
            ReportTiming.status(submittedAt: at(day(15, 3), 23, 59), due: day(15, 3), asOf: asOf, clock: clock)
                == .onTime)
        #expect(
            ReportTiming.status(submittedAt: at(day(16, 3), 0, 1), due: day(15, 3), asOf: asOf, clock: clock) == .late)
    }

    @Test func midnightInVietnamIsFivePMTheDayBeforeInUTC() {
        // 16/3 00:00 in Hà Nội is 15/3 17:00 UTC: a server on UTC must still call it late.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let fivePM = utc.date(from: DateComponents(year: 2024, month: 3, day: 15, hour: 17, minute: 0, second: 1))!
        #expect(!ReportTiming.isOnTime(submittedAt: fivePM, due: day(15, 3), clock: clock))
        let fourPM = utc.date(from: DateComponents(year: 2024, month: 3, day: 15, hour: 16, minute: 59))!
        #expect(ReportTiming.isOnTime(submittedAt: fourPM, due: day(15, 3), clock: clock))
    }

    @Test func nothingSubmittedIsNotYetDueUntilTheDueDayEndsThenMissing() {
        #expect(
            ReportTiming.status(submittedAt: nil, due: day(15, 3), asOf: at(day(15, 3), 23, 59), clock: clock)
                == .notYetDue)
        #expect(
            ReportTiming.status(submittedAt: nil, due: day(15, 3), asOf: at(day(16, 3), 0, 1), clock: clock) == .missing
        )
    }

    @Test func aSubmissionAfterTheMomentAskedAboutHadNotHappenedYet() {
        let submitted = at(day(17, 3), 9, 0)
        #expect(
            ReportTiming.status(submittedAt: submitted, due: day(15, 3), asOf: at(day(16, 3), 9, 0), clock: clock)
                == .missing)
        #expect(ReportTiming.status(submittedAt: submitted, due: day(15, 3), asOf: submitted, clock: clock) == .late)
        #expect(
            ReportTiming.status(submittedAt: submitted, due: day(20, 3), asOf: at(day(16, 3), 9, 0), clock: clock)
                == .notYetDue)
    }

    @Test func officersReportsAreDueTheLeadDaysEarlier() {
        #expect(ReportTiming.due(of: .unit, period: Self.q1, internalLeadDays: 5) == day(15, 3))
        #expect(ReportTiming.due(of: .position, period: Self.q1, internalLeadDays: 5) == day(10, 3))
        let window = ReportWindow(period: Self.q1, previousCutOff: nil, internalLeadDays: 5)
        #expect(window.positionDue == day(10, 3))
        #expect(window.due(of: .unit) == day(15, 3))
        // An officer's part at 23:59 on 10/3 is on time, at 00:01 on 11/3 late.
        #expect(ReportTiming.isOnTime(submittedAt: at(day(10, 3), 23, 59), due: window.positionDue, clock: clock))
        #expect(!ReportTiming.isOnTime(submittedAt: at(day(11, 3), 0, 1), due: window.positionDue, clock: clock))
    }

    @Test func windowsRunFromTheDayAfterThePreviousCutOff() {
        let windows = ReportWindow.windows(
            of: ReportingCalendar.defaultPeriods(year: 2024).reversed(), internalLeadDays: 5)
        #expect(windows.map(\.kind) == [.q1, .h1, .nineMonths, .year])
        #expect(windows.map(\.from) == [day(1, 1), day(15, 3), day(15, 6), day(15, 9)])
        #expect(windows.map(\.cutOff) == [day(14, 3), day(14, 6), day(14, 9), day(31, 10)])
        #expect(windows[0].start(clock: clock) == at(day(1, 1), 0, 0))
        #expect(windows[0].end(clock: clock) == at(day(15, 3), 0, 0))
    }

    /// The fast judge used for whole provinces must say exactly what `DeadlineStatus.of` (with the
    /// projection's rule for completions after the moment) says, for any task and moment.
    @Test func theFastJudgeAgreesWithDeadlineStatusOnRandomTasks() {
        var random = SeededRandom(seed: 2024)
        // Instants near the edges of Vietnamese days, where the two could disagree.
        func edge(of day: LocalDate, _ random: inout SeededRandom) -> Date {
            let (hour, minute) = [(0, 0), (0, 1), (23, 59), (17, 0), (6, 59), (12, 0)].randomElement(using: &random)!
            return at(day, hour, minute)
        }
        var late = 0
        for _ in 0..<3_000 {
            let state = TaskState.allCases.randomElement(using: &random)!
            let dueDay = day(1, 3).adding(days: Int.random(in: 0..<60, using: &random))
            let due: LocalDate? = Int.random(in: 0..<5, using: &random) == 0 ? nil : dueDay
            let completedAt: Date? =
                state == .done && Int.random(in: 0..<5, using: &random) > 0
                ? edge(of: dueDay.adding(days: Int.random(in: -2...2, using: &random)), &random) : nil
            let asOf = edge(of: dueDay.adding(days: Int.random(in: -2...3, using: &random)), &random)
            var boundaries = DayBoundaries(clock: clock)
            let judge = DeadlineJudge(asOf: .instant(asOf), boundaries: &boundaries)
            let fast = judge.taskStatus(state: state, due: due, completedAt: completedAt, boundaries: &boundaries)
            let reference = CreditRule.status(
                of: ProjectionTask(id: 1, title: "", state: state, due: due, completedAt: completedAt, links: []),
                asOf: asOf, clock: clock)
            if reference == .doneLate { late += 1 }
            #expect(
                fast == reference,
                "\(state) due \(String(describing: due)) done \(String(describing: completedAt)) as of \(asOf)")
        }
        #expect(late > 50, "the sample reaches the edge it is meant to test")
    }

    @Test func atTheEndOfACutOffDayItsDeadlinesHavePassedAndItsEventsHappened() {
        var boundaries = DayBoundaries(clock: clock)
        let judge = DeadlineJudge(asOf: .endOf(day(14, 3)), boundaries: &boundaries)
        #expect(judge.hasPassed(day(14, 3)))
        #expect(!judge.hasPassed(day(15, 3)))
        #expect(judge.hasHappened(at(day(14, 3), 23, 59)))
        #expect(!judge.hasHappened(at(day(15, 3), 0, 0)))
        #expect(
            judge.taskStatus(state: .inProgress, due: day(14, 3), completedAt: nil, boundaries: &boundaries) == .overdue
        )
        // Done on 15/3, after the cut-off: as of the cut-off it was still open, and overdue.
        #expect(
            judge.taskStatus(state: .done, due: day(14, 3), completedAt: at(day(15, 3), 8, 0), boundaries: &boundaries)
                == .overdue)
    }
}
