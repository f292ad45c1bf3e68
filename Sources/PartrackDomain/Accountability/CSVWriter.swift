import Foundation

/// Writes tables as CSV (RFC 4180): fields separated by commas, records ended by CRLF, a field
/// quoted when it holds a comma, a quote, a line break or leading/trailing space, and quotes
/// inside doubled. With `bom`, the UTF-8 byte order mark goes first, which Excel needs to show
/// Vietnamese letters instead of mojibake.
public enum CSVWriter {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The whole document. With `guardFormulas`, fields that a spreadsheet would run as formulas are
    /// kept as text (see `neutralised`); leave it off for figures, where "-5" must stay a number.
    public static func document(rows: [[String]], bom: Bool, guardFormulas: Bool = false) -> Data {
        // Bytes rather than String concatenation: a province's matrix has tens of thousands of fields.
        var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { bytes.append(comma) }
                append(guardFormulas ? neutralised(value) : value, to: &bytes)
            }
            bytes += [carriageReturn, lineFeed]
        }
        return Data(bytes)
    }

    /// One field, quoted only when it must be.
    public static func field(_ value: String) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A spreadsheet runs a cell starting with =, +, -, @ (or a tab or carriage return before one)
    /// as a formula. For files made of text people typed (task titles, notes) and opened in Excel,
    /// a leading apostrophe keeps the text as text (OWASP, "CSV Injection").
    public static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    private static func append(_ value: String, to bytes: inout [UInt8]) {
        let needsQuotes =
            value.utf8.contains { $0 == comma || $0 == quote || $0 == lineFeed || $0 == carriageReturn }
            || value.unicodeScalars.first?.properties.isWhitespace == true
            || value.unicodeScalars.last?.properties.isWhitespace == true
        guard needsQuotes else {
            bytes.append(contentsOf: value.utf8)
            return
        }
        bytes.append(quote)
        for byte in value.utf8 {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }
}
