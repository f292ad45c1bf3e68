import ArgumentParser
import Foundation
import PartrackAPI

struct TaskShowCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Xem một nhiệm vụ với lịch sử cập nhật và minh chứng (Show a task, its history and evidence).",
        discussion: """
            Ví dụ / Examples:
              partrack task show 12
              partrack task show 12 --format json
            """)

    @Argument(help: "Số của nhiệm vụ. (Task id.)")
    var id: Int

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        let task: TaskDTO = try await session.api.get("/tasks/\(id)")
        let history: [TaskHistoryDTO] = try await session.api.get("/tasks/\(id)/history")
        let evidence: [EvidenceDTO] = try await session.api.get("/tasks/\(id)/evidence")
        session.knownTasks.remember([task], for: session.login)
        if output.json {
            try console.printJSON(TaskDetails(task: task, history: history, evidence: evidence))
            return
        }
        let positions: [PositionDTO] = (try? await session.api.get("/units/\(task.unitID)/positions")) ?? []
        Self.printDetails(task, history: history, evidence: evidence, positions: positions, console: console)
    }

    static func printDetails(
        _ task: TaskDTO, history: [TaskHistoryDTO], evidence: [EvidenceDTO], positions: [PositionDTO],
        console: Console
    ) {
        let show = console.show
        let title = Dictionary(positions.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        func names(_ ids: [Int]) -> String {
            ids.isEmpty ? "—" : ids.map { title[$0] ?? "#\($0)" }.joined(separator: ", ")
        }
        console.print(console.style.bold("#\(task.id) \(task.title)"))
        var pairs: [(String, String)] = [
            (console.text("cli.task.state"), "\(console.stateName(task.state)) (\(task.progress)%)"),
            (
                console.text("cli.task.deadline"),
                "\(show.date(iso: task.dueDate)) — \(console.deadlineName(task.deadlineStatus))"
            ),
            (console.text("cli.task.lead"), names(task.leadPositionIDs)),
            (console.text("cli.task.cooperating"), names(task.cooperatingPositionIDs)),
            (
                console.text("cli.task.criteria"),
                task.criteria.isEmpty ? "—" : task.criteria.map(\.code).joined(separator: ", ")
            ),
            (console.text("cli.task.version"), "\(task.version)"),
        ]
        if !task.expectedOutput.isEmpty { pairs.append((console.text("cli.task.output"), task.expectedOutput)) }
        if let completed = task.completedAt {
            pairs.append((console.text("cli.task.completed"), show.dateTime(completed)))
        }
        console.printPairs(pairs)
        if !task.details.isEmpty {
            console.print()
            console.print(task.details)
        }

        console.print()
        console.print(console.style.bold(console.text("cli.task.history")))
        if history.isEmpty {
            console.print(console.text("cli.task.no_history"))
        } else {
            var table = TextTable([
                .init(console.text("cli.column.when")), .init(console.text("cli.column.who")),
                .init(console.text("cli.column.what"), limit: 60), .init(console.text("cli.column.note"), limit: 50),
            ])
            for line in history {
                table.add([show.dateTime(line.at), line.authorName, line.summary, line.note])
            }
            console.printTable(table)
        }

        console.print()
        console.print(console.style.bold(console.text("cli.task.evidence")))
        if evidence.isEmpty {
            console.print(console.text("cli.task.no_evidence"))
        } else {
            console.printTable(EvidenceTable.make(evidence, console: console))
        }
    }
}

/// `task show --format json`.
struct TaskDetails: Codable {
    var task: TaskDTO
    var history: [TaskHistoryDTO]
    var evidence: [EvidenceDTO]
}

enum EvidenceTable {
    static func make(_ evidence: [EvidenceDTO], console: Console, notes: [Int: String] = [:]) -> TextTable {
        var table = TextTable([
            .init("ID", .right), .init(console.text("cli.column.file"), limit: 50),
            .init(console.text("cli.column.kind")), .init(console.text("cli.column.size"), .right),
            .init(console.text("cli.column.uploaded")),
        ])
        for file in evidence {
            table.add(
                [
                    "\(file.id)", file.filename, file.kind, console.show.bytes(file.size),
                    console.show.dateTime(file.uploadedAt) + (notes[file.id].map { " (\($0))" } ?? ""),
                ])
        }
        return table
    }
}
