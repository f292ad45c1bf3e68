/// Recognises the unit's positions however a plan writes them: "Công chức Văn phòng – Thống kê",
/// "Văn phòng-Thống kê", "VP-TK", "công chức Tư pháp - Hộ tịch", several on one line, or a name
/// with a description in brackets ("Bộ phận tiếp nhận và trả kết quả (Bộ phận Một cửa) xã").
struct PositionMatcher: Sendable {
    /// A name met where positions were expected, resolved or not.
    struct Resolution: Sendable, Equatable {
        /// Keys of the positions recognised, in the order written, each once.
        var keys: [String] = []
        /// Names that are not positions of the unit, as written (without "Công chức").
        var unmatched: [String] = []

        var isEmpty: Bool { keys.isEmpty && unmatched.isEmpty }
    }

    private struct Entry: Sendable {
        let key: String
        /// Folded words of the title and of each alias.
        let names: [[String]]
        /// The names specific enough to be found inside a longer one: the title, and aliases of three
        /// words or more. "Văn phòng" (an alias of Văn phòng – Thống kê) must not claim "Văn phòng
        /// HĐND&UBND huyện".
        let containable: [[String]]
        /// Initials of the title's words, "vptk" for Văn phòng – Thống kê.
        let acronym: String
    }

    private let entries: [Entry]

    init(positions: [KnownPosition]) {
        entries = positions.map { position in
            let title = PositionMatcher.nameWords(position.title)
            let aliases = position.aliases.map(PositionMatcher.nameWords).filter { !$0.isEmpty }
            return Entry(
                key: position.key, names: [title] + aliases, containable: [title] + aliases.filter { $0.count >= 3 },
                acronym: String(title.compactMap(\.first)))
        }
    }

    /// The positions a line names. Several names separated by commas, semicolons or "và" are tried
    /// first; then the whole text (so "tiếp nhận và trả kết quả" is not cut at "và"), then a name in
    /// brackets; failing all, each piece is a position or an unmatched name.
    func resolve(_ text: String) -> Resolution {
        let cleaned = PositionMatcher.stripDecoration(text)
        guard !cleaned.isEmpty else { return Resolution() }
        let (outside, insides) = PositionMatcher.splitBrackets(cleaned)
        let pieces = AlignedText(outside).split(separators: [",", ";", " va ", " + ", "\n"])
        if pieces.count > 1 {
            let keys = pieces.compactMap(matchOne)
            if keys.count == pieces.count { return Resolution(keys: keys.uniqued()) }
        }
        // With several names on the line, the whole line stands for one position only if it is exactly
        // its name: "VP-TK, Địa chính" must not pass for Văn phòng – Thống kê alone.
        if let key = matchOne(outside, allowLongerNames: pieces.count == 1) { return Resolution(keys: [key]) }
        for inside in insides {
            if let key = matchOne(inside) { return Resolution(keys: [key]) }
        }
        var resolution = Resolution()
        for piece in pieces {
            if let key = matchOne(piece) {
                if !resolution.keys.contains(key) { resolution.keys.append(key) }
            } else {
                let name = PositionMatcher.withoutTitleWords(piece)
                if !PositionMatcher.nameWords(name).isEmpty, !resolution.unmatched.contains(name) {
                    resolution.unmatched.append(name)
                }
            }
        }
        return resolution
    }

    /// The key of the one position `name` stands for, or nil.
    func matchOne(_ name: String) -> String? { matchOne(name, allowLongerNames: true) }

