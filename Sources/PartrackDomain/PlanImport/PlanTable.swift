/// A table of cell texts as read from a CSV file, a sheet of an .xlsx workbook, a table of a
/// .docx document or a Markdown table, with what is needed to name a cell in a message.
public struct PlanTable: Sendable, Equatable {
    /// The sheet's name ("Phụ lục"), used in cell references; nil for CSV and Markdown.
    public var name: String?
    /// Rows of cells, left to right from column A.
    public var rows: [[String]]
    /// The source row number of each row (1-based): sheets may skip empty rows.
    public var rowNumbers: [Int]
    /// True when rows are lines of a text document (Markdown): places are then given as lines.
    public var locatesByLine: Bool

    public init(name: String? = nil, rows: [[String]], rowNumbers: [Int]? = nil, locatesByLine: Bool = false) {
        self.name = name
        self.rows = rows
        self.rowNumbers = rowNumbers ?? Array(1..<(rows.count + 1))
        self.locatesByLine = locatesByLine
    }

    /// The cell's place for messages: "Phụ lục!C7", "C7", or the line of a Markdown table.
    public func location(row: Int, column: Int) -> SourceLocation {
        let number = row < rowNumbers.count ? rowNumbers[row] : row + 1
        if locatesByLine { return .line(number) }
        let reference = PlanTable.columnLetters(column) + "\(number)"
        return .cell(name.map { "\($0)!\(reference)" } ?? reference)
    }

    /// The cell's text, "" past the end of a short row.
    public func cell(_ row: Int, _ column: Int) -> String {
        guard row < rows.count, column >= 0, column < rows[row].count else { return "" }
        return rows[row][column]
    }

    /// 0 → "A", 25 → "Z", 26 → "AA".
    public static func columnLetters(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// "C7" → (row 7, column 2); nil when not a cell reference.
    public static func parseReference(_ reference: some StringProtocol) -> (row: Int, column: Int)? {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }
        let digits = reference.dropFirst(letters.count)
        guard !letters.isEmpty, letters.count <= 3, !digits.isEmpty, digits.count <= 7,
            digits.allSatisfy(\.isASCIIDigit),
            let row = Int(digits)
        else { return nil }
        var column = 0
        for letter in letters.uppercased().unicodeScalars {
            column = column * 26 + Int(letter.value) - 64
        }
        return (row, column - 1)
    }
}
