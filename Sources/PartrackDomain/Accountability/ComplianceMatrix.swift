import Foundation

/// The compliance matrix a reviewer exports: one row per reporting unit (a commune), a group of
/// columns per period (its report's status and time, its positions' reports, its tasks), and the
/// count of periods on time, late and missing. Write it with `CSVWriter`.
public enum ComplianceMatrix {
    /// `reports` are the same tree computed for several periods (e.g. Q1, H1, 9M, year), in column
    /// order. Rows are the units with a report of their own in at least one period, in tree order.
    public static func rows(_ reports: [ComplianceReport], catalog: LocaleCatalog, clock: CivilClock) -> [[String]] {
        var header = [
            catalog.render(key: AccountabilityMessageKey.complianceCSVUnit.rawValue),
            catalog.render(key: AccountabilityMessageKey.complianceCSVLevel.rawValue),
        ]
        for report in reports {
            let period = catalog.render(key: report.period.nameKey)
            header += periodColumns.map { catalog.render(key: $0.rawValue, arguments: ["period": period]) }
        }
        header += [
            AccountabilityMessageKey.complianceCSVPeriodsOnTime, .complianceCSVPeriodsLate,
            .complianceCSVPeriodsMissing,
        ].map { catalog.render(key: $0.rawValue) }

        let lookups = reports.map { report in
            Dictionary(report.units.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var rows = [header]
        for unit in reportingUnits(reports) {
            var row = [unit.name, catalog.render(key: unit.level.nameKey)]
            var periods = SubmissionCounts()
            for lookup in lookups {
                guard let compliance = lookup[unit.unitID], let report = compliance.report else {
                    row += Array(repeating: "", count: periodColumns.count)
                    continue
                }
                periods.add(report.status)
                let positions = compliance.own.positionReports
                row += [
                    catalog.render(key: report.status.nameKey),
                    report.submittedAt.map(clock.formatDateTime) ?? "",
                    "\(positions.onTime)", "\(positions.late)", "\(positions.missing)",
                    "\(compliance.own.tasksDue)", "\(compliance.own.tasksDueDoneOnTime)",
                    compliance.own.onTimeRate.map { Points(hundredths: $0).vietnamese } ?? "",
                ]
            }
            row += ["\(periods.onTime)", "\(periods.late)", "\(periods.missing)"]
            rows.append(row)
        }
        return rows
    }

    private static let periodColumns: [AccountabilityMessageKey] = [
        .complianceCSVStatus, .complianceCSVSubmittedAt, .complianceCSVPositionsOnTime, .complianceCSVPositionsLate,
        .complianceCSVPositionsMissing, .complianceCSVTasksDue, .complianceCSVTasksDoneOnTime,
        .complianceCSVOnTimeRate,
    ]

    /// Units with a report of their own in some period, each once, in the order first met.
    private static func reportingUnits(_ reports: [ComplianceReport]) -> [UnitCompliance] {
        var seen: Set<Int> = []
        var units: [UnitCompliance] = []
        for report in reports {
            for unit in report.units where unit.report != nil && seen.insert(unit.unitID).inserted {
                units.append(unit)
            }
        }
        return units
    }
}
