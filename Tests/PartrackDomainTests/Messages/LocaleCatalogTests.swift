import Foundation
import Testing

@testable import PartrackDomain

/// The locale files under web/locales are the only place prose lives; these tests keep them whole.
@Suite struct LocaleCatalogTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let localeDirectory = root.appendingPathComponent("web/locales")

    @Test func vietnameseAndEnglishHaveTheSameKeys() throws {
        let vietnamese = try LocaleCatalog.load(language: "vi", from: Self.localeDirectory)
        let english = try LocaleCatalog.load(language: "en", from: Self.localeDirectory)
        #expect(vietnamese.keys.subtracting(english.keys).sorted() == [])
        #expect(english.keys.subtracting(vietnamese.keys).sorted() == [])
    }

    @Test func everyMessageKeyWrittenInTheSourcesIsInTheCatalog() throws {
        let vietnamese = try LocaleCatalog.load(language: "vi", from: Self.localeDirectory)
        let pattern = try NSRegularExpression(pattern: #"Message\(\s*"([a-z0-9_.]+)""#)
        var missing: [String] = []
        for folder in ["Sources", "cli"] {
            let enumerator = FileManager.default.enumerator(
                at: Self.root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let file = enumerator?.nextObject() as? URL {
                guard file.pathExtension == "swift", let text = try? String(contentsOf: file, encoding: .utf8) else {
                    continue
                }
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let key = String(text[Range(match.range(at: 1), in: text)!])
                    if !vietnamese.contains(key) { missing.append("\(file.lastPathComponent): \(key)") }
                }
            }
        }
        #expect(missing == [])
    }

    @Test func fillsPlaceholdersAndShowsUnknownKeys() {
        let catalog = LocaleCatalog(language: "vi", templates: ["a": "Xin chào {name}, hạn {due}."])
        #expect(catalog.render(Message("a", ["name": "Lan", "due": "15/03/2023"])) == "Xin chào Lan, hạn 15/03/2023.")
        #expect(catalog.render(Message("b")) == "b")
    }

    @Test func keepsBracesWithoutAnArgumentAndNeverFillsAValueAgain() {
        let catalog = LocaleCatalog(
            language: "vi", templates: ["a": "{name} {unknown} {{name}} {", "b": "{first}{second}", "c": "{x}"])
        #expect(catalog.render(Message("a", ["name": "Lan"])) == "Lan {unknown} {Lan} {")
        // A value that looks like a placeholder is text the user typed, shown as it is.
        #expect(catalog.render(Message("b", ["first": "{second}", "second": "2"])) == "{second}2")
        #expect(catalog.render(Message("c")) == "{x}")
    }
}
