import ArgumentParser
import Foundation
import PartrackAPI
import PartrackDomain

struct AssessmentRoundsCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "rounds",
        abstract: "Các đợt đánh giá bạn tham gia (The assessment rounds you take part in).",
        discussion: """
            Mỗi đợt một dòng, mới nhất trước: giai đoạn (chạy thử, chính thức, đã đóng, đã công bố), lúc hết hạn tự đánh giá (23:59 ngày đóng, giờ Việt Nam) và số đơn vị đã gửi thẩm định trên tổng số.

            One line per round, newest first: its phase (trial, official, closed, published), when self-assessment closes (23:59 on the closing day, Vietnam time) and how many units have submitted, of all.

            Ví dụ / Examples:
              partrack assessment rounds
              partrack assessment rounds --format json
            """)

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        let rounds: [AssessmentRoundDTO] = try await session.api.get("/assessment-rounds")
        if output.json {
            try console.printJSON(rounds)
            return
        }
        guard !rounds.isEmpty else {
            console.say("cli.rounds.none")
            return
        }
        var table = TextTable([
            .init("ID", .right), .init(console.text("cli.column.round"), limit: 45),
            .init(console.text("cli.column.year"), .right), .init(console.text("cli.column.phase")),
            .init(console.text("cli.column.closes")), .init(console.text("cli.column.units_submitted"), .right),
        ])
        for round in rounds {
            let submitted = round.units.filter { $0.submittedAt != nil }.count
            table.add(
                [
                    "\(round.id)", round.title, "\(round.year)", console.phaseName(round.phase),
                    console.closing(round), "\(submitted)/\(round.units.count)",
                ], tones: [3: Tones.phase(round.phase)].compactMapValues { $0 })
        }
        console.printTable(table)
    }
}
