import Foundation

/// Folds Vietnamese text to a form two writings of the same words share: lower case, no diacritics
/// (đ → d), one kind of dash, one kind of space. "Văn phòng – Thống kê" and "VĂN PHÒNG-THỐNG KÊ",
/// typed as precomposed (NFC) or decomposed (NFD) characters, fold alike.
///
/// Every Character folds to exactly one Character (ASCII, or U+FFFD for anything that is not a
/// Latin letter, digit or punctuation), so an offset found in the folded text is the same offset
/// in the original: phrases such as deadlines are found in the folded text and cut from the original.
public enum TextFolding {
    public static func fold(_ text: some StringProtocol) -> String {
        // By scalars, not grapheme clusters: a combining mark (NFD input) adds nothing to the folded
        // base letter before it. `AlignedText` checks the one-to-one alignment and folds character
        // by character in the rare text where scalars and characters do not line up.
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.isCombiningMark {
            scalars.append(fold(scalar))
        }
        return String(scalars)
    }

    /// Folds character by character: exactly one folded character per character, whatever the text.
    static func foldCharacters(_ text: some StringProtocol) -> [Character] {
        text.map { Character(fold($0)) }
    }

    static func fold(_ character: Character) -> Unicode.Scalar {
        fold(character.unicodeScalars.first!)
    }

    /// The folded form of a character's first scalar; its combining marks vanish with it.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 {
            if (0x41...0x5A).contains(value) { return Unicode.Scalar(value + 0x20)! }
            return value < 0x20 || value == 0x7F ? " " : scalar
        }
        if value < FoldTable.latin.count, FoldTable.latin[Int(value)] != 0 {
            return Unicode.Scalar(FoldTable.latin[Int(value)])
        }
        if (0x1E00...0x1EFF).contains(value), FoldTable.latinAdditional[Int(value - 0x1E00)] != 0 {
            return Unicode.Scalar(FoldTable.latinAdditional[Int(value - 0x1E00)])
        }
        switch value {
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            return "-"
        case 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return " "
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB:
            return "\""
        case 0x2018, 0x2019, 0x201A:
            return "'"
        default:
            // Anything else (other scripts, symbols, emoji) is not a word of a Vietnamese plan.
            // One replacement character keeps the one-to-one alignment: it never joins its neighbours
            // into one Character, as a lone combining mark or half a flag would.
            return "\u{FFFD}"
        }
    }

    /// The words of folded text: runs of ASCII letters and digits.
    public static func words(ofFolded folded: String) -> [Substring] {
        var words: [Substring] = []
        var start: String.Index?
        var index = folded.startIndex
        let utf8 = folded.utf8
        while index != folded.endIndex {
            let byte = utf8[index]
            let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if isWordByte {
                if start == nil { start = index }
            } else if let wordStart = start {
                words.append(folded[wordStart..<index])
                start = nil
            }
            index = utf8.index(after: index)
        }
        if let wordStart = start { words.append(folded[wordStart..<folded.endIndex]) }
        return words
    }

    /// Folded words of any text.
    public static func words(of text: some StringProtocol) -> [String] {
        words(ofFolded: fold(text)).map(String.init)
    }
}

extension Unicode.Scalar {
    /// Marks that combine with the letter before them (the tone and vowel marks of NFD Vietnamese).
    var isCombiningMark: Bool {
        switch value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
        default: return false
        }
    }
}

/// Lookup tables for the Latin letters Vietnamese uses, built once from Unicode's own canonical
/// decompositions rather than typed by hand (which would miss a letter sooner or later).
private enum FoldTable {
    /// U+0000…U+024F: Latin-1 Supplement and Latin Extended-A/B. 0 = no folding.
    static let latin: [UInt8] = build(range: 0...0x24F)
    /// U+1E00…U+1EFF: Latin Extended Additional, where most Vietnamese letters with two marks live.
    static let latinAdditional: [UInt8] = build(range: 0x1E00...0x1EFF)

    private static func build(range: ClosedRange<UInt32>) -> [UInt8] {
        var table = [UInt8](repeating: 0, count: range.count)
        for value in range where value >= 0x80 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let base: Unicode.Scalar?
            switch value {
            case 0x110, 0x111: base = "d"  // Đ đ have no decomposition
            default: base = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars.first
            }
            guard let base, base.isASCII, base.properties.isAlphabetic else { continue }
            let lower = base.value >= 0x41 && base.value <= 0x5A ? base.value + 0x20 : base.value
            table[Int(value - range.lowerBound)] = UInt8(lower)
        }
        return table
    }
}
