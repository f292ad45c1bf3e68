import Foundation

/// Free text people type (notes, reasons, explanations), judged by its real content: surrounding
/// spaces do not count, nor do dots or dashes typed only to get past a required field.
struct WrittenText {
    /// The text without surrounding white space; nil when nothing is left.
    static func trimmed(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// How many letters and digits `text` has ("Đã báo cáo" has 8); Vietnamese letters with their
    /// marks count once each, as people count them.
    static func substance(of text: String) -> Int {
        text.reduce(0) { count, character in count + (character.isLetter || character.isNumber ? 1 : 0) }
    }
}
