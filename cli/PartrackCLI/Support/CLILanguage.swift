import PartrackDomain

/// The CLI's language: Vietnamese unless the environment asks for English. `PARTRACK_LANG` wins,
/// then the POSIX order `LC_ALL`, `LC_MESSAGES`, `LANG` (the first that is set decides).
enum CLILanguage {
    static let supported = ["vi", "en"]

    static func detect(_ environment: [String: String]) -> String {
        for name in ["PARTRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name]?.lowercased(), !value.isEmpty else { continue }
            return value.hasPrefix("en") ? "en" : "vi"
        }
        return "vi"
    }

    static func catalog(_ language: String) -> LocaleCatalog {
        language == "en" ? CLIStrings.english : CLIStrings.vietnamese
    }
}
