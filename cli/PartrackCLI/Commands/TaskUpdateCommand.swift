import ArgumentParser
import Foundation
import PartrackAPI

struct TaskUpdateCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Cập nhật tiến độ hoặc ghi chú của một nhiệm vụ (Update a task's progress or note).",
        discussion: """
            Tiến độ trên 0 cho nhiệm vụ chưa bắt đầu sẽ chuyển nó sang "đang thực hiện". Giảm tiến độ cần ghi chú lý do. Thay đổi dựa trên phiên bản bạn vừa đọc: nếu người khác đã sửa nhiệm vụ, máy chủ từ chối (mã thoát 1) và partrack in tình trạng hiện tại, không ghi đè.

            Progress above 0 starts a not-started task. Lowering progress needs a note saying why. The change is based on the version just read: if someone else changed the task meanwhile, the server refuses (exit 1) and partrack prints the task as it now is; nothing is overwritten.

            Ví dụ / Examples:
              partrack task update 12 --progress 60 --note "Đã họp lấy ý kiến"
              partrack task update 12 --note "Chờ kinh phí"
              partrack task update 12 --progress 80 --queue   # mất mạng (offline)
            """)

    @Argument(help: "Số của nhiệm vụ. (Task id.)")
    var id: Int

    @Option(help: "Tiến độ, 0–100 (phần trăm). (Progress in percent.)")
    var progress: Int?

    @Option(help: "Ghi chú cho lịch sử nhiệm vụ. (A note for the task's history.)")
    var note: String?

    @Flag(help: "Nếu không kết nối được máy chủ, xếp thay đổi vào hàng đợi mà không hỏi. (Queue if offline.)")
    var queue = false

    @OptionGroup var output: FormatOptions

    func validate() throws {
        if let progress, !(0...100).contains(progress) {
            throw ValidationError("--progress phải từ 0 đến 100 (--progress must be 0–100).")
        }
        if progress == nil && (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("Cần --progress hoặc --note (give --progress or --note).")
        }
    }

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        let change = TaskUpdateRequest(baseVersion: 0, progress: progress, note: note)
        do {
            let outcome = try await TaskChanger(session: session, console: console)
                .apply(taskID: id, change: change, evidence: [], queue: queue)
            try TaskChanger.report(outcome, json: output.json, console: console)
        } catch let stale as StaleChange {
            throw try TaskChanger.conflictError(stale, json: output.json, console: console)
        }
    }
}
