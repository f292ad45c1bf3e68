import Foundation
import PartrackDomain

/// The one entry point for an uploaded plan: raw bytes and the name they came with. The kind of
/// file is decided by its content, never by its name alone — a renamed file gets a clear message,
/// not a parse of garbage:
/// - a ZIP package holding word/document.xml is a Word document, one holding xl/workbook.xml an
///   Excel workbook (its sheet is an appendix table);
/// - anything else must be text (UTF-8, or UTF-16 with its byte-order mark): a CSV table when the
///   name says .csv/.tsv or the text is laid out as one, else a plan in plain text or Markdown.
public enum PlanDocumentReader {
    /// Throws `PlanDocumentError` when the file cannot be read, `PlanImportError` when its content
    /// cannot be imported; both are `UserFacingError`s whose message names the problem.
    public static func read(
        _ bytes: Data, filename: String, maxBytes: Int, sheet: String? = nil, context: PlanImportContext
    ) throws -> PlanDraft {
        guard bytes.count <= maxBytes else {
            throw PlanDocumentError.tooLarge(filename: filename, size: bytes.count, limit: maxBytes)
        }
        guard !bytes.isEmpty else { throw PlanImportError.empty }
        let fileExtension = (filename as NSString).pathExtension.lowercased()

        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            let package = try ZipPackage(
                data: bytes, filename: filename, maxUnpackedBytes: unpackedLimit(forUpload: maxBytes))
            if package.contains("word/document.xml") {
                return try readWord(package, filename: filename, context: context)
            }
            if package.contains("xl/workbook.xml") {
                let table = try XlsxReader.read(package, filename: filename, sheet: sheet)
                return try AppendixTableParser.parse(table, context: context)
            }
            throw PlanDocumentError.unknownZip(filename: filename)
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw PlanDocumentError.legacyOffice(filename: filename)
        }
        if bytes.starts(with: Array("%PDF".utf8)) { throw PlanDocumentError.pdf(filename: filename) }
        if let kind = packageKinds[fileExtension] {
            throw PlanDocumentError.notWhatNameSays(filename: filename, extension: "." + fileExtension, kind: kind)
        }

        let text = try decodeText(bytes, filename: filename)
        guard text.contains(where: { !$0.isWhitespace }) else { throw PlanImportError.empty }
        if ["csv", "tsv"].contains(fileExtension) {
            return try AppendixTableParser.parse(try CSVReader.read(text), context: context)
        }
        // A text laid out as a table is read as one; if it turns out to have no appendix headings,
        // it is read as a plan after all.
        if !["md", "markdown"].contains(fileExtension), CSVReader.looksLikeTable(text),
            let table = try? CSVReader.read(text), AppendixTableParser.hasHeadingRow(table)
        {
            return try AppendixTableParser.parse(table, context: context)
        }
        return try PlanTextParser.parse(text, context: context)
    }

    /// What a name promises when it ends in an Office package extension.
    private static let packageKinds = [
        "docx": "Word (.docx)", "docm": "Word (.docx)", "xlsx": "Excel (.xlsx)", "xlsm": "Excel (.xlsx)",
    ]

    /// How much a package may unpack to: plenty for any real document (XML packs about ten to one),
    /// far below what a zip bomb would need.
    public static func unpackedLimit(forUpload maxBytes: Int) -> Int {
        min(max(maxBytes.multipliedReportingOverflow(by: 20).overflow ? Int.max : maxBytes * 20, 8 << 20), 256 << 20)
    }

    /// A Word document's paragraphs become the text the plan parser reads; its tables that are plan
    /// appendices add their rows as tasks, other tables (the header block of "Số: …" and the date)
    /// are read as lines in place.
    private static func readWord(_ package: ZipPackage, filename: String, context: PlanImportContext) throws
        -> PlanDraft
    {
        let document = try DocxReader.read(package, filename: filename)
        var lines: [String] = []
        var tables: [PlanTable] = []
        for block in document.blocks {
            switch block {
            case .paragraph(let text):
                lines.append(text)
            case .table(let rows):
                let table = PlanTable(name: "Bảng \(tables.count + 1)", rows: rows)
                if AppendixTableParser.hasHeadingRow(table) {
                    tables.append(table)
                } else {
                    for row in rows {
                        for cell in row where !cell.isEmpty { lines.append(cell) }
                    }
                }
            }
        }
        return try PlanTextParser.parse(lines.joined(separator: "\n"), tables: tables, context: context)
    }

    /// UTF-8 (a byte-order mark is dropped), or UTF-16 announced by its byte-order mark. Binary
    /// content (NUL bytes) is refused before decoding.
    static func decodeText(_ bytes: Data, filename: String) throws(PlanDocumentError) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: bytes, encoding: .utf16) else { throw .notText(filename: filename) }
            return text
        }
        if bytes.contains(0) { throw .notText(filename: filename) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .notUTF8(filename: filename, offset: firstInvalidUTF8(bytes))
        }
        return text.first == "\u{FEFF}" ? String(text.dropFirst()) : text
    }

    /// Offset of the first byte that does not continue a valid UTF-8 sequence.
    private static func firstInvalidUTF8(_ bytes: Data) -> Int {
        var offset = 0
        let array = [UInt8](bytes)
        while offset < array.count {
            let lead = array[offset]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return offset
            }
            guard offset + length <= array.count else { return offset }
            let bytes = array[offset..<(offset + length)]
            if String(validating: bytes, as: UTF8.self) == nil { return offset }
            offset += length
        }
        return offset
    }
}
