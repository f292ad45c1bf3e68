import ArgumentParser
import PartrackDomain

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Báo cáo định kỳ: xem, soạn, nộp phần của vị trí; lãnh đạo duyệt và gửi (Periodic reports).",
        discussion: """
            Kỳ báo cáo: Q1 (quý I), H1 (6 tháng), 9M (9 tháng), Y (năm), của kế hoạch mới nhất của đơn vị (hoặc năm --year). Vị trí là vị trí bạn giữ; ai giữ nhiều vị trí thì chọn bằng --position.

            Periods: Q1, H1 (six months), 9M (nine months), Y (year), of the unit's latest plan (or --year's). The position is the one you hold; pick with --position if you hold several.

            Ví dụ / Examples:
              partrack report show --period Q1
              partrack report draft --period Q1 --note-file bao-cao-q1.txt
              partrack report submit --period Q1
              partrack report approve --period Q1      # lãnh đạo (leaders)
            """,
        subcommands: [
            ReportShowCommand.self, ReportDraftCommand.self, ReportSubmitCommand.self, ReportApproveCommand.self,
        ])
}

/// Which report: the period, the plan's year, the position.
struct ReportOptions: ParsableArguments {
    @Option(help: "Kỳ báo cáo: Q1, H1, 9M hoặc Y. (Report period.)")
    var period: PeriodKind

    @Option(help: "Năm của kế hoạch; mặc định là kế hoạch mới nhất. (Plan year.)")
    var year: Int?

    @Option(help: "Vị trí (số hoặc tên) khi bạn giữ nhiều vị trí. (Position id or title.)")
    var position: String?
}

extension Session {
    /// `/periods/{id}/positions/{position}/report` for the caller's unit.
    func positionReportPath(_ options: ReportOptions) async throws -> String {
        let me = try await me()
        let position = try await position(options.position, me: me)
        let period = try await period(options.period, unitID: nil, year: options.year)
        return "/periods/\(period.id)/positions/\(position.id)/report"
    }
}
