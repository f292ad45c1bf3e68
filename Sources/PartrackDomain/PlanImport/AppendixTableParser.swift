/// Reads a plan appendix table: a heading row naming the columns, rows that group tasks by area
/// ("I | Công tác chỉ đạo, điều hành CCHC"), and one task per row with its product, deadline,
/// lead and cooperating units.
public enum AppendixTableParser {
    /// The whole table as a plan draft (a CSV file or a sheet given on its own).
    public static func parse(_ table: PlanTable, context: PlanImportContext) throws(PlanImportError) -> PlanDraft {
        guard table.rows.contains(where: { row in row.contains { !$0.trimmedSpaces().isEmpty } }) else {
            throw .empty
        }
        let builder = DraftTaskBuilder(context: context, defaultYear: context.fallbackYear)
        guard let result = try read(table, builder: builder) else {
            throw .noHeaderRow(expected: AppendixColumn.required.map(\.usualHeading))
        }
        guard !result.tasks.isEmpty else { throw .noTasksFound(lines: table.rows.count) }
        return DraftAssembly.draft(
            header: PlanHeader(title: table.name, year: nil), goals: PlanGoals(), tasks: result.tasks,
            schedule: nil, year: context.fallbackYear, diagnostics: result.diagnostics,
            summary: summary(of: result.tasks), positionsNamedAt: result.positionsNamedAt)
    }

    static func summary(of tasks: [DraftTask]) -> Message {
        let assigned = tasks.filter { !$0.needsAssignment }
        return Message(
            "import.summary.appendix_table",
            [
                "tasks": "\(tasks.count)", "assigned": "\(assigned.count)",
                "positions": "\(Set(assigned.flatMap(\.leadPositionKeys)).count)",
                "to_assign": "\(tasks.count - assigned.count)",
                "dated": "\(tasks.filter { $0.due != nil || $0.recurrence != nil }.count)",
            ])
    }

    struct Result {
        var tasks: [DraftTask] = []
        var diagnostics: [ImportDiagnostic] = []
        var positionsNamedAt: [String: SourceLocation] = [:]
    }

