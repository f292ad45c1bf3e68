import Foundation
import PartrackDomain
import Testing

@Suite("Assessment messages exist in Vietnamese and English with their placeholders")
struct AssessmentLocaleTests {
    static let locales = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("web/locales")

    static func templates(_ language: String) throws -> [String: String] {
        let file = locales.appendingPathComponent("\(language)/assessment.json")
        return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
    }

    static func placeholders(in template: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\{([a-z_]+)\}"#)
        let range = NSRange(template.startIndex..., in: template)
        return Set(
            regex.matches(in: template, range: range).map { String(template[Range($0.range(at: 1), in: template)!]) })
    }

    @Test(arguments: ["vi", "en"])
    func localeFileHasExactlyTheKeysAndPlaceholdersTheCodeUses(language: String) throws {
        let templates = try Self.templates(language)
        #expect(Set(templates.keys) == Set(AssessmentMessageKey.allCases.map(\.rawValue)))
        for key in AssessmentMessageKey.allCases {
            let template = try #require(templates[key.rawValue])
            #expect(Self.placeholders(in: template) == key.placeholders, "\(language) \(key.rawValue)")
            #expect(key.rawValue.hasPrefix("assessment."))
        }
    }

    @Test func namesOfPhasesAndTieRulesAreInTheCatalog() {
        let keys = Set(AssessmentMessageKey.allCases.map(\.rawValue))
        for phase in RoundPhase.allCases { #expect(keys.contains(phase.nameKey), "\(phase)") }
        for rule in TieRule.allCases { #expect(keys.contains(rule.nameKey), "\(rule)") }
    }

    @Test func theClosingRefusalReadsNaturallyInBothLanguages() throws {
        let message = Message("assessment.window.closed", ["closes_on": "10/12/2023"])
        let vietnamese = LocaleCatalog(language: "vi", templates: try Self.templates("vi"))
        let english = LocaleCatalog(language: "en", templates: try Self.templates("en"))
        #expect(
            vietnamese.render(message)
                == "Phần mềm đã tự động đóng lúc 23:59:59 ngày 10/12/2023; không thể thay đổi kết quả tự đánh giá. Chỉ cơ quan thẩm định mới có thể mở lại cho đơn vị."
        )
        #expect(
            english.render(message)
                == "Self-assessment closed automatically at 23:59:59 on 10/12/2023; it can no longer change. Only the reviewer can reopen it for the unit."
        )
        let step = ScoreRule.problem(
            Points(hundredths: 130), code: "1.2.3", maximum: Points(2), step: Points(hundredths: 25))!
        #expect(
            vietnamese.render(step)
                == "Điểm 1,3 của tiêu chí 1.2.3 không hợp lệ: điểm được chấm theo bước 0,25 (ví dụ 1,25 hoặc 1,5).")
    }

    @Test(arguments: ["vi", "en"])
    func noKeyClashesWithAnotherFeaturesFile(language: String) throws {
        // LocaleCatalog.load refuses a key defined twice across a language's feature files.
        let folder = Self.locales.appendingPathComponent(language)
        let others = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" && $0.lastPathComponent != "assessment.json" }
        let ours = Set(try Self.templates(language).keys)
        for file in others {
            let theirs = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
            #expect(ours.isDisjoint(with: theirs.keys), "\(language)/\(file.lastPathComponent)")
        }
        // The two keys reused from accountability.json are there.
        let accountability = try JSONDecoder().decode(
            [String: String].self, from: Data(contentsOf: folder.appendingPathComponent("accountability.json")))
        #expect(accountability["access.inactive"] != nil && accountability["access.not_reviewed_unit"] != nil)
    }
}
