import Foundation

/// The first instant after each day, computed once per day and reused: building a `Calendar` per
/// task would make a province's compliance (200 communes × 60 tasks) take hundreds of milliseconds.
struct DayBoundaries {
    let clock: CivilClock
    private var ends: [Int: Date] = [:]

    init(clock: CivilClock) { self.clock = clock }

    mutating func end(of day: LocalDate) -> Date {
        if let end = ends[day.dayNumber] { return end }
        let end = clock.endOfDay(day)
        ends[day.dayNumber] = end
        return end
    }
}

/// Deadline statuses of many tasks and reports as of one moment, with the meaning of
/// `DeadlineStatus.of` and `CreditRule.status` (a completion or submission after the moment had not
/// happened yet then), computed with whole-day arithmetic instead of a calendar call per item.
struct DeadlineJudge {
    enum Moment {
        /// A given instant, e.g. now: something recorded at exactly that instant has happened.
        case instant(Date)
        /// The end of a day, e.g. a period's cut-off: everything during the day has happened, and
        /// deadlines on the day have passed.
        case endOf(LocalDate)
    }

    /// Deadlines on this day number or later have not passed yet.
    let firstOpenDay: Int
    /// The instant the statuses are as of (for `endOf`, the first instant of the next day).
    let reference: Date
    private let includesReference: Bool

    init(asOf moment: Moment, boundaries: inout DayBoundaries) {
        switch moment {
        case .instant(let instant):
            // A deadline of day D has passed at t exactly when t ≥ end of D, that is when D is before t's day.
            firstOpenDay = boundaries.clock.day(of: instant).dayNumber
            reference = instant
            includesReference = true
        case .endOf(let day):
            firstOpenDay = day.dayNumber + 1
            reference = boundaries.end(of: day)
            includesReference = false
        }
    }

    /// The earlier of `asOf` and the end of `cutOff`: what a period's figures are as of, so a past
    /// period's figures stay as they were at its cut-off.
    static func moment(asOf: Date, cutOff: LocalDate, boundaries: inout DayBoundaries) -> Moment {
        asOf < boundaries.end(of: cutOff) ? .instant(asOf) : .endOf(cutOff)
    }

    func hasHappened(_ instant: Date) -> Bool {
        includesReference ? instant <= reference : instant < reference
    }

    func hasPassed(_ due: LocalDate) -> Bool { due.dayNumber < firstOpenDay }

    func taskStatus(
        state: TaskState, due: LocalDate?, completedAt: Date?, boundaries: inout DayBoundaries
    ) -> DeadlineStatus {
        switch state {
        case .cancelled:
            return .cancelled
        case .done:
            if let completedAt, !hasHappened(completedAt) {
                return openStatus(started: true, due: due)
            }
            // No due date: never late. Done without a completion time (imported history): on time.
            guard let due, let completedAt else { return .doneOnTime }
            return completedAt < boundaries.end(of: due) ? .doneOnTime : .doneLate
        case .notStarted, .inProgress:
            return openStatus(started: state == .inProgress, due: due)
        }
    }

    private func openStatus(started: Bool, due: LocalDate?) -> DeadlineStatus {
        if let due, hasPassed(due) { return .overdue }
        return started ? .inProgress : .notYetDue
    }

    func reportStatus(submittedAt: Date?, due: LocalDate, boundaries: inout DayBoundaries) -> ReportStatus {
        guard let submittedAt, hasHappened(submittedAt) else { return hasPassed(due) ? .missing : .notYetDue }
        return submittedAt < boundaries.end(of: due) ? .onTime : .late
    }
}