    /// The tasks of a table, or nil when no row looks like an appendix heading row. A heading row
    /// that lacks a required column is an error naming the missing ones.
    static func read(_ table: PlanTable, builder: DraftTaskBuilder) throws(PlanImportError) -> Result? {
        guard let (headerRow, columns) = try headingRow(of: table) else { return nil }
        var result = Result()
        var areaCode: String?
        for row in (headerRow + 1)..<table.rows.count {
            let cells = table.rows[row].map { $0.trimmedSpaces() }
            func value(_ column: AppendixColumn) -> String {
                guard let index = columns[column], index < cells.count else { return "" }
                return cells[index]
            }
            func location(_ column: AppendixColumn) -> SourceLocation {
                table.location(row: row, column: columns[column] ?? 0)
            }
            let text = value(.task).replacingNewlines()
            guard !text.isEmpty else { continue }
            // Column numbers repeated under the heading ("(1) | (2) | (3)") are not a task.
            if TextFolding.words(of: text).allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) { continue }

            if let area = value(.area).nilIfEmpty {
                areaCode = builder.catalog.area(forHeading: area)?.code
            } else if othersEmpty(cells, columns: columns) {
                // A row with only a title groups the rows below: under an area when it names one,
                // under no area when it is marked as a group ("I", "A") but names none.
                let match = builder.catalog.area(forHeading: text)
                guard match != nil || isGroupMarker(value(.number)) else {
                    result.tasks.append(
                        try builder.task(
                            text: text, origin: .tableRow, areaCode: areaCode,
                            assignment: .init(needsAssignment: true), at: location(.task)))
                    result.diagnostics.append(
                        ImportDiagnostic(
                            location: location(.lead), severity: .warning,
                            message: location(.lead).message("import.warning.no_lead", ["task": text])))
                    continue
                }
                areaCode = match?.code
                if match == nil {
                    result.diagnostics.append(
                        ImportDiagnostic(
                            location: location(.task), severity: .info,
                            message: location(.task).message("import.info.group_row_not_area", ["text": text])))
                }
                continue
            }

            var leads = builder.positions.resolve(value(.lead))
            var cooperating = builder.positions.resolve(value(.cooperating))
            for (resolution, column) in [(leads, AppendixColumn.lead), (cooperating, .cooperating)] {
                for name in resolution.unmatched {
                    let key = DraftAssembly.nameKey(name)
                    if result.positionsNamedAt[key] == nil { result.positionsNamedAt[key] = location(column) }
                }
            }
            leads.unmatched = leads.unmatched.filter { TextFolding.words(of: $0).count <= 8 }
            cooperating.unmatched = cooperating.unmatched.filter { TextFolding.words(of: $0).count <= 8 }
            let leadText = value(.lead).replacingNewlines()
            var task = try builder.task(
                text: text, origin: .tableRow, areaCode: areaCode,
                assignment: .init(
                    leads: leads, cooperating: cooperating, needsAssignment: leads.keys.isEmpty,
                    addressee: leads.keys.isEmpty ? leadText.nilIfEmpty : nil),
                at: location(.task))
            task.expectedOutput = value(.output).replacingNewlines().nilIfEmpty
            if let diagnostic = try builder.applyDeadline(
                value(.due).replacingNewlines(), to: &task, at: location(.due))
            {
                result.diagnostics.append(diagnostic)
            }
            let statedCriteria = criterionCodes(in: value(.criteria), catalog: builder.catalog)
            if !statedCriteria.isEmpty {
                task.suggestedCriteria =
                    statedCriteria.map { CriterionSuggestion(code: $0, score: 100) }
                    + task.suggestedCriteria.filter { !statedCriteria.contains($0.code) }
            }
            if leadText.isEmpty {
                result.diagnostics.append(
                    ImportDiagnostic(
                        location: location(.lead), severity: .warning,
                        message: location(.lead).message("import.warning.no_lead", ["task": task.title])))
            }
            result.tasks.append(task)
        }
        return result
    }

    /// Whether a row near the top names at least two appendix columns: the table means to be a plan
    /// appendix (reading it may still fail for a missing column).
    public static func hasHeadingRow(_ table: PlanTable) -> Bool {
        candidateRows(of: table).first != nil
    }

    /// The top rows that name at least two columns, with the column of each role (the first column
    /// wins when two name the same role).
    private static func candidateRows(of table: PlanTable) -> [(row: Int, columns: [AppendixColumn: Int])] {
        var candidates: [(row: Int, columns: [AppendixColumn: Int])] = []
        for row in 0..<min(table.rows.count, 20) {
            var columns: [AppendixColumn: Int] = [:]
            for (index, heading) in table.rows[row].enumerated() {
                if let column = AppendixColumn.named(heading), columns[column] == nil { columns[column] = index }
            }
            if columns.keys.filter({ $0 != .number && $0 != .notes }).count >= 2 { candidates.append((row, columns)) }
        }
        return candidates
    }

    /// The first candidate row that has every required column; if none has, the first candidate's
    /// missing columns are the error.
    private static func headingRow(of table: PlanTable) throws(PlanImportError)
        -> (row: Int, columns: [AppendixColumn: Int])?
    {
        let candidates = candidateRows(of: table)
        if let complete = candidates.first(where: { candidate in
            AppendixColumn.required.allSatisfy { candidate.columns[$0] != nil }
        }) {
            return complete
        }
        guard let partial = candidates.first else { return nil }
        let missing = AppendixColumn.required.filter { partial.columns[$0] == nil }
        throw .missingColumns(names: missing.map(\.usualHeading), at: table.location(row: partial.row, column: 0))
    }

    /// Nothing but the title: no product, deadline, lead or cooperating unit.
    private static func othersEmpty(_ cells: [String], columns: [AppendixColumn: Int]) -> Bool {
        let others: [AppendixColumn] = [.output, .due, .lead, .cooperating]
        return others.allSatisfy { column in
            guard let index = columns[column], index < cells.count else { return true }
            return cells[index].isEmpty
        }
    }

    /// "I", "II", "A", "B.": how appendices number their groups (tasks get 1, 2, 3).
    private static func isGroupMarker(_ number: String) -> Bool {
        let marker = number.filter { $0 != "." && $0 != " " }
        return !marker.isEmpty && marker.allSatisfy { "IVXLABCDĐEGH".contains($0) }
    }

    /// Catalog codes written in a criteria cell ("1.1.2; 1.2.1").
    private static func criterionCodes(in cell: String, catalog: CatalogMatcher) -> [String] {
        cell.split { !($0.isASCIIDigit || $0 == ".") }
            .map { piece in String(piece.drop { $0 == "." }.reversed().drop { $0 == "." }.reversed()) }
            .filter { !$0.isEmpty && catalog.hasCriterion($0) }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }

    /// Cell text on one line: line breaks inside a cell become spaces.
    func replacingNewlines() -> String {
        split(whereSeparator: \.isNewline).map { $0.trimmedSpaces() }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
