/// What stops an import: the document cannot be turned into a plan without a person fixing it.
/// Things merely not understood go into `PlanDraft.diagnostics` instead.
public enum PlanImportError: UserFacingError, Equatable {
    /// Nothing but blank space.
    case empty
    /// A date that does not exist, e.g. 31/02/2024, where the plan relies on it.
    case impossibleDate(text: String, day: Int, month: Int, year: Int, at: SourceLocation)
    /// No row of the table has the column headings of a plan appendix.
    case noHeaderRow(expected: [String])
    /// The heading row lacks columns a task needs.
    case missingColumns(names: [String], at: SourceLocation)
    /// A CSV quoted field that never closes.
    case unterminatedQuote(line: Int)
    /// Readable text, but no task, duty or dated item anywhere.
    case noTasksFound(lines: Int)

    public var message: Message {
        switch self {
        case .empty:
            return Message("import.error.empty")
        case .impossibleDate(let text, let day, let month, let year, let at):
            let days = (1...12).contains(month) ? LocalDate.daysIn(month: month, year: year) : 0
            return at.message(
                "import.error.impossible_date",
                ["text": text, "day": "\(day)", "month": "\(month)", "year": "\(year)", "days_in_month": "\(days)"])
        case .noHeaderRow(let expected):
            return Message("import.error.no_header_row", ["expected": expected.joined(separator: ", ")])
        case .missingColumns(let names, let at):
            return at.message("import.error.missing_columns", ["columns": names.joined(separator: ", ")])
        case .unterminatedQuote(let line):
            return Message("import.error.unterminated_quote", ["line": "\(line)"])
        case .noTasksFound(let lines):
            return Message("import.error.no_tasks", ["lines": "\(lines)"])
        }
    }
}

extension SourceLocation {
    /// A message about this place: `key.line` with a `line` argument, `key.cell` with a `cell`
    /// argument, or `key.document` when the place is unknown, so each language words the place itself.
    public func message(_ key: String, _ arguments: [String: String] = [:]) -> Message {
        var arguments = arguments
        if let cell {
            arguments["cell"] = cell
            return Message(key + ".cell", arguments)
        }
        if let line {
            arguments["line"] = "\(line)"
            return Message(key + ".line", arguments)
        }
        return Message(key + ".document", arguments)
    }
}
