import ArgumentParser
import Foundation
import PartrackAPI

struct ReportDraftCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Lưu lời văn của phần báo cáo mà chưa nộp (Save a report's narrative without submitting).",
        discussion: """
            Lời văn lấy từ tệp văn bản UTF-8 (--note-file), hoặc từ stdin với --note-file -.

            The narrative comes from a UTF-8 text file (--note-file), or stdin with --note-file -.

            Ví dụ / Examples:
              partrack report draft --period Q1 --note-file bao-cao-q1.txt
              cat bao-cao-q1.txt | partrack report draft --period Q1 --note-file -
            """)

    @OptionGroup var report: ReportOptions

    @Option(help: "Tệp lời văn (UTF-8), hoặc - cho stdin. (Narrative file.)")
    var noteFile: String

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let narrative = try NamedFile.text(noteFile, input: context.stdin)
        let session = try Session.open(context, console)
        let path = try await session.positionReportPath(report)
        let saved: PositionReportDTO = try await session.api.send(
            .PUT, path, json: ReportNarrativeRequest(narrative: narrative))
        if !output.json { console.say("cli.report.saved") }
        try PositionReportView.print(saved, json: output.json, console: console)
    }
}
