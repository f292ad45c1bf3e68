import ArgumentParser
import Foundation

/// `partrack`: the command-line client of a partrack server.
public struct PartrackCommand: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "partrack",
        abstract: "Theo dõi nhiệm vụ cải thiện Chỉ số CCHC từ dòng lệnh (PAR INDEX task tracking from the terminal).",
        discussion: """
            partrack nói chuyện với máy chủ partrack qua API JSON của nó: xem và cập nhật nhiệm vụ, nộp minh chứng, viết và nộp báo cáo định kỳ, xem điểm dự kiến và tình hình tuân thủ, điểm tự đánh giá, thẩm định và thứ hạng cuối năm.

            partrack talks to a partrack server through its JSON API: list and update tasks, upload evidence, write and submit periodic reports, see the projected score and compliance, and the year-end self-assessment, appraisal and ranking.

            Kết quả ra stdout (bảng, hoặc JSON với --format json), thông báo ra stderr. Tiếng Việt là mặc định; đặt PARTRACK_LANG=en (hoặc LANG=en_US.UTF-8) để dùng tiếng Anh.

            Data goes to stdout (tables, or JSON with --format json), messages to stderr. Vietnamese by default; set PARTRACK_LANG=en (or LANG=en_US.UTF-8) for English.

            Mã thoát / Exit codes:
              0  thành công (success)
              1  máy chủ từ chối, như không có quyền (refused, e.g. not allowed)
              2  dòng lệnh sai (usage error)
              3  không kết nối được máy chủ (cannot reach the server)

            Ví dụ / Examples:
              partrack login --server https://partrack.example.vn --user bagiang.vptk
              partrack tasks --mine
              partrack task done 12 --evidence bien-ban.pdf
              partrack report submit --period Q1 --note-file bao-cao-q1.txt
              partrack assessment ranking 3
            """,
        version: version,
        subcommands: [
            LoginCommand.self, LogoutCommand.self, WhoamiCommand.self, TasksCommand.self, TaskCommand.self,
            ReportCommand.self, ProjectionCommand.self, ComplianceCommand.self, PlanCommand.self, ExportCommand.self,
            SyncCommand.self, AssessmentCommand.self,
        ]
    )

    public init() {}
}

extension PartrackCommand {
    /// Parses and runs a command line with the live context; returns the process exit status.
    public static func run(arguments: [String]) async -> Int32 {
        await run(arguments: arguments, context: .live())
    }

    /// Parses and runs a command line with the given context; returns the exit status.
    /// Our own entry point (rather than ArgumentParser's `main`) so that every exit code is ours.
    public static func run(arguments: [String], context: CLIContext) async -> Int32 {
        let console = Console(context)
        do {
            var command = try await asyncParseAsRoot(arguments)
            if let ours = command as? any PartrackSubcommand {
                try await ours.run(in: context)
            } else if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return ErrorReport.exitCode(for: error, console: console)
        }
    }
}
