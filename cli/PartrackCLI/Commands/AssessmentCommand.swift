import ArgumentParser
import Foundation
import PartrackAPI
import PartrackDomain

struct AssessmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment",
        abstract: "Tự đánh giá, thẩm định và xếp hạng Chỉ số CCHC cuối năm (Year-end assessment and ranking).",
        discussion: """
            Các đợt đánh giá do người thẩm định mở: đơn vị tự chấm từng tiêu chí, hội đồng thẩm định, rồi kết quả và thứ hạng được công bố. Số của đợt lấy từ `partrack assessment rounds`.

            Rounds are opened by the reviewer: each unit scores its own criteria, the council appraises them, then results and ranks are published. Take the round's number from `partrack assessment rounds`.

            Ví dụ / Examples:
              partrack assessment rounds
              partrack assessment scores 3
              partrack assessment scores 3 --unit ba-giang
              partrack assessment ranking 3 -o xep-hang-2023.csv
            """,
        subcommands: [AssessmentRoundsCommand.self, AssessmentScoresCommand.self, AssessmentRankingCommand.self])
}

extension Console {
    func phaseName(_ phase: RoundPhase) -> String { text("cli.phase.\(phase.rawValue)") }

    /// The last moment of the closing day, "10/12/2023 23:59": the round closes when it ends.
    func closing(_ round: AssessmentRoundDTO) -> String { show.dateTime(round.closesAt.addingTimeInterval(-1)) }
}

extension Tones {
    static func phase(_ phase: RoundPhase) -> TextTable.Tone? {
        switch phase {
        case .published: return .good
        case .closed: return .faint
        case .reopened: return .warning
        default: return nil
        }
    }
}
