import Foundation
import PartrackDomain

/// The content of a Word document (.docx) in reading order: paragraphs, with Word's automatic
/// numbering written out as the text a reader sees ("2.3.", "a)", "-" for a bullet), and tables as
/// rows of cell texts. Formatting (bold, fonts) is not kept: the plan's structure is in its words.
public struct DocxDocument: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        case table([[String]])
    }

    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }
}

public enum DocxReader {
    public static func read(_ data: Data, filename: String, maxUnpackedBytes: Int) throws(PlanDocumentError)
        -> DocxDocument
    {
        let package = try ZipPackage(data: data, filename: filename, maxUnpackedBytes: maxUnpackedBytes)
        return try read(package, filename: filename)
    }

    static func read(_ package: ZipPackage, filename: String) throws(PlanDocumentError) -> DocxDocument {
        guard let documentData = try package.read("word/document.xml"),
            let document = XMLElementNode.parse(documentData), let body = document.child("body")
        else { throw .unreadable(filename: filename, detail: "word/document.xml") }
        let numbering = try package.read("word/numbering.xml").flatMap(XMLElementNode.parse).map(WordNumbering.init)
        let styles = try package.read("word/styles.xml").flatMap(XMLElementNode.parse).map(styleNumbering) ?? [:]
        var counters = WordNumbering.Counters()
        var blocks: [DocxDocument.Block] = []
        for element in body.children {
            switch element.name {
            case "p":
                var text = paragraphText(element)
                if let numbering, let (numId, level) = numberingReference(of: element, styles: styles),
                    let prefix = numbering.prefix(numId: numId, level: level, counters: &counters)
                {
                    text = prefix + " " + text
                }
                blocks.append(.paragraph(text))
            case "tbl":
                blocks.append(.table(tableRows(element)))
            case "sdt":
                // A content control (e.g. a cover block) wraps ordinary paragraphs.
                for paragraph in element.descendants("p") { blocks.append(.paragraph(paragraphText(paragraph))) }
            default:
                continue
            }
        }
        return DocxDocument(blocks: blocks)
    }

    /// The paragraph's visible text: runs' text, tabs as tabs, line breaks as new lines.
    static func paragraphText(_ paragraph: XMLElementNode) -> String {
        var text = ""
        func walk(_ node: XMLElementNode) {
            for child in node.children {
                switch child.name {
                case "t": text += child.text
                case "tab": text += "\t"
                case "br", "cr": text += "\n"
                case "noBreakHyphen": text += "-"
                // Deleted text of tracked changes, field instructions and properties are not what the
                // reader sees.
                // "Fallback" repeats, for old readers, what an "AlternateContent" choice already shows.
                case "del", "instrText", "pPr", "rPr", "Fallback": continue
                default: walk(child)
                }
            }
        }
        walk(paragraph)
        return text
    }

    static func tableRows(_ table: XMLElementNode) -> [[String]] {
        table.children("tr").map { row in
            row.children("tc").map { cell in
                cell.descendants("p").map(paragraphText).joined(separator: "\n")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    /// The list a paragraph belongs to: its own `numPr`, else its style's.
    static func numberingReference(of paragraph: XMLElementNode, styles: [String: (String, Int)]) -> (String, Int)? {
        let properties = paragraph.child("pPr")
        if let numPr = properties?.child("numPr"), let numId = numPr.value(of: "numId") {
            return (numId, Int(numPr.value(of: "ilvl") ?? "0") ?? 0)
        }
        if let style = properties?.value(of: "pStyle"), let reference = styles[style] { return reference }
        return nil
    }

    /// Styles that carry numbering themselves ("List Bullet", "List Number").
    static func styleNumbering(_ styles: XMLElementNode) -> [String: (String, Int)] {
        var result: [String: (String, Int)] = [:]
        for style in styles.children("style") {
            guard let id = style.attributes["styleId"], let numPr = style.child("pPr")?.child("numPr"),
                let numId = numPr.value(of: "numId")
            else { continue }
            result[id] = (numId, Int(numPr.value(of: "ilvl") ?? "0") ?? 0)
        }
        return result
    }
}

/// Word's list definitions (word/numbering.xml) and the counting that turns them into "2.3." or "a)".
struct WordNumbering {
    struct Level {
        var start: Int
        var format: String
        var text: String
    }

    /// numId → abstractNumId; abstractNumId → levels.
    private var abstractOf: [String: String] = [:]
    private var levels: [String: [Int: Level]] = [:]

    init(_ root: XMLElementNode) {
        for abstract in root.children("abstractNum") {
            guard let id = abstract.attributes["abstractNumId"] else { continue }
            var byLevel: [Int: Level] = [:]
            for level in abstract.children("lvl") {
                guard let index = level.attributes["ilvl"].flatMap(Int.init) else { continue }
                byLevel[index] = Level(
                    start: level.value(of: "start").flatMap(Int.init) ?? 1,
                    format: level.value(of: "numFmt") ?? "decimal",
                    text: level.value(of: "lvlText") ?? "%\(index + 1).")
            }
            levels[id] = byLevel
        }
        for num in root.children("num") {
            if let id = num.attributes["numId"], let abstract = num.value(of: "abstractNumId") {
                abstractOf[id] = abstract
            }
        }
    }

    /// Counters per list instance: Word counts per numId and restarts deeper levels.
    struct Counters {
        var values: [String: [Int: Int]] = [:]
    }

    /// The marker a paragraph shows: "-" for a bullet, "2.3." from "%1.%2." for numbers.
    func prefix(numId: String, level: Int, counters: inout Counters) -> String? {
        guard numId != "0", let abstract = abstractOf[numId], let definitions = levels[abstract],
            let definition = definitions[level]
        else { return nil }
        if definition.format == "bullet" { return "-" }
        if definition.format == "none" { return nil }
        var values = counters.values[numId] ?? [:]
        values[level] = (values[level] ?? (definition.start - 1)) + 1
        for deeper in values.keys where deeper > level { values[deeper] = nil }
        counters.values[numId] = values
        var text = definition.text
        for index in (0...level).reversed() {
            let levelDefinition = definitions[index]
            let value = values[index] ?? levelDefinition?.start ?? 1
            text = text.replacingOccurrences(
                of: "%\(index + 1)", with: WordNumbering.format(value, as: levelDefinition?.format ?? "decimal"))
        }
        return text.isEmpty ? nil : text
    }

    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "lowerLetter": return letters(value).lowercased()
        case "upperLetter": return letters(value)
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        default: return "\(value)"
        }
    }

    private static func letters(_ value: Int) -> String {
        guard value > 0 else { return "\(value)" }
        let letter = Character(Unicode.Scalar(UInt8(65 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    private static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return "\(value)" }
        let numerals = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var text = ""
        for (amount, numeral) in numerals {
            while rest >= amount {
                text += numeral
                rest -= amount
            }
        }
        return text
    }
}
