import Foundation

/// The days one periodic report covers and when it is due, for the officers and for the unit.
public struct ReportWindow: Sendable, Equatable, Codable {
    public var kind: PeriodKind
    /// The first day covered: the day after the previous period's cut-off, or 1 January.
    public var from: LocalDate
    /// The last day covered.
    public var cutOff: LocalDate
    /// The unit's report is due by the end of this day.
    public var unitDue: LocalDate
    /// The officers' position reports are due by the end of this day (`internalLeadDays` earlier).
    public var positionDue: LocalDate

    /// `previousCutOff` is the cut-off of the plan's previous period; nil for the first period of the year.
    public init(period: ReportPeriodSpec, previousCutOff: LocalDate?, internalLeadDays: Int) {
        kind = period.kind
        from = previousCutOff?.adding(days: 1) ?? LocalDate(year: period.cutOff.year, month: 1, day: 1)!
        cutOff = period.cutOff
        unitDue = ReportTiming.due(of: .unit, period: period, internalLeadDays: internalLeadDays)
        positionDue = ReportTiming.due(of: .position, period: period, internalLeadDays: internalLeadDays)
    }

    public func due(of level: ReportLevel) -> LocalDate { level == .unit ? unitDue : positionDue }

    /// The first instant covered, in the clock's zone: where the server starts counting task updates.
    public func start(clock: CivilClock) -> Date { clock.startOfDay(from) }

    /// The first instant after the window: updates strictly before it belong to the period.
    public func end(clock: CivilClock) -> Date { clock.endOfDay(cutOff) }

    /// The windows of a plan's schedule, each starting the day after the previous cut-off.
    public static func windows(of periods: [ReportPeriodSpec], internalLeadDays: Int) -> [ReportWindow] {
        let ordered = periods.sorted { $0.cutOff < $1.cutOff }
        return ordered.indices.map { index in
            ReportWindow(
                period: ordered[index], previousCutOff: index == 0 ? nil : ordered[index - 1].cutOff,
                internalLeadDays: internalLeadDays)
        }
    }
}
