import ArgumentParser
import Foundation
import PartrackAPI

struct TaskEvidenceCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Tải tệp minh chứng lên cho một nhiệm vụ (Upload evidence files to a task).",
        discussion: """
            Mỗi tệp được gửi nguyên vẹn, đọc dần từ đĩa; máy chủ nhận diện loại tệp theo nội dung (PDF, Word, Excel, ảnh…) và bỏ qua tệp trùng đã có.

            Each file is sent as it is, read from disk in chunks; the server recognises the kind by its content (PDF, Word, Excel, images…) and keeps one copy of a file sent twice.

            Ví dụ / Examples:
              partrack task evidence 12 bien-ban-hop.pdf anh-niem-yet.jpg
            """)

    @Argument(help: "Số của nhiệm vụ. (Task id.)")
    var id: Int

    @Argument(help: "Các tệp minh chứng. (Evidence files.)")
    var files: [String]

    @OptionGroup var output: FormatOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Cần ít nhất một tệp (give at least one file).") }
    }

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let urls = try files.map { try NamedFile.existing($0) }
        let session = try Session.open(context, console)
        let changer = TaskChanger(session: session, console: console)
        var uploaded: [TaskChanger.UploadedEvidence] = []
        for url in urls { uploaded.append(try await changer.upload(url, to: id)) }
        if output.json {
            try console.printJSON(uploaded)
            return
        }
        let notes = Dictionary(
            uploaded.filter { !$0.isNew }.map { ($0.evidence.id, console.text("cli.evidence.duplicate")) },
            uniquingKeysWith: { first, _ in first })
        console.printTable(EvidenceTable.make(uploaded.map(\.evidence), console: console, notes: notes))
    }
}
