import PartrackDomain
import Vapor

/// The reader's language: the `lang` cookie set by the page's switch, else the browser's or the
/// CLI's Accept-Language, else Vietnamese.
extension Request {
    var language: String {
        // Worked out once per request: a province's page asks for it thousands of times.
        if let known = storage[LanguageKey.self] { return known }
        let language = chosenLanguage
        storage[LanguageKey.self] = language
        return language
    }

    private var chosenLanguage: String {
        if let chosen = cookies["lang"]?.string, Locales.supported.contains(chosen) { return chosen }
        for entry in headers[.acceptLanguage].flatMap({ $0.split(separator: ",") }) {
            let tag = entry.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if tag.hasPrefix("vi") { return "vi" }
            if tag.hasPrefix("en") { return "en" }
        }
        return "vi"
    }

    var strings: LocaleCatalog { partrack.locales.catalog(for: language) }

    func localized(_ message: Message) -> String { strings.render(message) }

    func localized(_ key: String, _ arguments: [String: String] = [:]) -> String {
        strings.render(key: key, arguments: arguments)
    }
}

private struct LanguageKey: StorageKey {
    typealias Value = String
}
