import ArgumentParser
import Foundation
import PartrackAPI

struct ReportShowCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Xem phần báo cáo của vị trí: bản nháp tự soạn từ nhiệm vụ và lời văn đã lưu (Show a report).",
        discussion: """
            Ví dụ / Examples:
              partrack report show --period Q1
              partrack report show --period H1 --year 2023 --format json
            """)

    @OptionGroup var report: ReportOptions
    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        let path = try await session.positionReportPath(report)
        let dto: PositionReportDTO = try await session.api.get(path)
        try PositionReportView.print(dto, json: output.json, console: console)
    }
}

/// A position's report as a person reads it.
enum PositionReportView {
    static func print(_ report: PositionReportDTO, json: Bool, console: Console) throws {
        if json {
            try console.printJSON(report)
            return
        }
        let show = console.show
        console.print(
            console.style.bold(
                console.text(
                    "cli.report.heading",
                    ["period": console.text("cli.period.\(report.kind)"), "position": report.positionTitle])))
        console.printPairs([
            (console.text("cli.report.covers"), "\(show.date(iso: report.from)) – \(show.date(iso: report.cutOff))"),
            (console.text("cli.report.due"), show.date(iso: report.due)),
            (console.text("cli.report.status"), console.reportStatusName(report.status)),
            (
                console.text("cli.report.submitted"),
                report.submittedAt.map { "\(show.dateTime($0)) (\(report.submittedBy ?? "—"))" } ?? "—"
            ),
        ])
        console.print()
        for line in report.generatedText { console.print(line) }
        if !report.items.isEmpty {
            console.print()
            var table = TextTable([
                .init("ID", .right), .init(console.text("cli.column.due")), .init(console.text("cli.column.status")),
                .init(console.text("cli.column.progress"), .right), .init(console.text("cli.column.evidence"), .right),
                .init(console.text("cli.column.task"), limit: 60),
            ])
            for item in report.items {
                table.add(
                    [
                        "\(item.taskID)", show.date(iso: item.due), console.deadlineName(item.status),
                        "\(item.progress)%",
                        "\(item.evidenceCount)", item.title,
                    ], tones: [2: Tones.deadline(item.status)].compactMapValues { $0 })
            }
            console.printTable(table)
        }
        console.print()
        console.print(console.style.bold(console.text("cli.report.narrative")))
        console.print(report.narrative.isEmpty ? console.text("cli.report.no_narrative") : report.narrative)
    }
}
