/// A small RFC 4180 reader for appendix tables saved as CSV: quoted fields with doubled quotes and
/// line breaks inside, CRLF or LF, a UTF-8 byte-order mark, and the delimiter Excel picks by locale
/// (comma, or semicolon where the comma is the decimal mark, as in Vietnamese settings; tab too).
public enum CSVReader {
    public static func read(_ text: String, name: String? = nil) throws(PlanImportError) -> PlanTable {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let delimiter = sniffDelimiter(body)
        var rows: [[String]] = []
        var rowNumbers: [Int] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var quoteLine = 1
        var fieldStarted = false
        var iterator = body.makeIterator()
        var pending: Character? = nil

        func endRow() {
            row.append(field)
            if !(row.count == 1 && row[0].isEmpty) {
                rows.append(row)
                rowNumbers.append(rowLine)
            }
            row = []
            field = ""
            fieldStarted = false
        }

        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where !fieldStarted || field.trimmedSpaces().isEmpty:
                field = ""
                inQuotes = true
                fieldStarted = true
                quoteLine = line
            case delimiter:
                row.append(field)
                field = ""
                fieldStarted = false
            case "\r\n", "\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default:
                field.append(character)
                fieldStarted = true
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        if fieldStarted || !row.isEmpty { endRow() }
        return PlanTable(name: name, rows: rows, rowNumbers: rowNumbers)
    }

    /// The delimiter that splits the first line (outside quotes) most often: ";" or "," or tab.
    static func sniffDelimiter(_ text: Substring) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if !inQuotes, character.isNewline { break }
            if !inQuotes, counts[character] != nil { counts[character]! += 1 }
        }
        let best = counts.max { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : priority(lhs.key) > priority(rhs.key)
        }!
        return best.value == 0 ? "," : best.key
    }

    private static func priority(_ delimiter: Character) -> Int {
        switch delimiter {
        case ",": return 0
        case ";": return 1
        default: return 2
        }
    }

    /// Whether text looks like a table rather than prose: several lines split into the same number
    /// (two or more) of fields by one delimiter.
    public static func looksLikeTable(_ text: String) -> Bool {
        let lines = text.splitLines().prefix(6).filter { !$0.trimmedSpaces().isEmpty }
        guard lines.count >= 2 else { return false }
        let delimiter = sniffDelimiter(Substring(text))
        let counts = lines.map { line in line.filter { $0 == delimiter }.count }
        return counts[0] >= 2 && counts.dropFirst().allSatisfy { $0 == counts[0] }
    }
}
