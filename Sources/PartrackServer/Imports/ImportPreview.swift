import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// The preview of a parsed document in the reader's language.
enum ImportPreview {
    static func make(
        _ draft: PlanDraft, catalog: CatalogDefinition, record: PlanImportRecord, existing: [ExistingTask]?,
        positions: [Int: String], strings: LocaleCatalog
    ) throws -> ImportPreviewDTO {
        let titles = Dictionary(catalog.allNodes.map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a })
        let names = { (keys: [String]) in keys.compactMap { Int($0).flatMap { positions[$0] } } }
        let tasks = draft.tasks.map { task in
            ImportTaskDTO(
                fingerprint: task.fingerprint, title: task.title, details: task.details, areaCode: task.areaCode,
                leadPositions: names(task.leadPositionKeys), cooperatingPositions: names(task.cooperatingPositionKeys),
                unmatchedPositions: task.unmatchedPositionNames,
                suggestedCriteria: task.suggestedCriteria.map {
                    ImportCriterionDTO(code: $0.code, title: titles[$0.code] ?? "", score: $0.score)
                },
                expectedOutput: task.expectedOutput, due: task.due?.iso, dueText: task.dueText,
                recurrence: task.recurrence.map { strings.render($0.rule) }, needsAssignment: task.needsAssignment,
                source: location(task.source, strings))
        }
        var changes: ImportChangesDTO?
        if let existing {
            let reconciliation = PlanReconciler.reconcile(existing: existing, incoming: draft.tasks)
            let existingTitles = Dictionary(existing.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            changes = ImportChangesDTO(
                unchanged: reconciliation.unchanged.count, changed: reconciliation.changed.map(\.draft.title),
                added: reconciliation.added.map(\.title),
                removed: reconciliation.removed.compactMap { existingTitles[$0] })
        }
        return ImportPreviewDTO(
            id: try record.requireID(), unitID: record.$unit.id, planID: record.$plan.id, catalogID: record.$catalog.id,
            filename: record.filename, summary: strings.render(draft.summary), number: draft.header.number,
            place: draft.header.place, documentDate: draft.header.date?.iso, title: draft.header.title,
            year: draft.header.year ?? draft.periods.first?.due.year ?? 0,
            targetRank: draft.goals.targetRank.map { "\($0.position)/\($0.of)" }, targetClass: draft.goals.targetClass,
            periods: draft.periods.map {
                ImportPeriodDTO(kind: $0.kind.rawValue, cutOff: $0.cutOff.iso, due: $0.due.iso)
            },
            periodsFromDocument: draft.periodsFromDocument, tasks: tasks,
            unknownPositions: draft.unknownPositions.map(\.name),
            notes: draft.diagnostics.map {
                ImportNoteDTO(
                    severity: $0.severity.rawValue, location: location($0.location, strings),
                    message: strings.render($0.message))
            },
            changes: changes)
    }

    /// "dòng 57", "ô Phụ lục!C7" in the reader's language.
    static func location(_ location: SourceLocation, _ strings: LocaleCatalog) -> String {
        if let cell = location.cell { return strings.render(key: "import.location.cell", arguments: ["cell": cell]) }
        if let line = location.line {
            return strings.render(key: "import.location.line", arguments: ["line": "\(line)"])
        }
        return ""
    }
}
