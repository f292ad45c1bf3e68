import ArgumentParser
import Foundation
import PartrackAPI
import PartrackDomain

struct ComplianceCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "Tình hình tuân thủ báo cáo và hoàn thành nhiệm vụ đúng hạn của các đơn vị (Compliance).",
        discussion: """
            Cho người thẩm định (và lãnh đạo, với đơn vị mình): mỗi đơn vị một dòng — báo cáo của đơn vị đúng hạn, trễ hay chưa nộp; các vị trí nộp phần của mình ra sao; bao nhiêu nhiệm vụ đến hạn đã xong đúng hạn.

            For reviewers (and leaders, for their unit): one line per unit — was its report on time, late or missing; how its positions reported; how many tasks due were done on time.

            Ví dụ / Examples:
              partrack compliance --period Q1
              partrack compliance --period H1 --unit ba-to --year 2023
              partrack compliance --period Q1 --format json
            """)

    @Option(help: "Kỳ báo cáo: Q1, H1, 9M hoặc Y. (Report period.)")
    var period: PeriodKind

    @Option(help: "Đơn vị gốc: mã (ba-to) hoặc số; mặc định là đơn vị của bạn. (Unit code or id.)")
    var unit: String?

    @Option(help: "Năm; mặc định là năm nay. (Year.)")
    var year: Int?

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        let unitID = try await session.unitID(unit)
        let report: ComplianceReport = try await session.api.get(
            "/compliance",
            query: [("unit", unitID.map(String.init)), ("period", period.rawValue), ("year", year.map(String.init))])
        if output.json {
            try console.printJSON(report)
            return
        }
        let show = console.show
        console.print(
            console.style.bold(
                console.text(
                    "cli.compliance.heading",
                    [
                        "period": console.text("cli.period.\(report.period.rawValue)"),
                        "date": show.dateTime(report.asOf),
                    ])))
        var table = TextTable([
            .init(console.text("cli.column.unit"), limit: 40), .init(console.text("cli.column.report")),
            .init(console.text("cli.column.submitted")), .init(console.text("cli.column.positions"), .right),
            .init(console.text("cli.column.tasks_due"), .right), .init(console.text("cli.column.on_time"), .right),
            .init(console.text("cli.column.rate"), .right),
        ])
        let depth = Self.depths(report)
        for unit in report.units {
            let positions = unit.own.positionReports
            table.add(
                [
                    String(repeating: "  ", count: depth[unit.unitID] ?? 0) + unit.name,
                    unit.report.map { console.reportStatusName($0.status.rawValue) } ?? "—",
                    show.dateTime(unit.report?.submittedAt),
                    positions.total == 0 ? "—" : "\(positions.onTime)/\(positions.late)/\(positions.missing)",
                    "\(unit.total.tasksDue)", "\(unit.total.tasksDueDoneOnTime)",
                    unit.total.onTimeRate.map { show.percent(hundredths: $0) } ?? "—",
                ], tones: [1: unit.report.flatMap { Tones.report($0.status.rawValue) }].compactMapValues { $0 })
        }
        console.printTable(table)
        console.say("cli.compliance.legend")
    }

    /// How deep each unit sits below the report's root, for indenting names.
    static func depths(_ report: ComplianceReport) -> [Int: Int] {
        var depth: [Int: Int] = [:]
        for unit in report.units {
            depth[unit.unitID] = unit.parentID.flatMap { depth[$0].map { $0 + 1 } } ?? 0
        }
        return depth
    }
}
