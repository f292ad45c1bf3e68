import ArgumentParser
import Foundation
import PartrackAPI

struct ReportSubmitCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Nộp phần báo cáo của vị trí cho văn phòng (Submit a position's report).",
        discussion: """
            Nộp bản báo cáo như máy chủ soạn từ nhiệm vụ đến ngày chốt số liệu, kèm lời văn đã lưu (hoặc lời văn mới từ --note-file). Nộp sau hạn vẫn được nhận, và được ghi là nộp trễ.

            Submits the report as the server drafts it from the tasks up to the cut-off, with the saved narrative (or a new one from --note-file). A late submission is taken, and recorded as late.

            Ví dụ / Examples:
              partrack report submit --period Q1
              partrack report submit --period Q1 --note-file bao-cao-q1.txt
            """)

    @OptionGroup var report: ReportOptions

    @Option(help: "Tệp lời văn (UTF-8), hoặc - cho stdin. (Narrative file.)")
    var noteFile: String?

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let narrative = try noteFile.map { try NamedFile.text($0, input: context.stdin) }
        let session = try Session.open(context, console)
        let path = try await session.positionReportPath(report)
        let submitted: PositionReportDTO = try await session.api.send(
            .POST, path + "/submit", json: ReportNarrativeRequest(narrative: narrative))
        if !output.json {
            console.say(
                "cli.report.submitted_done",
                [
                    "status": console.reportStatusName(submitted.status),
                    "date": console.show.dateTime(submitted.submittedAt),
                ])
        }
        try PositionReportView.print(submitted, json: output.json, console: console)
    }
}
