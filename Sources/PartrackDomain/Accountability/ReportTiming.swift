import Foundation

/// Where one periodic report stands as of a moment.
public enum ReportStatus: String, CaseIterable, Codable, Sendable {
    /// Nothing submitted, and the due day has not ended.
    case notYetDue = "not_yet_due"
    /// Nothing submitted, and the due day has ended.
    case missing
    /// Submitted by the end of the due day (Vietnam time).
    case onTime = "on_time"
    /// Submitted after the due day ended.
    case late

    public var nameKey: String { "report.status.\(rawValue)" }
}

/// Whose report: an officer's for a position, or the unit's compiled one.
public enum ReportLevel: String, CaseIterable, Codable, Sendable {
    case position
    case unit
}

/// When reports are due and whether they came in on time. "Due 15/3" means by the end of 15 March
/// in Vietnam (`CivilClock`): 23:59 on the day is on time, 00:01 the next day is late.
public enum ReportTiming {
    /// Whether a report submitted at `submittedAt` meets a due day of `due`.
    public static func isOnTime(submittedAt: Date, due: LocalDate, clock: CivilClock) -> Bool {
        clock.isOnOrBefore(submittedAt, day: due)
    }

    /// The report's status as of `asOf`. A submission after `asOf` had not happened yet then, so a
    /// status recomputed for a past moment comes out as it was.
    public static func status(submittedAt: Date?, due: LocalDate, asOf: Date, clock: CivilClock) -> ReportStatus {
        var boundaries = DayBoundaries(clock: clock)
        return DeadlineJudge(asOf: .instant(asOf), boundaries: &boundaries)
            .reportStatus(submittedAt: submittedAt, due: due, boundaries: &boundaries)
    }

    /// The due day of a report of `level`: officers' position reports are due `internalLeadDays`
    /// before the unit's, so the commune office has time to compile.
    public static func due(of level: ReportLevel, period: ReportPeriodSpec, internalLeadDays: Int) -> LocalDate {
        switch level {
        case .unit: return period.due
        case .position: return period.internalDue(daysEarlier: internalLeadDays)
        }
    }
}
