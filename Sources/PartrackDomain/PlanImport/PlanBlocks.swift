/// One logical line of a plan: a heading, a list item or a paragraph, with its marker taken off
/// and Markdown emphasis removed. Lines that a PDF or Word export broke mid-sentence are joined.
struct PlanBlock: Sendable {
    enum Kind: Sendable, Equatable {
        /// "II. NỘI DUNG …"
        case roman
        /// "2.3. Chỉ số …" (depth 2), "1. Mục đích" (depth 1).
        case numbered(depth: Int)
        /// "a) Thời gian: …"
        case lettered
        /// "- …", "+ …", "• …", "* …"
        case bullet
        case paragraph
        /// A Markdown table: `rows` holds its cells.
        case table
    }

    var line: Int
    var kind: Kind
    /// "II", "2.3", "a": the marker without punctuation.
    var label: String?
    var text: String
    var folded: String
    /// Written as a Markdown heading or wholly in bold.
    var emphasized: Bool
    var precededByBlank: Bool
    var rows: [[String]] = []
    /// The line of each of `rows`.
    var rowLines: [Int] = []

    var location: SourceLocation { .line(line) }

    /// "Thời gian:", "Cơ quan chủ trì: Phòng Nội vụ." — a name, a colon and maybe a value.
    var endsWithColon: Bool { text.hasSuffix(":") }
}

enum PlanBlockReader {
    /// Splits a document into blocks. Line numbers are those of the text as given (1-based).
    static func blocks(of text: String) -> [PlanBlock] {
        var blocks: [PlanBlock] = []
        var tableRows: [[String]] = []
        var tableRowLines: [Int] = []
        var blankBefore = true
        var lineNumber = 0

        func flushTable() {
            guard !tableRows.isEmpty else { return }
            blocks.append(
                PlanBlock(
                    line: tableRowLines[0], kind: .table, label: nil, text: "", folded: "", emphasized: false,
                    precededByBlank: true, rows: tableRows, rowLines: tableRowLines))
            tableRows = []
            tableRowLines = []
        }

        for rawLine in text.splitLines() {
            lineNumber += 1
            let trimmed = rawLine.trimmedSpaces()
            if trimmed.isEmpty {
                flushTable()
                blankBefore = true
                continue
            }
            if trimmed.hasPrefix("|") {
                if let row = markdownTableRow(trimmed) {
                    tableRows.append(row)
                    tableRowLines.append(lineNumber)
                }
                continue
            }
            flushTable()
            guard var block = classify(trimmed, line: lineNumber, precededByBlank: blankBefore) else { continue }
            blankBefore = false
            if let last = blocks.last, continues(block, after: last) {
                blocks[blocks.count - 1].text += " " + block.text
                blocks[blocks.count - 1].folded += " " + block.folded
                continue
            }
            block.precededByBlank = block.precededByBlank || blocks.isEmpty
            blocks.append(block)
        }
        flushTable()
        return blocks
    }

    /// A line that starts in lower case after a line that stopped mid-sentence is the rest of it.
    private static func continues(_ block: PlanBlock, after previous: PlanBlock) -> Bool {
        guard block.kind == .paragraph, !block.emphasized, previous.kind != .roman, previous.kind != .table,
            let first = block.text.first, first.isLetter, first.isLowercase,
            let last = previous.text.last
        else { return false }
        return last.isLetter || last == ","
    }

    // MARK: Classifying one line

    static func classify(_ line: String, line number: Int, precededByBlank: Bool) -> PlanBlock? {
        var text = Substring(line)
        var emphasized = false
        // Markdown heading and quote marks.
        if text.first == "#" {
            text = text.drop { $0 == "#" }
            emphasized = true
        }
        if text.first == ">" { text = text.drop { $0 == ">" } }
        text = Substring(text.trimmedSpaces())

        // A bullet marker comes before emphasis is removed: "* task" is a bullet, "**Heading**" is not.
        var isBullet = false
        if let first = text.first, bulletMarkers.contains(first) {
            let rest = text.dropFirst()
            if rest.first == " " || rest.first == "\t" || (first == "-" && (rest.first?.isUppercase ?? false)) {
                isBullet = true
                text = Substring(rest.trimmedSpaces())
            }
        }
        let (plain, wrapped) = removingEmphasis(String(text))
        emphasized = emphasized || wrapped
        guard !plain.isEmpty else { return nil }
        let cleaned = plain

        var kind: PlanBlock.Kind = isBullet ? .bullet : .paragraph
        var label: String?
        var content = cleaned
        if !isBullet {
            if let (roman, rest) = romanMarker(cleaned) {
                kind = .roman
                label = roman
                content = rest
            } else if let (numbers, rest) = numberMarker(cleaned) {
                // "1) …" numbers list items; "1." and "2.3." number headings.
                let isListItem = !numbers.contains(".") && cleaned.dropFirst(numbers.count).first == ")"
                kind = isListItem ? .bullet : .numbered(depth: numbers.split(separator: ".").count)
                label = numbers
                content = rest
            } else if let (letter, rest) = letterMarker(cleaned) {
                kind = .lettered
                label = letter
                content = rest
            }
        }
        content = content.trimmedSpaces()
        guard !content.isEmpty || kind != .paragraph else { return nil }
        return PlanBlock(
            line: number, kind: kind, label: label, text: content, folded: TextFolding.fold(content),
            emphasized: emphasized, precededByBlank: precededByBlank)
    }

