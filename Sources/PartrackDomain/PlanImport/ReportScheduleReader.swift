/// Finds the reporting schedule a plan states, as seed 001 does: "03 tháng (chậm nhất ngày
/// 15/3/2023); 6 tháng (… 15/6/2023); 9 tháng (… 15/9/2023) và năm 2023 (… 01/11/2023)".
/// Each date belongs to the period named closest before it.
enum ReportScheduleReader {
    struct Schedule: Sendable {
        var periods: [ReportPeriodSpec]
        var line: Int
    }

    /// Period names, folded; the last one written before a date names that date's period.
    private static let periodWords: [(phrase: String, kind: PeriodKind)] = [
        ("quy i", .q1), ("quy 1", .q1), ("03 thang", .q1), ("3 thang", .q1), ("ba thang", .q1),
        ("quy ii", .h1), ("06 thang", .h1), ("6 thang", .h1), ("sau thang", .h1), ("nua nam", .h1),
        ("quy iii", .nineMonths), ("09 thang", .nineMonths), ("9 thang", .nineMonths), ("chin thang", .nineMonths),
        ("nam", .year), ("ca nam", .year), ("hang nam", .year),
    ]

    /// The first block that talks of reports and gives dates to at least two periods.
    static func schedule(in blocks: [PlanBlock], defaultYear: Int) throws(PlanImportError) -> Schedule? {
        for block in blocks where block.kind != .table && block.folded.contains("bao cao") {
            let folded = Array(block.folded)
            let dates = try NumberScan(folded).dates(defaultYear: defaultYear, at: block.location)
            guard dates.count >= 2 else { continue }
            let aligned = AlignedText(block.folded)
            var found: [PeriodKind: LocalDate] = [:]
            var segmentStart = 0
            for date in dates {
                if let kind = lastPeriodNamed(in: aligned, range: segmentStart..<date.start), found[kind] == nil {
                    found[kind] = date.date
                }
                segmentStart = date.end
            }
            guard found.count >= 2 else { continue }
            return Schedule(periods: periods(from: found), line: block.line)
        }
        return nil
    }

    private static func lastPeriodNamed(in text: AlignedText, range: Range<Int>) -> PeriodKind? {
        var best: (offset: Int, length: Int, kind: PeriodKind)?
        for (phrase, kind) in periodWords {
            var from = range.lowerBound
            while let offset = text.findWord(phrase, from: from), offset + phrase.count <= range.upperBound {
                // The latest wins; at the same place the longer phrase ("quy iii" over "quy i").
                if best == nil || offset > best!.offset || (offset == best!.offset && phrase.count > best!.length) {
                    best = (offset, phrase.count, kind)
                }
                from = offset + 1
            }
        }
        return best?.kind
    }

    /// The stated periods, each covering activity up to its usual cut-off (or the day before it is due),
    /// and the defaults of the same year for any period the document leaves out.
    private static func periods(from found: [PeriodKind: LocalDate]) -> [ReportPeriodSpec] {
        let year = found.values.map(\.year).max()!
        return PeriodKind.allCases.map { kind in
            guard let due = found[kind] else {
                return ReportingCalendar.defaultPeriods(year: year).first { $0.kind == kind }!
            }
            let usual = LocalDate(year: due.year, month: kind.defaultCutOff.month, day: kind.defaultCutOff.day)!
            return ReportPeriodSpec(kind: kind, cutOff: usual < due ? usual : due.adding(days: -1), due: due)
        }
    }
}
