import ArgumentParser
import Foundation
import PartrackAPI

struct PlanImportCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập kế hoạch từ văn bản (.docx, .xlsx, .csv, .txt): xem trước, rồi xác nhận (Import a plan).",
        discussion: """
            Dành cho lãnh đạo đơn vị. Không có --confirm: gửi văn bản để máy chủ đọc và in bản xem trước (nhiệm vụ, vị trí, hạn, những chỗ chưa hiểu) — chưa ghi gì. Với --confirm: ghi kế hoạch và nhiệm vụ trong một lần. Nhập lại kế hoạch đã có (--plan) cập nhật nhiệm vụ đổi, thêm nhiệm vụ mới, hủy nhiệm vụ không còn, giữ nguyên tiến độ.

            For a unit's leader. Without --confirm: the server reads the document and partrack prints the preview (tasks, positions, deadlines, what was not understood) — nothing is written. With --confirm: the plan and its tasks are written at once. Re-importing an existing plan (--plan) updates changed tasks, adds new ones and cancels those gone, keeping progress.

            Ví dụ / Examples:
              partrack plan import ke-hoach-cchc-2024.docx
              partrack plan import ke-hoach-cchc-2024.docx --confirm
              partrack plan import ke-hoach-sua-doi.xlsx --plan 3 --confirm
            """)

    @Argument(help: "Văn bản kế hoạch. (The plan document.)")
    var file: String

    @Option(help: "Đơn vị: mã hoặc số; mặc định là đơn vị của bạn. (Unit code or id.)")
    var unit: String?

    @Option(help: "Kế hoạch đã có để nhập lại. (An existing plan to re-import into.)")
    var plan: Int?

    @Flag(help: "Ghi kế hoạch sau khi xem trước. (Write the plan.)")
    var confirm = false

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let url = try NamedFile.existing(file)
        let session = try Session.open(context, console)
        let unitID = try await session.unitID(unit)
        let preview: ImportPreviewDTO = try await session.api.upload(
            "/imports",
            query: [
                ("unit", unitID.map(String.init)), ("filename", url.lastPathComponent), ("plan", plan.map(String.init)),
            ], file: url)
        var result: ImportResultDTO?
        if confirm {
            result = try await session.api.send(.POST, "/imports/\(preview.id)/confirm", json: ImportConfirmRequest())
        }
        if output.json {
            try console.printJSON(ImportSummary(preview: preview, result: result))
            return
        }
        Self.printPreview(preview, console: console)
        console.print()
        if let result {
            console.print(
                console.text(
                    "cli.import.done",
                    [
                        "plan": "\(result.planID)", "created": "\(result.created)", "updated": "\(result.updated)",
                        "unchanged": "\(result.unchanged)", "cancelled": "\(result.cancelled)",
                    ]))
        } else {
            console.say("cli.import.confirm_hint", ["file": file])
        }
    }

    static func printPreview(_ preview: ImportPreviewDTO, console: Console) {
        let show = console.show
        console.print(console.style.bold(preview.summary))
        console.printPairs([
            (console.text("cli.import.tasks"), "\(preview.tasks.count)"),
            (console.text("cli.import.needs_assignment"), "\(preview.tasks.filter(\.needsAssignment).count)"),
            (
                console.text("cli.import.periods"),
                preview.periods.map { "\($0.kind) \(show.date(iso: $0.due))" }.joined(separator: ", ")
                    + (preview.periodsFromDocument ? "" : " " + console.text("cli.import.default_periods"))
            ),
            (
                console.text("cli.import.unknown_positions"),
                preview.unknownPositions.isEmpty ? "—" : preview.unknownPositions.joined(separator: "; ")
            ),
        ])
        if let changes = preview.changes {
            console.print(
                console.text(
                    "cli.import.changes",
                    [
                        "unchanged": "\(changes.unchanged)", "changed": "\(changes.changed.count)",
                        "added": "\(changes.added.count)", "removed": "\(changes.removed.count)",
                    ]))
        }
        console.print()
        var tasks = TextTable([
            .init("#", .right), .init(console.text("cli.column.due")),
            .init(console.text("cli.column.lead"), limit: 30),
            .init(console.text("cli.column.criteria")), .init(console.text("cli.column.task"), limit: 60),
        ])
        for (index, task) in preview.tasks.enumerated() {
            let lead =
                task.leadPositions.isEmpty
                ? console.text("cli.import.unassigned") : task.leadPositions.joined(separator: ", ")
            tasks.add(
                [
                    "\(index + 1)", task.due.map { show.date(iso: $0) } ?? (task.dueText ?? "—"), lead,
                    task.suggestedCriteria.first?.code ?? "—", task.title,
                ], tones: task.needsAssignment ? [2: .warning] : [:])
        }
        console.printTable(tasks)
        if !preview.notes.isEmpty {
            console.print()
            var notes = TextTable([
                .init(console.text("cli.column.severity")), .init(console.text("cli.column.where")),
                .init(console.text("cli.column.detail"), limit: 80),
            ])
            for note in preview.notes {
                notes.add(
                    [note.severity, note.location, note.message],
                    tones: note.severity == "error" ? [0: .bad] : (note.severity == "warning" ? [0: .warning] : [:]))
            }
            console.printTable(notes)
        }
    }
}

struct ImportSummary: Encodable {
    var preview: ImportPreviewDTO
    var result: ImportResultDTO?
}
