import ArgumentParser
import Foundation
import PartrackAPI

struct TaskDoneCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Đánh dấu nhiệm vụ hoàn thành, kèm minh chứng hoặc giải trình (Mark a task done).",
        discussion: """
            Hoàn thành cần ít nhất một tệp minh chứng (--evidence, tải lên trước) hoặc một lời giải trình (--explain, ít nhất 10 chữ). Tiến độ thành 100%.

            Done needs at least one evidence file (--evidence, uploaded first) or a written explanation (--explain, at least 10 letters). Progress becomes 100%.

            Ví dụ / Examples:
              partrack task done 12 --evidence quyet-dinh-15.pdf bien-ban.docx
              partrack task done 14 --explain "Đã niêm yết tại trụ sở, không có văn bản"
              partrack task done 12 --evidence quyet-dinh-15.pdf --queue
            """)

    @Argument(help: "Số của nhiệm vụ. (Task id.)")
    var id: Int

    @Option(parsing: .upToNextOption, help: "Một hay nhiều tệp minh chứng. (Evidence files.)")
    var evidence: [String] = []

    @Option(help: "Giải trình thay cho minh chứng. (A written explanation instead of evidence.)")
    var explain: String?

    @Option(help: "Ghi chú cho lịch sử nhiệm vụ. (A note for the task's history.)")
    var note: String?

    @Flag(help: "Nếu không kết nối được máy chủ, xếp thay đổi vào hàng đợi mà không hỏi. (Queue if offline.)")
    var queue = false

    @OptionGroup var output: FormatOptions

    func validate() throws {
        let explained = !(explain ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        guard evidence.isEmpty != !explained else {
            throw ValidationError(
                "Cần --evidence TỆP… hoặc --explain \"…\", một trong hai (give --evidence FILE… or --explain \"…\", not both)."
            )
        }
    }

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let files = try evidence.map { try NamedFile.existing($0) }
        let session = try Session.open(context, console)
        let change = TaskUpdateRequest(baseVersion: 0, state: "done", note: note, explanation: explain)
        do {
            let outcome = try await TaskChanger(session: session, console: console)
                .apply(taskID: id, change: change, evidence: files, queue: queue)
            try TaskChanger.report(outcome, json: output.json, console: console)
        } catch let stale as StaleChange {
            throw try TaskChanger.conflictError(stale, json: output.json, console: console)
        }
    }
}