    private static let bulletMarkers: Set<Character> = [
        "-", "+", "•", "–", "—", "*", "·", "\u{F0B7}", "◦", "▪", "✓", "○",
    ]

    /// Text without Markdown emphasis (`**`, `*`, `__`) or backslash escapes; and whether the whole
    /// line was wrapped in emphasis (a bold heading). Works on UTF-8 bytes: every mark is ASCII.
    static func removingEmphasis(_ text: String) -> (String, Bool) {
        let wrapped =
            (text.hasPrefix("**") && text.hasSuffix("**") && text.utf8.count > 4)
            || (text.hasPrefix("__") && text.hasSuffix("__") && text.utf8.count > 4)
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == 0x2A || $0 == 0x5F || $0 == 0x5C }) else {
            return (text.trimmedSpaces(), wrapped)
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x5C where index + 1 < bytes.count && bytes[index + 1] < 0x80:
                // "\-", "\*": an escaped ASCII mark stands for itself.
                result.append(bytes[index + 1])
                index += 2
                continue
            case 0x2A:
                break
            case 0x5F:
                // A single underscore is part of the text (file names); doubled ones are emphasis.
                var run = 1
                while index + run < bytes.count, bytes[index + run] == 0x5F { run += 1 }
                if run == 1 { result.append(byte) }
                index += run
                continue
            default:
                result.append(byte)
            }
            index += 1
        }
        return (String(decoding: result, as: UTF8.self).trimmedSpaces(), wrapped)
    }

    private static let romanNumerals: Set<String> = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ]

    /// "II. NỘI DUNG" → ("II", "NỘI DUNG").
    static func romanMarker(_ text: String) -> (String, String)? {
        let letters = text.prefix { "IVX".contains($0) }
        guard !letters.isEmpty, romanNumerals.contains(String(letters)) else { return nil }
        let rest = text.dropFirst(letters.count)
        guard let mark = rest.first, mark == "." || mark == ")" || mark == "/" else { return nil }
        let content = rest.dropFirst()
        guard content.isEmpty || content.first == " " || content.first == "\t" else { return nil }
        return (String(letters), content.trimmedSpaces())
    }

    /// "2.3. Chỉ số …", "1) …", "2.3 Chỉ số …" → ("2.3", text). A lone number needs its dot or bracket,
    /// so "2023 là năm …" stays a paragraph.
    static func numberMarker(_ text: String) -> (String, String)? {
        var index = text.startIndex
        var groups: [Substring] = []
        var groupStart = index
        while index < text.endIndex {
            let character = text[index]
            if character.isASCIIDigit {
                index = text.index(after: index)
                continue
            }
            if character == "." || character == ")" {
                let group = text[groupStart..<index]
                guard !group.isEmpty, group.count <= 3 else { return nil }
                groups.append(group)
                let next = text.index(after: index)
                if character == ")" || next == text.endIndex || text[next] == " " || text[next] == "\t" {
                    return (groups.joined(separator: "."), String(text[next...]).trimmedSpaces())
                }
                guard text[next].isASCIIDigit else { return nil }
                index = next
                groupStart = index
                continue
            }
            if character == " ", groups.count >= 1 {
                let group = text[groupStart..<index]
                guard !group.isEmpty, group.count <= 3 else { return nil }
                groups.append(group)
                return (groups.joined(separator: "."), String(text[index...]).trimmedSpaces())
            }
            return nil
        }
        return nil
    }

    /// "a) Thời gian: …", "đ) …" → ("a", text).
    static func letterMarker(_ text: String) -> (String, String)? {
        guard let letter = text.first, letter.isLetter, letter.isLowercase else { return nil }
        let rest = text.dropFirst()
        guard rest.first == ")", rest.dropFirst().first == " " else { return nil }
        return (String(letter), String(rest.dropFirst(2)).trimmedSpaces())
    }

    /// "| a | b |" → ["a", "b"]; the "|---|---|" rule line → nil.
    static func markdownTableRow(_ line: String) -> [String]? {
        var cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
            removingEmphasis($0.trimmedSpaces()).0
        }
        if cells.first?.isEmpty == true { cells.removeFirst() }
        if cells.last?.isEmpty == true { cells.removeLast() }
        let isRule = cells.allSatisfy { cell in !cell.isEmpty && cell.allSatisfy { "-: ".contains($0) } }
        return isRule || cells.isEmpty ? nil : cells
    }
}
