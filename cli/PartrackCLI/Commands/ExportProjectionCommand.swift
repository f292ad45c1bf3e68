import ArgumentParser
import Foundation
import PartrackAPI
import PartrackDomain

struct ExportProjectionCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "projection",
        abstract: "Xuất bảng điểm dự kiến của các đơn vị cấp dưới (Export the projection table).",
        discussion: """
            Mỗi đơn vị có kế hoạch một dòng, xếp theo điểm dự kiến: đã đạt, dự kiến, tối đa có thể, tối đa, tỷ lệ, xếp loại, thứ hạng, số nhiệm vụ. Với --period, số liệu tính đến ngày chốt của kỳ đó (theo lịch mặc định của năm); không có thì tính đến hôm nay.

            One row per unit with a plan, by projected score: earned, projected, ceiling, maximum, percent, class, rank, tasks. With --period, figures are as of that period's cut-off (by the year's default calendar); otherwise as of today.

            Ví dụ / Example:
              partrack export projection --unit ba-to --year 2023 --period H1 -o h1.csv
            """)

    @OptionGroup var export: ExportOptions

    @Option(help: "Tính đến ngày chốt của kỳ: Q1, H1, 9M hoặc Y. (As of the period's cut-off.)")
    var period: PeriodKind?

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        let unitID = try await session.unitID(export.unit)
        let year = export.year ?? CivilClock.vietnam.day(of: context.now()).year
        let asOf = period.flatMap { kind in
            ReportingCalendar.defaultPeriods(year: year).first { $0.kind == kind }?.cutOff
        }
        let rows: [ProjectionRowDTO] = try await session.api.get(
            "/projections",
            query: [("unit", unitID.map(String.init)), ("year", "\(year)"), ("as_of", asOf?.formatted)])
        let data = CSVWriter.document(rows: Self.rows(rows, console: console), bom: true, guardFormulas: true)
        try ExportFile.write(data, to: export.output, console: console)
    }

    static func rows(_ rows: [ProjectionRowDTO], console: Console) -> [[String]] {
        let show = console.show
        let header = [
            "unit", "earned", "projected", "ceiling", "maximum", "percent", "class", "rank", "tasks_done", "tasks_live",
        ].map { console.text("cli.csv.\($0)") }
        return [header]
            + rows.map { row in
                [
                    row.unitName, show.points(row.earned), show.points(row.projected), show.points(row.ceiling),
                    show.points(row.maximum), show.points(Points(hundredths: row.projectedPercent)),
                    row.projectedClass ?? "", row.rank.map { "\($0.position)/\($0.of)" } ?? "", "\(row.tasksDone)",
                    "\(row.tasksLive)",
                ]
            }
    }
}
