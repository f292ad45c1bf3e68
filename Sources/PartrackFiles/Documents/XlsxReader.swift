import Foundation
import PartrackDomain

/// Reads one sheet of an Excel workbook (.xlsx) as a `PlanTable`: shared and inline strings,
/// numbers (whole numbers without ".0"), dates shown as dd/mm/yyyy, and each row's own number so
/// messages can name cells ("Phụ lục!C7") as Excel shows them.
public enum XlsxReader {
    /// The sheets of the workbook, in order.
    public static func sheetNames(_ data: Data, filename: String, maxUnpackedBytes: Int) throws(PlanDocumentError)
        -> [String]
    {
        let package = try ZipPackage(data: data, filename: filename, maxUnpackedBytes: maxUnpackedBytes)
        return try sheets(package, filename: filename).map(\.name)
    }

    /// The named sheet, or the first.
    public static func read(_ data: Data, filename: String, sheet: String? = nil, maxUnpackedBytes: Int)
        throws(PlanDocumentError) -> PlanTable
    {
        let package = try ZipPackage(data: data, filename: filename, maxUnpackedBytes: maxUnpackedBytes)
        return try read(package, filename: filename, sheet: sheet)
    }

    static func read(_ package: ZipPackage, filename: String, sheet wanted: String?) throws(PlanDocumentError)
        -> PlanTable
    {
        let all = try sheets(package, filename: filename)
        let chosen: (name: String, path: String)?
        if let wanted {
            chosen =
                all.first { $0.name == wanted }
                ?? all.first { TextFolding.fold($0.name) == TextFolding.fold(wanted) }
            guard chosen != nil else { throw .sheetNotFound(sheet: wanted, sheets: all.map(\.name)) }
        } else {
            chosen = all.first
        }
        guard let chosen, let sheetData = try package.read(chosen.path), let sheet = XMLElementNode.parse(sheetData)
        else { throw .unreadable(filename: filename, detail: "xl/worksheets") }
        let strings = try package.read("xl/sharedStrings.xml").flatMap(XMLElementNode.parse).map(sharedStrings) ?? []
        let dateStyles = try package.read("xl/styles.xml").flatMap(XMLElementNode.parse).map(dateStyleIndexes) ?? []

        var rows: [[String]] = []
        var rowNumbers: [Int] = []
        var nextRow = 1
        for row in sheet.child("sheetData")?.children("row") ?? [] {
            let number = row.attributes["r"].flatMap(Int.init) ?? nextRow
            nextRow = number + 1
            var cells: [String] = []
            var nextColumn = 0
            for cell in row.children("c") {
                let column = cell.attributes["r"].flatMap { PlanTable.parseReference($0)?.column } ?? nextColumn
                nextColumn = column + 1
                guard column < 16_384 else { continue }
                let value = cellText(cell, strings: strings, dateStyles: dateStyles)
                if value.isEmpty { continue }
                if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
                cells[column] = value
            }
            rows.append(cells)
            rowNumbers.append(number)
        }
        return PlanTable(name: chosen.name, rows: rows, rowNumbers: rowNumbers)
    }

    /// Sheet names and the paths of their parts, from workbook.xml and its relationships.
    private static func sheets(_ package: ZipPackage, filename: String) throws(PlanDocumentError)
        -> [(name: String, path: String)]
    {
        guard let workbookData = try package.read("xl/workbook.xml"), let workbook = XMLElementNode.parse(workbookData)
        else { throw .unreadable(filename: filename, detail: "xl/workbook.xml") }
        var targets: [String: String] = [:]
        if let relsData = try package.read("xl/_rels/workbook.xml.rels"), let rels = XMLElementNode.parse(relsData) {
            for relation in rels.children("Relationship") {
                guard let id = relation.attributes["Id"], let target = relation.attributes["Target"] else { continue }
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        let sheets = workbook.child("sheets")?.children("sheet") ?? []
        return sheets.enumerated().compactMap { index, sheet in
            let name = sheet.attributes["name"] ?? "Sheet\(index + 1)"
            let path = sheet.attributes["id"].flatMap { targets[$0] } ?? "xl/worksheets/sheet\(index + 1).xml"
            return (name, path)
        }
    }

    /// xl/sharedStrings.xml: each `si` is plain text (`t`) or rich-text runs (`r/t`); phonetic
    /// guides (`rPh`) are not part of the value.
    private static func sharedStrings(_ root: XMLElementNode) -> [String] {
        root.children("si").map { item in
            if let plain = item.child("t") { return plain.text }
            return item.children("r").compactMap { $0.child("t")?.text }.joined()
        }
    }

    private static func cellText(_ cell: XMLElementNode, strings: [String], dateStyles: Set<Int>) -> String {
        let raw = cell.child("v")?.text ?? ""
        switch cell.attributes["t"] {
        case "s":
            guard let index = Int(raw), index >= 0, index < strings.count else { return "" }
            return strings[index]
        case "inlineStr":
            guard let inline = cell.child("is") else { return "" }
            if let plain = inline.child("t") { return plain.text }
            return inline.children("r").compactMap { $0.child("t")?.text }.joined()
        case "b":
            return raw == "1" ? "TRUE" : "FALSE"
        case "str", "e":
            return raw
        default:
            guard let number = Double(raw) else { return raw }
            if let style = cell.attributes["s"].flatMap(Int.init), dateStyles.contains(style),
                let date = excelDate(number)
            {
                return date.formatted
            }
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return raw
        }
    }

    /// Serial day numbers of the 1900 date system (Excel's 1900-02-29 that never was is skipped by
    /// counting from 30/12/1899).
    static func excelDate(_ serial: Double) -> LocalDate? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        let epoch = LocalDate(year: 1899, month: 12, day: 30)!
        return epoch.adding(days: Int(serial.rounded(.down)))
    }

    /// Indexes of cell formats (xl/styles.xml `cellXfs`) that show a date: the built-in date formats
    /// and custom formats with day, month or year codes.
    private static func dateStyleIndexes(_ root: XMLElementNode) -> Set<Int> {
        var customDates = Set<Int>()
        for format in root.child("numFmts")?.children("numFmt") ?? [] {
            guard let id = format.attributes["numFmtId"].flatMap(Int.init), let code = format.attributes["formatCode"]
            else { continue }
            if isDateFormat(code) { customDates.insert(id) }
        }
        let builtInDates: Set<Int> = Set(14...22).union(45...47)
        var result = Set<Int>()
        for (index, format) in (root.child("cellXfs")?.children("xf") ?? []).enumerated() {
            guard let id = format.attributes["numFmtId"].flatMap(Int.init) else { continue }
            if builtInDates.contains(id) || customDates.contains(id) { result.insert(index) }
        }
        return result
    }

    /// A number format with d, m or y outside quotes and brackets ("dd/mm/yyyy", "yyyy-mm-dd h:mm").
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        for character in code.lowercased() {
            switch character {
            case "\"": inQuotes.toggle()
            case "[": inBrackets = true
            case "]": inBrackets = false
            default: if !inQuotes && !inBrackets && "dmy".contains(character) { return true }
            }
        }
        return false
    }
}
