import Foundation
import PartrackDomain

/// A command's voice: data to stdout (a table or JSON), messages to stderr, both in the reader's
/// language, colour only on a terminal that has not asked for none (`NO_COLOR`).
struct Console {
    let context: CLIContext
    let language: String
    let strings: LocaleCatalog
    let style: Style

    init(_ context: CLIContext) {
        self.context = context
        language = CLILanguage.detect(context.environment)
        strings = CLILanguage.catalog(language)
        style = Style(enabled: context.stdoutIsTerminal && context.environment["NO_COLOR"] == nil)
    }

    func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        strings.render(key: key, arguments: arguments)
    }

    func text(_ message: Message) -> String { strings.render(message) }

    /// A line of data.
    func print(_ line: String = "") { context.stdout.write(line + "\n") }

    /// A message for the person, not the script.
    func say(_ key: String, _ arguments: [String: String] = [:]) { context.stderr.write(text(key, arguments) + "\n") }

    func sayText(_ line: String) { context.stderr.write(line + "\n") }

    func printJSON(_ value: some Encodable) throws {
        print(try JSONOutput.string(value))
    }

    func printTable(_ table: TextTable) {
        let text = table.render(style: style)
        if !text.isEmpty { context.stdout.write(text) }
    }

    /// Labelled lines with the values aligned: "Đơn vị:   UBND xã Ba Giang".
    func printPairs(_ pairs: [(String, String)]) {
        let width = pairs.map(\.0.count).max() ?? 0
        for (label, value) in pairs {
            print(label + ":" + String(repeating: " ", count: width - label.count + 1) + value)
        }
    }

    /// A yes/no question on the terminal; no answer (or no terminal) is no.
    func confirm(_ key: String, _ arguments: [String: String] = [:]) -> Bool {
        guard context.stdinIsTerminal else { return false }
        context.stderr.write(text(key, arguments) + " " + text("cli.prompt.yes_no") + " ")
        guard let answer = context.stdin.readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else {
            return false
        }
        return text("cli.prompt.yes_answers").split(separator: ",").contains { $0 == answer }
    }
}

/// JSON for scripts: keys sorted, dates ISO 8601, so the same data always prints the same bytes.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
