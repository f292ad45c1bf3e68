import ArgumentParser
import Foundation
import PartrackAPI
import PartrackDomain

struct TasksCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "Liệt kê nhiệm vụ của kế hoạch, lọc theo người, trạng thái, hạn, vị trí (List tasks).",
        discussion: """
            Không có bộ lọc: mọi nhiệm vụ bạn được xem (của đơn vị mình; người thẩm định thấy cả các đơn vị mình theo dõi). --status nhận trạng thái của nhiệm vụ (not_started, in_progress, done, cancelled) hoặc tình trạng hạn (not_yet_due, overdue, done_on_time, done_late).

            With no filter: every task you may see. --status takes a task state (not_started, in_progress, done, cancelled) or a deadline status (not_yet_due, overdue, done_on_time, done_late).

            Ví dụ / Examples:
              partrack tasks --mine
              partrack tasks --mine --status overdue
              partrack tasks --due-before 31/03/2023 --position "Tư pháp – Hộ tịch"
              partrack tasks --unit ba-giang --format json
            """)

    @Flag(help: "Chỉ nhiệm vụ của vị trí bạn giữ hoặc giao cho bạn. (Only my tasks.)")
    var mine = false

    @Option(help: "Trạng thái hoặc tình trạng hạn, xem bên dưới. (State or deadline status.)")
    var status: String?

    @Option(help: "Hạn đến hết ngày này, dd/mm/yyyy. (Due on or before.)")
    var dueBefore: String?

    @Option(help: "Vị trí chủ trì hoặc phối hợp: số hoặc tên, ví dụ \"Tư pháp – Hộ tịch\". (Position.)")
    var position: String?

    @Option(help: "Đơn vị: mã (ba-giang) hoặc số. (Unit code or id.)")
    var unit: String?

    @OptionGroup var output: FormatOptions

    static let states = TaskState.allCases.map(\.rawValue)
    static let deadlineStatuses = DeadlineStatus.allCases.map(\.rawValue)

    func validate() throws {
        if let status, !(Self.states + Self.deadlineStatuses).contains(status) {
            throw ValidationError(
                "--status “\(status)”: hãy dùng một trong (use one of) "
                    + (Self.states + Self.deadlineStatuses).joined(separator: ", "))
        }
    }

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let due = try dueBefore.map { try TypedDate.parse($0, option: "--due-before") }
        let session = try Session.open(context, console)
        let unitID = try await session.unitID(unit)
        var positionID: Int?
        if let position {
            let owner: Int
            if let unitID { owner = unitID } else { owner = try await session.me().unitID }
            positionID = try await session.positionID(position, unitID: owner)
        }
        let state = status.flatMap { Self.states.contains($0) ? $0 : nil }
        var tasks = try await session.all(
            "/tasks",
            query: [
                ("mine", mine ? "1" : nil), ("unit", unitID.map(String.init)),
                ("position", positionID.map(String.init)), ("state", state), ("due_before", due?.iso),
            ], as: TaskDTO.self)
        if let status, state == nil { tasks = tasks.filter { $0.deadlineStatus == status } }
        session.knownTasks.remember(tasks, for: session.login)

        if output.json {
            try console.printJSON(tasks)
            return
        }
        guard !tasks.isEmpty else {
            console.say("cli.tasks.none")
            return
        }
        console.printTable(Self.table(tasks, console: console))
        console.say("cli.tasks.count", ["count": "\(tasks.count)"])
    }

    static func table(_ tasks: [TaskDTO], console: Console) -> TextTable {
        var table = TextTable([
            .init("ID", .right), .init(console.text("cli.column.due")), .init(console.text("cli.column.status")),
            .init(console.text("cli.column.progress"), .right), .init(console.text("cli.column.task"), limit: 70),
        ])
        for task in tasks {
            table.add(
                [
                    "\(task.id)", console.show.date(iso: task.dueDate), console.deadlineName(task.deadlineStatus),
                    "\(task.progress)%", task.title,
                ], tones: [2: Tones.deadline(task.deadlineStatus)].compactMapValues { $0 })
        }
        return table
    }
}
