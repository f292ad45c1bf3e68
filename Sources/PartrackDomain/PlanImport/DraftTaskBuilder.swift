/// Turns the wording of one task, and what is known of where it stands, into a `DraftTask`:
/// title and details, suggested criteria, a deadline found in the text. Shared by the text and
/// table parsers so a task reads the same whichever form the plan came in.
struct DraftTaskBuilder: Sendable {
    let catalog: CatalogMatcher
    let positions: PositionMatcher
    let defaultYear: Int

    init(context: PlanImportContext, defaultYear: Int) {
        catalog = CatalogMatcher(catalog: context.catalog)
        positions = PositionMatcher(positions: context.positions)
        self.defaultYear = defaultYear
    }

    struct Assignment: Sendable {
        var leads: PositionMatcher.Resolution = .init()
        var cooperating: PositionMatcher.Resolution = .init()
        var needsAssignment: Bool
        var addressee: String?
    }

    /// A task from running text. A deadline written in it ("… trước ngày 30/6/2023") becomes its due date.
    func task(
        text: String, origin: DraftTask.Origin, areaCode: String?, assignment: Assignment, at location: SourceLocation
    ) throws(PlanImportError) -> DraftTask {
        let (title, details) = DraftTaskBuilder.split(text)
        var task = DraftTask(
            title: title, details: details, areaCode: areaCode,
            leadPositionKeys: assignment.leads.keys, cooperatingPositionKeys: assignment.cooperating.keys,
            unmatchedPositionNames: assignment.leads.unmatched + assignment.cooperating.unmatched,
            suggestedCriteria: catalog.suggestCriteria(for: text, areaCode: areaCode),
            needsAssignment: assignment.needsAssignment, addressee: assignment.addressee,
            origin: origin, source: location)
        if let found = try DeadlinePhrase.find(in: AlignedText(text), defaultYear: defaultYear, at: location) {
            task.due = found.reading.due
            task.dueText = found.phrase
        }
        return task
    }

    /// Applies a deadline cell or field ("Quý II", "Thường xuyên"); text it cannot read is kept as
    /// written and reported.
    func applyDeadline(_ text: String, to task: inout DraftTask, at location: SourceLocation) throws(PlanImportError)
        -> ImportDiagnostic?
    {
        let value = text.trimmingWhitespace()
        guard !value.isEmpty else { return nil }
        task.dueText = value
        guard let reading = try DeadlinePhrase.read(value, defaultYear: defaultYear, at: location) else {
            return ImportDiagnostic(
                location: location, severity: .warning,
                message: location.message("import.warning.deadline_not_understood", ["text": value]))
        }
        task.due = reading.due
        task.recurrence = reading.recurrence
        return nil
    }

    /// The first sentence as the title, the rest as details. A sentence ends at ". " before a capital.
    static func split(_ text: String) -> (title: String, details: String?) {
        let cleaned = text.trimmingWhitespace()
        let characters = Array(cleaned)
        var index = 0
        while index + 2 < characters.count {
            if characters[index] == ".", characters[index + 1] == " ", characters[index + 2].isUppercase, index >= 20 {
                let title = String(characters[0..<index])
                let details = String(characters[(index + 2)...]).trimmingWhitespace()
                return (title, details.isEmpty ? nil : trimmedEnd(details))
            }
            index += 1
        }
        return (trimmedEnd(cleaned), nil)
    }

    /// Without the closing full stop, semicolon or colon of a list item or heading.
    static func trimmedEnd(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last == "." || last == ";" || last == "," || last == ":" || last == " " {
            // Keep "v.v." and an ellipsis "…" as written; a plain closing stop goes.
            if result.hasSuffix("...") || result.hasSuffix("v.v.") { break }
            result = result.dropLast()
        }
        return String(result)
    }
}
