import Foundation
import PartrackDomain
import Testing

@Suite("Accountability messages exist in Vietnamese and English with their placeholders")
struct AccountabilityLocaleTests {
    static let locales = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("web/locales")

    static func templates(_ language: String) throws -> [String: String] {
        let file = locales.appendingPathComponent("\(language)/accountability.json")
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
        #expect(Set(templates.keys) == Set(AccountabilityMessageKey.allCases.map(\.rawValue)))
        for key in AccountabilityMessageKey.allCases {
            let template = try #require(templates[key.rawValue])
            #expect(Self.placeholders(in: template) == key.placeholders, "\(language) \(key.rawValue)")
        }
    }

    @Test func keysKeepTheirFeaturePrefixes() {
        let prefixes = ["access.", "transition.", "report.", "compliance.", "evidence."]
        for key in AccountabilityMessageKey.allCases {
            #expect(prefixes.contains { key.rawValue.hasPrefix($0) }, "\(key.rawValue)")
        }
    }

    @Test func statusNamesAreInTheCatalog() {
        let keys = Set(AccountabilityMessageKey.allCases.map(\.rawValue))
        for status in ReportStatus.allCases { #expect(keys.contains(status.nameKey)) }
        for act in LeaderAct.allCases {
            #expect(keys.contains(TransitionRefusal.leaderOnly(act).message.key))
            #expect(keys.contains(TransitionRefusal.reasonRequired(act).message.key))
        }
    }

    @Test func aRefusalReadsNaturallyInBothLanguages() throws {
        let message = EvidenceRefusal.extensionMismatch(
            filename: "To trinh.pdf", extension: "pdf", format: "PNG", image: true
        )
        .message
        let vietnamese = LocaleCatalog(language: "vi", templates: try Self.templates("vi"))
        let english = LocaleCatalog(language: "en", templates: try Self.templates("en"))
        #expect(
            vietnamese.render(message)
                == "Tệp “To trinh.pdf” có đuôi .pdf nhưng nội dung là ảnh PNG; hãy kiểm tra lại tệp hoặc đổi tên cho đúng."
        )
        #expect(
            english.render(message)
                == "The file “To trinh.pdf” is named .pdf but its content is a PNG image; check the file or give it the right name."
        )
        #expect(
            vietnamese.render(Message("access.task.not_your_position", ["positions": "Tư pháp – Hộ tịch"]))
                == "Nhiệm vụ này thuộc vị trí Tư pháp – Hộ tịch; bạn không giữ vị trí này và cũng không được giao đích danh."
        )
    }
}
