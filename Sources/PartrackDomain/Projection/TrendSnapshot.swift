import Foundation

/// One point of a plan's trend line: the totals as of a moment, taken at each period's due date and
/// whenever a leader asks. Storing them is the server's; computing them is here.
public struct TrendSnapshot: Sendable, Equatable, Codable {
    public enum Occasion: Sendable, Equatable, Codable {
        /// At the end of a period's due day.
        case periodDue(PeriodKind)
        /// Asked for by a person.
        case onDemand
    }

    public var occasion: Occasion
    /// The moment the figures are as of.
    public var asOf: Date
    /// Its day, Vietnam time.
    public var day: LocalDate
    public var maximum: Points
    public var total: Figures
    /// Each total as a percentage of the maximum, in hundredths of a percent.
    public var percent: Scenarios<Int>
    /// The class of the projected total; nil below every class.
    public var projectedClass: String?
    /// The figures of each area, by code.
    public var areas: [String: Figures]
}

public enum Trend {
    /// The snapshot of a projection already made for `asOf` (the moment its input was projected at).
    public static func snapshot(of projection: Projection, asOf: Date, occasion: TrendSnapshot.Occasion)
        -> TrendSnapshot
    {
        var areas: [String: Figures] = [:]
        for area in projection.nodes where area.parentCode == nil { areas[area.code] = area.figures }
        return TrendSnapshot(
            occasion: occasion, asOf: asOf, day: projection.asOf, maximum: projection.maximum, total: projection.total,
            percent: projection.percent, projectedClass: projection.classes.projected, areas: areas)
    }

    /// Projects `input` as of its `asOf` and keeps the totals. Because completions and submissions after
    /// `asOf` are not counted (`CreditRule`), a snapshot for a past moment can be recomputed later and
    /// comes out the same, cancellations and edits of tasks apart.
    public static func snapshot(_ input: ProjectionInput, occasion: TrendSnapshot.Occasion) -> TrendSnapshot {
        snapshot(of: ProjectionEngine.project(input), asOf: input.asOf, occasion: occasion)
    }

    /// The moment a period's snapshot stands for: the first instant after its due day (Vietnam time),
    /// when a task due that day and not done has become overdue, as the period's report will say.
    public static func moment(of period: ReportPeriodSpec, clock: CivilClock) -> Date {
        clock.endOfDay(period.due)
    }

    /// Periods whose moment has come by `now` and whose snapshot is not recorded yet, earliest first:
    /// what the server should compute (each with `moment(of:clock:)` as the input's `asOf`) and store.
    public static func periodsAwaitingSnapshot(
        _ periods: [ReportPeriodSpec], recorded: Set<PeriodKind>, now: Date, clock: CivilClock
    ) -> [ReportPeriodSpec] {
        periods
            .filter { !recorded.contains($0.kind) && moment(of: $0, clock: clock) <= now }
            .sorted { $0.due < $1.due }
    }
}
