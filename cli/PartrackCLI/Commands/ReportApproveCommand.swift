import ArgumentParser
import Foundation
import PartrackAPI
import PartrackDomain

struct ReportApproveCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract:
            "Lãnh đạo tổng hợp (nếu chưa), duyệt và gửi báo cáo của đơn vị (Approve and submit the unit's report).",
        discussion: """
            Dành cho chủ tịch UBND xã. Nếu văn phòng chưa tổng hợp, partrack tổng hợp từ các phần đã nộp (POST …/unit-report/compile), rồi duyệt (…/approve) và gửi lên cấp trên (…/submit). Báo cáo đã gửi thì không gửi lại.

            For the commune's chairperson. When the office has not compiled the report yet, partrack compiles it from the parts submitted, then approves it and submits it to the reviewing unit. A report already submitted is not sent again.

            Ví dụ / Examples:
              partrack report approve --period Q1
              partrack report approve --period 9M --note-file loi-van-9-thang.txt
            """)

    @Option(help: "Kỳ báo cáo: Q1, H1, 9M hoặc Y. (Report period.)")
    var period: PeriodKind

    @Option(help: "Năm của kế hoạch; mặc định là kế hoạch mới nhất. (Plan year.)")
    var year: Int?

    @Option(help: "Tệp lời văn của đơn vị (UTF-8), hoặc - cho stdin. (The unit's narrative.)")
    var noteFile: String?

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let narrative = try noteFile.map { try NamedFile.text($0, input: context.stdin) }
        let session = try Session.open(context, console)
        let found = try await session.period(period, unitID: nil, year: year)
        let base = "/periods/\(found.id)/unit-report"
        var report: UnitReportDTO = try await session.api.get(base)
        if let submitted = report.submittedAt {
            if output.json {
                try console.printJSON(report)
            } else {
                console.print(console.text("cli.approve.already", ["date": console.show.dateTime(submitted)]))
            }
            return
        }
        let body = ReportNarrativeRequest(narrative: narrative)
        if !report.compiled {
            report = try await session.api.send(.POST, base + "/compile", json: body)
            if !output.json { console.say("cli.approve.compiled") }
        }
        report = try await session.api.send(.POST, base + "/approve", json: body)
        if !output.json { console.say("cli.approve.approved") }
        report = try await session.api.send(.POST, base + "/submit", json: ReportNarrativeRequest(narrative: nil))
        if output.json {
            try console.printJSON(report)
            return
        }
        console.print(
            console.text(
                "cli.approve.submitted",
                [
                    "unit": report.unitName, "period": console.text("cli.period.\(report.kind)"),
                    "date": console.show.dateTime(report.submittedAt),
                    "status": console.reportStatusName(report.status),
                ]))
        var table = TextTable([
            .init(console.text("cli.column.position")), .init(console.text("cli.column.status")),
            .init(console.text("cli.column.submitted")),
        ])
        for position in report.positions {
            table.add(
                [
                    position.positionTitle, console.reportStatusName(position.status),
                    console.show.dateTime(position.submittedAt),
                ],
                tones: [1: Tones.report(position.status)].compactMapValues { $0 })
        }
        console.printTable(table)
    }
}
