import Foundation
import Testing

@testable import PartrackDomain

/// Every message the importer can produce has a Vietnamese and an English template.
@Suite struct PlanImportLocaleTests {
    static let folder = PlanImportFixtures.repositoryRoot.appendingPathComponent("web/locales")

    static func keysUsedInSources() throws -> Set<String> {
        let sources = PlanImportFixtures.repositoryRoot.appendingPathComponent("Sources")
        var keys = Set<String>()
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for piece in text.components(separatedBy: "\"import.").dropFirst() {
                let key = "import." + piece.prefix { $0 != "\"" && $0 != "\\" }
                keys.insert(key)
            }
        }
        return keys
    }

    @Test(arguments: ["vi", "en"])
    func hasATemplateForEveryKey(language: String) throws {
        let catalog = try LocaleCatalog(
            language: language,
            file: PlanImportLocaleTests.folder.appendingPathComponent("\(language)/plan-import.json"))
        let used = try PlanImportLocaleTests.keysUsedInSources()
        #expect(used.count >= 15)
        for key in used {
            // Keys of a place ("…line") come in three forms; a key ending in "." is a prefix.
            let forms = key.hasSuffix(".") ? Recurrence.Kind.allCases.map { key + $0.rawValue } : [key]
            let placed =
                catalog.contains(key + ".line") && catalog.contains(key + ".cell")
                && catalog.contains(key + ".document")
            for form in forms {
                #expect(catalog.contains(form) || placed, "\(language) lacks \(form)")
            }
        }
    }

    @Test func rendersAnErrorWithItsPlaceInVietnamese() throws {
        let catalog = try LocaleCatalog(
            language: "vi", file: PlanImportLocaleTests.folder.appendingPathComponent("vi/plan-import.json"))
        let error = PlanImportError.impossibleDate(
            text: "31/02/2024", day: 31, month: 2, year: 2024, at: .cell("Phụ lục!D7"))
        let text = catalog.render(error.message)
        #expect(text.contains("31/02/2024") && text.contains("ô Phụ lục!D7") && text.contains("29 ngày"))
        #expect(!text.contains("{"))
    }
}
