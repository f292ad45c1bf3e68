/// A table of columns aligned with spaces, for reading in a terminal. Widths count characters as
/// a person sees them (Vietnamese letters with their marks are one each); long cells are cut with
/// an ellipsis at the column's limit.
struct TextTable {
    enum Alignment { case left, right }

    /// What a cell's value means for the reader, shown as a colour on a terminal.
    enum Tone { case good, bad, warning, faint }

    struct Column {
        var title: String
        var alignment: Alignment
        /// Longest cell shown in full; nil for no limit.
        var limit: Int?

        init(_ title: String, _ alignment: Alignment = .left, limit: Int? = nil) {
            self.title = title
            self.alignment = alignment
            self.limit = limit
        }
    }

    var columns: [Column]
    private(set) var rows: [[String]] = []
    private var tones: [[Int: Tone]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String], tones: [Int: Tone] = [:]) {
        rows.append(row)
        self.tones.append(tones)
    }

    func render(style: Style) -> String {
        guard !rows.isEmpty else { return "" }
        let cells = rows.map { row in
            columns.indices.map { index in Self.cut(index < row.count ? row[index] : "", to: columns[index].limit) }
        }
        let widths = columns.indices.map { index in
            max(columns[index].title.count, cells.map { $0[index].count }.max() ?? 0)
        }
        var lines: [String] = []
        lines.append(
            style.bold(
                columns.indices.map { pad(columns[$0].title, widths[$0], columns[$0].alignment) }
                    .joined(separator: "  ").trimmingTrailingSpaces()))
        lines.append(style.dim(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")))
        for (rowIndex, row) in cells.enumerated() {
            let line = columns.indices.map { index -> String in
                let padded = pad(row[index], widths[index], columns[index].alignment)
                return Self.paint(padded, tones[rowIndex][index], style)
            }
            lines.append(line.joined(separator: "  ").trimmingTrailingSpaces())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int, _ alignment: Alignment) -> String {
        let gap = String(repeating: " ", count: max(0, width - text.count))
        return alignment == .left ? text + gap : gap + text
    }

    static func paint(_ text: String, _ tone: Tone?, _ style: Style) -> String {
        switch tone {
        case .good: return style.green(text)
        case .bad: return style.red(text)
        case .warning: return style.yellow(text)
        case .faint: return style.dim(text)
        case nil: return text
        }
    }

    static func cut(_ text: String, to limit: Int?) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        guard let limit, flat.count > limit, limit > 1 else { return flat }
        return String(flat.prefix(limit - 1)) + "…"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
