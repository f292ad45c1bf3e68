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
        text: String, folded: String? = nil, origin: DraftTask.Origin, areaCode: String?, assignment: Assignment,
        at location: SourceLocation
    ) throws(PlanImportError) -> DraftTask {
        let folded = folded ?? TextFolding.fold(text)
        let (title, details) = DraftTaskBuilder.split(text)
        var task = DraftTask(
            title: title, details: details, areaCode: areaCode,
            leadPositionKeys: assignment.leads.keys, cooperatingPositionKeys: assignment.cooperating.keys,
            unmatchedPositionNames: assignment.leads.unmatched + assignment.cooperating.unmatched,
            suggestedCriteria: catalog.suggestCriteria(forFolded: folded, areaCode: areaCode),
            needsAssignment: assignment.needsAssignment, addressee: assignment.addressee,
            origin: origin, source: location)
        if let found = try DeadlinePhrase.find(in: text, folded: folded, defaultYear: defaultYear, at: location) {
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
        let value = text.trimmedSpaces()
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

    /// The first sentence as the title, the rest as details. A sentence ends at ". " before a
    /// capital, after at least 20 characters (so "v.v. Các" or "TP. Hồ" early on do not cut).
    static func split(_ text: String) -> (title: String, details: String?) {
        let cleaned = text.trimmedSpaces()
        let scalars = cleaned.unicodeScalars
        var index = scalars.startIndex
        var count = 0
        while index != scalars.endIndex {
            if scalars[index] == ".", count >= 20 {
                let space = scalars.index(after: index)
                if space != scalars.endIndex, scalars[space] == " " {
                    let next = scalars.index(after: space)
                    if next != scalars.endIndex, scalars[next].properties.isUppercase {
                        let title = String(scalars[scalars.startIndex..<index])
                        let details = String(scalars[next...]).trimmedSpaces()
                        return (title, details.isEmpty ? nil : trimmedEnd(details))
                    }
                }
            }
            count += 1
            index = scalars.index(after: index)
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
