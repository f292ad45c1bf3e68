import Foundation
import Testing

@testable import PartrackDomain

@Suite struct DeadlineStatusTests {
    let clock = CivilClock.vietnam
    let due = LocalDate(year: 2023, month: 3, day: 15)!

    /// An instant given as Vietnam wall-clock time.
    func vn(_ day: Int, _ month: Int, _ hour: Int, _ minute: Int) -> Date {
        clock.instant(on: LocalDate(year: 2023, month: month, day: day)!, hour: hour, minute: minute)
    }

    @Test func doneAtHalfPastElevenOnTheDueDayInVietnamIsOnTime() {
        let status = DeadlineStatus.of(
            state: .done, due: due, completedAt: vn(15, 3, 23, 30), asOf: vn(20, 3, 9, 0), clock: clock)
        #expect(status == .doneOnTime)
    }

    @Test func doneAtHalfPastMidnightTheNextDayIsLate() {
        let status = DeadlineStatus.of(
            state: .done, due: due, completedAt: vn(16, 3, 0, 30), asOf: vn(20, 3, 9, 0), clock: clock)
        #expect(status == .doneLate)
    }

    @Test func dayBoundaryIsVietnamsWhateverZoneTheServerRunsIn() {
        // 16:30 UTC on 15/3 is 23:30 in Vietnam: on time, although UTC still says the 15th too;
        // 17:30 UTC on 15/3 is 00:30 on 16/3 in Vietnam: late, although UTC still says the 15th.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let before = utc.date(from: DateComponents(year: 2023, month: 3, day: 15, hour: 16, minute: 30))!
        let after = utc.date(from: DateComponents(year: 2023, month: 3, day: 15, hour: 17, minute: 30))!
        #expect(
            DeadlineStatus.of(state: .done, due: due, completedAt: before, asOf: after, clock: clock) == .doneOnTime)
        #expect(DeadlineStatus.of(state: .done, due: due, completedAt: after, asOf: after, clock: clock) == .doneLate)
        // A clock in UTC would call both on time: the zone is a choice, and Vietnam's is ours.
        let utcClock = CivilClock(timeZone: TimeZone(identifier: "UTC")!)
        #expect(
            DeadlineStatus.of(state: .done, due: due, completedAt: after, asOf: after, clock: utcClock) == .doneOnTime)
    }

    @Test func openTaskIsNotYetDueUntilItsDayEnds() {
        #expect(
            DeadlineStatus.of(state: .notStarted, due: due, completedAt: nil, asOf: vn(15, 3, 23, 59), clock: clock)
                == .notYetDue)
        #expect(
            DeadlineStatus.of(state: .inProgress, due: due, completedAt: nil, asOf: vn(15, 3, 23, 59), clock: clock)
                == .inProgress)
    }

    @Test func openTaskIsOverdueFromTheFirstMinuteOfTheNextDay() {
        for state in [TaskState.notStarted, .inProgress] {
            #expect(
                DeadlineStatus.of(state: state, due: due, completedAt: nil, asOf: vn(16, 3, 0, 0), clock: clock)
                    == .overdue)
        }
    }

    @Test func cancelledTaskIsCancelledWhateverItsDates() {
        #expect(
            DeadlineStatus.of(state: .cancelled, due: due, completedAt: nil, asOf: vn(30, 3, 0, 0), clock: clock)
                == .cancelled)
    }

    @Test func taskWithoutDueDateIsNeverLate() {
        #expect(
            DeadlineStatus.of(state: .notStarted, due: nil, completedAt: nil, asOf: vn(30, 12, 0, 0), clock: clock)
                == .notYetDue)
        #expect(
            DeadlineStatus.of(
                state: .done, due: nil, completedAt: vn(30, 12, 0, 0), asOf: vn(30, 12, 0, 0), clock: clock)
                == .doneOnTime)
    }

    @Test func readsWallClockTimesInTheClocksZone() throws {
        let instant = try clock.parseDateTime("15/03/2023 23:30")
        #expect(clock.day(of: instant) == due)
        #expect(clock.formatDateTime(instant) == "15/03/2023 23:30")
        #expect(throws: DateInput.Failure.self) { try clock.parseDateTime("15/03/2023 24:10") }
        #expect(throws: DateInput.Failure.self) { try clock.parseDateTime("30/02/2023 10:10") }
    }
}
