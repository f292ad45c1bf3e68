/// A text beside its folded form, character for character, so a phrase found in the folded form
/// ("cham nhat la ngay 15/3/2023") can be cut from the original ("chậm nhất là ngày 15/3/2023").
struct AlignedText {
    let original: [Character]
    let folded: [Character]

    init(_ text: some StringProtocol) {
        self.init(text, folded: TextFolding.fold(text))
    }

    /// With the folded text already at hand (`TextFolding.fold` of the same text).
    init(_ text: some StringProtocol, folded: String) {
        original = Array(text)
        let fast = Array(folded)
        // Scalar folding lines up with characters for letters and their marks; for anything else
        // (emoji sequences, flags, lone marks) fold character by character.
        self.folded = fast.count == original.count ? fast : TextFolding.foldCharacters(text)
    }

    var count: Int { original.count }

    func originalText(_ range: Range<Int>) -> String {
        String(original[range.clamped(to: 0..<original.count)])
    }

    func foldedText(_ range: Range<Int>) -> String {
        String(folded[range.clamped(to: 0..<folded.count)])
    }

    /// Offset of the first occurrence of folded `pattern` at or after `start`, or nil.
    func find(_ pattern: String, from start: Int = 0) -> Int? {
        let needle = Array(pattern)
        guard !needle.isEmpty, needle.count <= folded.count else { return nil }
        var index = max(start, 0)
        while index + needle.count <= folded.count {
            if folded[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where folded[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// Like `find`, but only where the pattern stands as whole words (not inside a longer word).
    func findWord(_ pattern: String, from start: Int = 0) -> Int? {
        var from = start
        while let index = find(pattern, from: from) {
            let end = index + pattern.count
            let before = index == 0 || !folded[index - 1].isFoldedWordCharacter
            let after = end >= folded.count || !folded[end].isFoldedWordCharacter
            if before && after { return index }
            from = index + 1
        }
        return nil
    }

    /// Splits where any of the folded separators stands, outside parentheses; trims each piece.
    func split(separators: [String]) -> [String] {
        var pieces: [String] = []
        var depth = 0
        var pieceStart = 0
        var index = 0
        outer: while index < folded.count {
            let character = folded[index]
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0 {
                for separator in separators where matches(separator, at: index) {
                    pieces.append(originalText(pieceStart..<index))
                    index += separator.count
                    pieceStart = index
                    continue outer
                }
            }
            index += 1
        }
        pieces.append(originalText(pieceStart..<folded.count))
        return pieces.map { $0.trimmedSpaces() }.filter { !$0.isEmpty }
    }

    private func matches(_ pattern: String, at index: Int) -> Bool {
        var offset = index
        for character in pattern {
            guard offset < folded.count, folded[offset] == character else { return false }
            offset += 1
        }
        return true
    }
}

extension Character {
    /// A letter or digit of folded text.
    var isFoldedWordCharacter: Bool {
        guard let ascii = asciiValue else { return false }
        return (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x30 && ascii <= 0x39)
    }
}
