import Foundation
import Testing

@testable import PartrackDomain

/// Random and mutated plans, for a bounded time from a fixed seed: the parsers may refuse input
/// with a `PlanImportError`, never crash or hang.
@Suite struct ParserFuzzTests {
    /// A fixed seed, so a failure can be replayed.
    typealias Generator = SeededRandom

    static let budget: Duration = .seconds(3)

    /// Pieces that steer mutations toward the parser's own grammar.
    static let fragments = [
        "\n", "\r\n", "* Công chức Văn phòng – Thống kê:\n", "- ", "2.3. Chỉ số đối với lĩnh vực cải cách TTHC\n",
        "III. TỔ CHỨC THỰC HIỆN\n", "1. ", "a) ", "Thời gian: ", "Quý II", "31/02/2024", "15/3/2023", "chậm nhất ngày ",
        "trước ngày 1/1/", "|", "| a | b |\n", "\"", ";", ":", "**", "(", ")", "Nơi nhận:", "năm 2023", "4/19",
        "\u{301}", "\u{0}", "🇻🇳", "đ", "9999999999999999999/1/2024", "tháng 13/2024", "Quý IV/0",
    ]

    @Test func survivesRandomAndMutatedPlans() throws {
        var random = Generator(seed: 20_240_615)
        let seeds = try (0..<5).map { try PlanImportFixtures.seed($0) }
        let context = PlanImportFixtures.context
        let clock = ContinuousClock()
        let start = clock.now
        var runs = 0
        // At least a few hundred inputs however slow the machine, then more while the budget lasts.
        while runs < 200 || clock.now - start < ParserFuzzTests.budget {
            let text = ParserFuzzTests.mutate(seeds.randomElement(using: &random)!, using: &random)
            do {
                let draft = try PlanTextParser.parse(text, context: context)
                #expect(!draft.tasks.isEmpty)
            } catch {
                #expect(!error.message.key.isEmpty)
            }
            do {
                let table = try CSVReader.read(text)
                _ = try AppendixTableParser.parse(table, context: context)
            } catch {
                #expect(!error.message.key.isEmpty)
            }
            runs += 1
        }
    }

    static func mutate(_ text: String, using random: inout Generator) -> String {
        var characters = Array(text)
        switch random.next() % 4 {
        case 0:
            // Pure noise of random scalars.
            let count = Int(random.next() % 400)
            return String(
                String.UnicodeScalarView((0..<count).compactMap { _ in Unicode.Scalar(UInt32(random.next() % 0x2FFF)) })
            )
        case 1:
            // A slice of a real plan.
            guard !characters.isEmpty else { return text }
            let from = Int(random.next() % UInt64(characters.count))
            let length = Int(random.next() % UInt64(characters.count - from + 1))
            return String(characters[from..<(from + length)])
        default:
            for _ in 0..<Int(1 + random.next() % 40) where !characters.isEmpty {
                let at = Int(random.next() % UInt64(characters.count))
                switch random.next() % 3 {
                case 0: characters.remove(at: at)
                case 1: characters.insert(contentsOf: fragments.randomElement(using: &random)!, at: at)
                default:
                    let other = Int(random.next() % UInt64(characters.count))
                    characters.swapAt(at, other)
                }
            }
            return String(characters)
        }
    }
}
