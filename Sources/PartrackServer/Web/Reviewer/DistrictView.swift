import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// Everything the district page, its print and its CSV exports show, gathered once:
/// compliance for the four periods (one set of facts) and the projection table.
struct DistrictView {
    let year: Int
    let reports: [ComplianceReport]
    let rows: [ProjectionRowDTO]
    /// The units below the reviewer that have a plan for the year: the communes.
    let communes: [UnitCompliance]
    let rootID: Int
    /// Each period's units by id: the page looks up 200 communes in each of four periods.
    private let unitsByPeriod: [[Int: UnitCompliance]]

    init(year: Int, reports: [ComplianceReport], rows: [ProjectionRowDTO], communes: [UnitCompliance], rootID: Int) {
        self.year = year
        self.reports = reports
        self.rows = rows
        self.communes = communes
        self.rootID = rootID
        unitsByPeriod = reports.map { report in
            Dictionary(report.units.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    static func load(unitID: Int, year: Int, request: Request) async throws -> DistrictView {
        let now = request.partrack.now()
        // Gathered side by side: one's queries run while the other computes (a province's page
        // waits for both).
        async let gatheredFacts = ComplianceFactsQuery.facts(under: unitID, year: year, on: request.db)
        async let gatheredRows = ProjectionAPI.rows(under: unitID, year: year, asOf: now, request: request)
        let facts = try await gatheredFacts
        let reports = PeriodKind.allCases.map {
            Compliance.compute(for: facts, period: $0, asOf: now, clock: request.partrack.clock)
        }
        let rows = try await gatheredRows
        let planned = Set(facts.filter { !$0.schedule.isEmpty }.map(\.unitID))
        let communes = (reports.first?.units ?? []).filter { planned.contains($0.unitID) && $0.unitID != unitID }
        return DistrictView(year: year, reports: reports, rows: rows, communes: communes, rootID: unitID)
    }

    func columns(_ request: Request) -> [DistrictPage.Column] {
        zip(reports, unitsByPeriod).map { report, units in
            let counts = units[rootID]?.total.unitReports ?? SubmissionCounts()
            let dues = communes.compactMap { units[$0.unitID]?.report?.due }
            return DistrictPage.Column(
                kind: report.period.rawValue, name: request.localized(report.period.nameKey),
                due: dues.min()?.formatted ?? "—", onTime: counts.onTime, late: counts.late, missing: counts.missing,
                lockAction: Pages.districtLock.link(rootID) + "?year=\(year)&kind=\(report.period.rawValue)",
                locked: false)
        }
    }

    /// The matrix rows of all communes, or of those in `shown` (positions in `communes`).
    func matrix(_ request: Request, shown: Range<Int>? = nil) -> [DistrictPage.MatrixRow] {
        communes[shown?.clamped(to: communes.indices) ?? communes.indices].map { commune in
            DistrictPage.MatrixRow(
                name: commune.name, href: Pages.dashboard.link(commune.unitID),
                cells: unitsByPeriod.map { units in
                    let own = units[commune.unitID]
                    let status = own?.report?.status ?? .notYetDue
                    let parts = own?.own.positionReports ?? SubmissionCounts()
                    return DistrictPage.Cell(
                        status: status.rawValue, label: request.localized(status.nameKey),
                        positions: request.localized(
                            "district.parts",
                            ["on_time": "\(parts.onTime)", "late": "\(parts.late)", "total": "\(parts.total)"]))
                })
        }
    }

    /// The communes' table; `sort` is one of `DistrictPage.sortKeys`.
    func table(sortedBy sort: String, _ request: Request) -> [DistrictPage.TableRow] {
        // The year's on-time completion rate, from the last period's compliance (hundredths of a percent).
        var yearRate: [Int: Int] = [:]
        for commune in communes {
            if let rate = unitsByPeriod.last?[commune.unitID]?.total.onTimeRate { yearRate[commune.unitID] = rate }
        }
        func completion(_ row: ProjectionRowDTO) -> Int { row.tasksDone * 1000 / max(row.tasksLive, 1) }
        var sorted = rows
        switch sort {
        case "name": sorted.sort { $0.unitName < $1.unitName }
        case "completion": sorted.sort { completion($0) > completion($1) }
        case "on_time": sorted.sort { (yearRate[$0.unitID] ?? -1) > (yearRate[$1.unitID] ?? -1) }
        default: break  // already by projected score
        }
        return sorted.map { row in
            let rate = yearRate[row.unitID]
            return DistrictPage.TableRow(
                name: row.unitName, href: Pages.dashboard.link(row.unitID),
                completion: "\(row.tasksDone)/\(row.tasksLive)",
                onTimeRate: rate.map { Points(hundredths: $0).vietnamese + "%" } ?? "—",
                projected: row.projected.vietnamese, percent: Points(hundredths: row.projectedPercent).vietnamese + "%",
                className: row.projectedClass ?? "—", rank: row.rank?.description ?? "—")
        }
    }
}
