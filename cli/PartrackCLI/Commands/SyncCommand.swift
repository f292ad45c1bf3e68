import ArgumentParser
import Foundation
import PartrackAPI

struct SyncCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Gửi các thay đổi đã xếp hàng khi mất mạng (Send the changes queued while offline).",
        discussion: """
            Mỗi thay đổi mang theo phiên bản nhiệm vụ mà nó dựa vào. Nếu từ đó người khác đã sửa nhiệm vụ, thay đổi không được gửi: partrack in tình trạng hiện tại trên máy chủ và để riêng thay đổi đó (xem bằng --list, bỏ bằng --forget) — không bao giờ ghi đè. Mã thoát 1 khi có thay đổi bị để riêng, 3 khi vẫn chưa kết nối được (các thay đổi còn lại vẫn chờ).

            Each change carries the version of the task it was based on. If someone changed the task since, the change is not sent: partrack prints the task as the server has it and sets the change aside (see it with --list, drop it with --forget) — never overwriting. Exit 1 when a change was set aside, 3 when the server still cannot be reached (the rest keep waiting).

            Ví dụ / Examples:
              partrack sync
              partrack sync --list
              partrack sync --forget
            """)

    @Flag(help: "Chỉ liệt kê thay đổi đang chờ và bị để riêng, không gửi. (List only.)")
    var list = false

    @Flag(help: "Bỏ các thay đổi đã bị để riêng. (Drop the changes set aside.)")
    var forget = false

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let queue = UpdateQueue(directory: context.configDirectory)
        var contents = try queue.load()
        if forget {
            let count = contents.setAside.count
            contents.setAside = []
            try queue.save(contents)
            console.say("cli.sync.forgotten", ["count": "\(count)"])
            return
        }
        if list {
            try printQueue(contents, console: console)
            return
        }
        let session = try Session.open(context, console)
        let changer = TaskChanger(session: session, console: console)
        var report = SyncReport()
        var waiting: [QueuedChange] = []
        var unreachable: ServerUnreachable?
        // A change queued after one that was not applied was based on it: it is set aside too.
        var notApplied: Set<Int> = []
        for change in contents.pending {
            // Someone else's queued work waits for them; after a connection failure everything waits.
            guard unreachable == nil, change.username == session.login.username else {
                waiting.append(change)
                continue
            }
            if notApplied.contains(change.taskID) {
                report.refused.append(
                    SetAsideChange(
                        change: change, code: "cli.sync.after_set_aside",
                        reason: console.text("cli.sync.after_set_aside"), current: nil, at: context.now()))
                continue
            }
            let setAsideBefore = report.conflicts.count + report.refused.count
            defer {
                if report.conflicts.count + report.refused.count > setAsideBefore { notApplied.insert(change.taskID) }
            }
            do {
                let (task, _) = try await changer.send(
                    change.request, taskID: change.taskID, evidence: change.evidence.map { URL(fileURLWithPath: $0) },
                    checkFirst: true)
                report.sent.append(SyncReport.Sent(change: change, task: task))
            } catch let failure as ServerUnreachable {
                unreachable = failure
                waiting.append(change)
            } catch let stale as StaleChange {
                let reason =
                    stale.server?.error.message
                    ?? console.text(
                        "cli.conflict.message", ["version": "\(stale.current.version)", "base": "\(stale.base)"])
                report.conflicts.append(
                    SetAsideChange(
                        change: change, code: stale.server?.error.code ?? "task.stale_version", reason: reason,
                        current: stale.current, at: context.now()))
            } catch let refusal as ServerRefusal where refusal.status < 500 {
                report.refused.append(
                    SetAsideChange(
                        change: change, code: refusal.error.code, reason: refusal.error.message, current: nil,
                        at: context.now()))
            } catch let failure as FileChunks.ReadFailure {
                report.refused.append(
                    SetAsideChange(
                        change: change, code: "cli.error.no_such_file",
                        reason: console.text("cli.error.no_such_file", ["path": failure.path]), current: nil,
                        at: context.now()))
            }
        }
        contents.pending = waiting
        contents.setAside += report.conflicts + report.refused
        try queue.save(contents)
        report.waiting = waiting

        if output.json {
            try console.printJSON(report)
        } else {
            printReport(report, username: session.login.username, console: console)
        }
        if let unreachable { throw ErrorReport.cliError(unreachable) }
        if !report.conflicts.isEmpty || !report.refused.isEmpty {
            throw CLIError.refused(
                "cli.sync.not_all_sent", ["count": "\(report.conflicts.count + report.refused.count)"])
        }
    }

    private func printReport(_ report: SyncReport, username: String, console: Console) {
        if report.sent.isEmpty && report.conflicts.isEmpty && report.refused.isEmpty && report.waiting.isEmpty {
            console.say("cli.sync.nothing")
            return
        }
        var table = TextTable([
            .init(console.text("cli.column.queue_id")), .init(console.text("cli.column.task"), limit: 50),
            .init(console.text("cli.column.result")), .init(console.text("cli.column.detail"), limit: 70),
        ])
        for sent in report.sent {
            table.add(
                [
                    sent.change.id, "#\(sent.change.taskID) \(sent.task.title)", console.text("cli.sync.sent"),
                    console.text(
                        "cli.sync.now",
                        [
                            "state": console.stateName(sent.task.state), "progress": "\(sent.task.progress)",
                            "version": "\(sent.task.version)",
                        ]),
                ], tones: [2: .good])
        }
        for conflict in report.conflicts {
            table.add(
                [
                    conflict.change.id, "#\(conflict.change.taskID) \(conflict.change.title)",
                    console.text("cli.sync.conflict"), conflict.current.map { serverHas($0, console: console) } ?? "",
                ], tones: [2: .bad])
        }
        for refused in report.refused {
            table.add(
                [
                    refused.change.id, "#\(refused.change.taskID) \(refused.change.title)",
                    console.text("cli.sync.refused"), refused.reason,
                ], tones: [2: .bad])
        }
        for change in report.waiting {
            table.add(
                [
                    change.id, "#\(change.taskID) \(change.title)", console.text("cli.sync.waiting"),
                    change.username == username
                        ? "" : console.text("cli.sync.other_user", ["username": change.username]),
                ], tones: [2: .warning])
        }
        console.printTable(table)
        // The reasons in full: a cell would cut them.
        for aside in report.conflicts + report.refused {
            console.print()
            console.print(
                console.text(
                    "cli.sync.reason",
                    ["id": "\(aside.change.taskID)", "queue_id": aside.change.id, "reason": aside.reason]))
            if let current = aside.current { console.print("  " + serverHas(current, console: console)) }
            console.print(
                "  " + console.text("cli.sync.yours", ["change": Self.describe(aside.change.request, console: console)])
            )
        }
    }

    private func serverHas(_ task: TaskDTO, console: Console) -> String {
        console.text(
            "cli.sync.server_has",
            ["state": console.stateName(task.state), "progress": "\(task.progress)", "version": "\(task.version)"])
    }

    private func printQueue(_ contents: QueueContents, console: Console) throws {
        if output.json {
            try console.printJSON(contents)
            return
        }
        if contents.pending.isEmpty && contents.setAside.isEmpty {
            console.say("cli.sync.empty")
            return
        }
        var table = TextTable([
            .init(console.text("cli.column.queue_id")), .init(console.text("cli.column.task"), limit: 50),
            .init(console.text("cli.column.result")), .init(console.text("cli.column.when")),
            .init(console.text("cli.column.detail"), limit: 70),
        ])
        for change in contents.pending {
            table.add([
                change.id, "#\(change.taskID) \(change.title)", console.text("cli.sync.waiting"),
                console.show.dateTime(change.queuedAt), Self.describe(change.request, console: console),
            ])
        }
        for aside in contents.setAside {
            table.add(
                [
                    aside.change.id, "#\(aside.change.taskID) \(aside.change.title)",
                    console.text("cli.sync.set_aside"), console.show.dateTime(aside.change.queuedAt),
                    Self.describe(aside.change.request, console: console) + " — " + aside.reason,
                ], tones: [2: .bad])
        }
        console.printTable(table)
    }

    /// The change in words: "tiến độ 60%, hoàn thành, ghi chú: …".
    static func describe(_ request: TaskUpdateRequest, console: Console) -> String {
        var parts: [String] = []
        if let state = request.state { parts.append(console.stateName(state)) }
        if let progress = request.progress {
            parts.append(console.text("cli.sync.progress", ["progress": "\(progress)"]))
        }
        if let note = request.note, !note.isEmpty { parts.append(console.text("cli.sync.note", ["note": note])) }
        if let explanation = request.explanation, !explanation.isEmpty {
            parts.append(console.text("cli.sync.explanation", ["text": explanation]))
        }
        return parts.joined(separator: ", ")
    }
}

/// What `sync` did, for `--format json`.
struct SyncReport: Encodable {
    struct Sent: Encodable {
        var change: QueuedChange
        var task: TaskDTO
    }

    var sent: [Sent] = []
    /// Based on a version the server has moved past: not sent, with the task as it now is.
    var conflicts: [SetAsideChange] = []
    /// Refused for another reason (not allowed, a rule of the task, a file gone).
    var refused: [SetAsideChange] = []
    /// Still queued: the server could not be reached, or they are another person's.
    var waiting: [QueuedChange] = []
}
