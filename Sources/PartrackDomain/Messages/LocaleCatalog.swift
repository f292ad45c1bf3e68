import Foundation

/// The strings of one language: a flat map from message key to a template whose
/// `{name}` placeholders are filled from the message's arguments.
public struct LocaleCatalog: Sendable {
    public let language: String
    private let templates: [String: String]

    public init(language: String, templates: [String: String]) {
        self.language = language
        self.templates = templates
    }

    /// Reads `<language>.json`, a flat JSON object of key → template.
    public init(language: String, file: URL) throws {
        let data = try Data(contentsOf: file)
        let templates = try JSONDecoder().decode([String: String].self, from: data)
        self.init(language: language, templates: templates)
    }

    /// Reads every `*.json` file of `directory/<language>/` (one file per feature, so features
    /// own their strings) into one catalog. A key defined twice is an error: one must win silently otherwise.
    public static func load(language: String, from directory: URL) throws -> LocaleCatalog {
        let folder = directory.appendingPathComponent(language, isDirectory: true)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var templates: [String: String] = [:]
        for file in files {
            let part = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
            for (key, template) in part {
                if templates[key] != nil { throw DuplicateLocaleKey(key: key, file: file.lastPathComponent) }
                templates[key] = template
            }
        }
        return LocaleCatalog(language: language, templates: templates)
    }

    public struct DuplicateLocaleKey: Error, CustomStringConvertible {
        public let key: String
        public let file: String
        public var description: String { "locale key \(key) defined twice (again in \(file))" }
    }

    public func contains(_ key: String) -> Bool { templates[key] != nil }

    public var keys: Set<String> { Set(templates.keys) }

    /// The template with its placeholders filled. A missing key shows the key itself,
    /// so a forgotten string is visible on the page rather than silently blank.
    public func render(_ message: Message) -> String {
        render(key: message.key, arguments: message.arguments)
    }

    /// The template with each `{name}` that has an argument replaced by it, in one pass (a province's
    /// page renders thousands of these); other braces are kept as written.
    public func render(key: String, arguments: [String: String] = [:]) -> String {
        guard let template = templates[key] else { return key }
        guard !arguments.isEmpty else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let nameStart = rest.index(after: open)
            if let close = rest[nameStart...].firstIndex(of: "}"),
                let value = arguments[String(rest[nameStart..<close])]
            {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[nameStart...]
            }
        }
        return result + rest
    }
}
