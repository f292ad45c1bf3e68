/// The periodic reports a plan's unit owes its reviewer (seed 001: Q1 by 15/3,
/// six months by 15/6, nine months by 15/9, the year by 1/11). Dates differ by province
/// and year, so these are defaults a plan can change.
public enum PeriodKind: String, CaseIterable, Codable, Sendable, Comparable {
    case q1 = "Q1"
    case h1 = "H1"
    case nineMonths = "9M"
    case year = "Y"

    public static func < (lhs: PeriodKind, rhs: PeriodKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Locale key of the period's name ("Báo cáo quý I", …).
    public var nameKey: String { "period.\(rawValue)" }

    /// Month and day of the default due date.
    var defaultDue: (month: Int, day: Int) {
        switch self {
        case .q1: return (3, 15)
        case .h1: return (6, 15)
        case .nineMonths: return (9, 15)
        case .year: return (11, 1)
        }
    }

    /// Month and day of the default cut-off (the last day the report covers).
    var defaultCutOff: (month: Int, day: Int) {
        switch self {
        case .q1: return (3, 14)
        case .h1: return (6, 14)
        case .nineMonths: return (9, 14)
        case .year: return (10, 31)
        }
    }
}

/// One period of a plan: what it covers and when its report is due.
public struct ReportPeriodSpec: Hashable, Codable, Sendable {
    public var kind: PeriodKind
    /// Last day of activity the report covers.
    public var cutOff: LocalDate
    /// The unit's report is due by the end of this day.
    public var due: LocalDate

    public init(kind: PeriodKind, cutOff: LocalDate, due: LocalDate) {
        self.kind = kind
        self.cutOff = cutOff
        self.due = due
    }

    /// The officers' part is due this many days before the unit's, so the commune office can compile.
    public func internalDue(daysEarlier: Int) -> LocalDate { due.adding(days: -daysEarlier) }
}

public enum ReportingCalendar {
    /// The four periods of `year` with the default dates of seed 001.
    public static func defaultPeriods(year: Int) -> [ReportPeriodSpec] {
        PeriodKind.allCases.map { kind in
            ReportPeriodSpec(
                kind: kind,
                cutOff: LocalDate(year: year, month: kind.defaultCutOff.month, day: kind.defaultCutOff.day)!,
                due: LocalDate(year: year, month: kind.defaultDue.month, day: kind.defaultDue.day)!)
        }
    }

    /// The period whose report is the next to fall due on `day` (the current one),
    /// or nil after the year's last due date.
    public static func current(in periods: [ReportPeriodSpec], on day: LocalDate) -> ReportPeriodSpec? {
        periods.sorted { $0.due < $1.due }.first { day <= $0.due }
    }
}