    func matchOne(_ name: String, allowLongerNames: Bool) -> String? {
        let words = PositionMatcher.nameWords(name)
        guard !words.isEmpty else { return nil }
        let joined = words.joined()
        // Exactly a title or alias, or its initials ("VP-TK", "vptk").
        for entry in entries where entry.names.contains(words) || (joined.count >= 3 && joined == entry.acronym) {
            return entry.key
        }
        // District and provincial offices ("Phòng Tư pháp", "Sở Nội vụ", "Trung tâm …") are not the
        // commune's positions even when they share its words.
        guard allowLongerNames, !PositionMatcher.officePrefixes.contains(where: { words.starts(with: $0) }) else {
            return nil
        }
        // A title or alias inside a longer name ("công chức văn phòng thống kê xã"); longest wins.
        var best: (key: String, length: Int)?
        for entry in entries {
            for candidate in entry.containable where words.containsSequence(candidate) {
                if candidate.count > (best?.length ?? 0) { best = (entry.key, candidate.count) }
            }
        }
        if let best { return best.key }
        // Part of exactly one title ("Tư pháp" for Tư pháp – Hộ tịch); two words at least, so a
        // lone common word never picks a position.
        guard words.count >= 2 else { return nil }
        let partial = entries.filter { entry in entry.containable.contains { $0.containsSequence(words) } }
        return partial.count == 1 ? partial[0].key : nil
    }

    private static let officePrefixes: [[String]] = [["phong"], ["so"], ["trung", "tam"], ["uy", "ban"], ["ubnd"]]

    // MARK: Name clean-up

    /// Folded words of a position name without the words every name may carry ("công chức", "xã").
    static func nameWords(_ name: String) -> [String] {
        var words = TextFolding.words(of: name)
        while let first = words.first, ["cong", "chuc", "can", "bo", "cac", "vi", "tri"].contains(first) {
            // "bộ phận" stays: it is part of names such as "Bộ phận Một cửa"; only a lone "bộ" from
            // "cán bộ" is dropped, and then "cán" went first.
            if first == "bo", words.count > 1, words[1] == "phan" { break }
            words.removeFirst()
        }
        while let last = words.last, ["xa", "phuong", "thi", "tran"].contains(last) { words.removeLast() }
        return words
    }

    /// Removes "Công chức"/"Cán bộ" in front of a name, keeping the name as written.
    static func withoutTitleWords(_ name: String) -> String {
        let aligned = AlignedText(name)
        for prefix in ["cac cong chuc ", "cong chuc ", "can bo "] where aligned.find(prefix) == 0 {
            return aligned.originalText(prefix.count..<aligned.count).trimmedSpaces()
        }
        return name.trimmedSpaces()
    }

    /// Markdown marks, bullets and the closing colon around a position line.
    static func stripDecoration(_ text: String) -> String {
        var result = Substring(text)
        let decoration: Set<Character> = ["*", "_", "#", " ", "\t", ":", "-", "+", "•", "–", "—"]
        while let first = result.first, decoration.contains(first) { result = result.dropFirst() }
        while let last = result.last, decoration.contains(last) || last == "." { result = result.dropLast() }
        return String(result)
    }

    /// "Bộ phận tiếp nhận và trả kết quả (Bộ phận Một cửa) xã" → outside text and the bracketed parts.
    static func splitBrackets(_ text: String) -> (outside: String, insides: [String]) {
        var outside = ""
        var insides: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(":
                if depth == 0 { current = "" } else { current.append(character) }
                depth += 1
            case ")" where depth > 0:
                depth -= 1
                if depth == 0 {
                    insides.append(current.trimmedSpaces())
                    outside.append(" ")
                } else {
                    current.append(character)
                }
            default:
                if depth == 0 { outside.append(character) } else { current.append(character) }
            }
        }
        if depth > 0 { outside.append(contentsOf: current) }
        return (outside.trimmedSpaces(), insides.filter { !$0.isEmpty })
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension Array where Element: Equatable {
    /// Whether `sequence` occurs in this array as consecutive elements.
    func containsSequence(_ sequence: [Element]) -> Bool {
        guard !sequence.isEmpty, sequence.count <= count else { return false }
        for start in 0...(count - sequence.count) where self[start] == sequence[0] {
            if Array(self[start..<(start + sequence.count)]) == sequence { return true }
        }
        return false
    }
}
