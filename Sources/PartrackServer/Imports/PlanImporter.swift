import Fluent
import Foundation
import PartrackDomain
import PartrackFiles
import Vapor

/// Turns a plan document into a plan: read (preview) and write (confirm). The same for the API,
/// the web page and the `import-plan` server command; permission checks are the callers'.
struct PlanImporter {
    let db: any Database
    let services: PartrackServices

    /// What the parser needs to know about the unit: its positions, and the catalog's areas.
    func context(unitID: Int, catalog: CatalogDefinition, fallbackYear: Int) async throws -> PlanImportContext {
        let positions = try await Position.query(on: db).filter(\.$unit.$id == unitID).sort(\.$id).all()
        return PlanImportContext(
            catalog: catalog,
            positions: try positions.map {
                KnownPosition(key: String(try $0.requireID()), title: $0.title, aliases: $0.aliasList)
            },
            fallbackYear: fallbackYear)
    }

    /// The catalog an import is measured against: the plan's for a re-import, the one asked for,
    /// or the newest catalog of the unit's level.
    func catalog(for unit: OrgUnit, plan: Plan?, asked: Int?) async throws -> Catalog {
        if let plan { return try await requireValue(Catalog.find(plan.$catalog.id, on: db)) }
        if let asked {
            guard let catalog = try await Catalog.find(asked, on: db) else {
                throw PartrackError.notFound("catalog", id: "\(asked)")
            }
            return catalog
        }
        guard
            let catalog = try await Catalog.query(on: db).filter(\.$level == unit.level)
                .sort(\.$year, .descending).sort(\.$id, .descending).first()
        else {
            throw PartrackError(
                status: .unprocessableEntity, code: "import.no_catalog",
                message: Message("import.no_catalog", ["level": unit.level.rawValue]))
        }
        return catalog
    }

    /// Parses the kept file of an import record.
    func draft(of record: PlanImportRecord) async throws -> (PlanDraft, CatalogDefinition) {
        let catalog = try await requireValue(Catalog.find(record.$catalog.id, on: db))
        let definition = try await CatalogStore.load(catalog, on: db)
        let bytes = try Data(contentsOf: services.config.dataDirectory.appendingPathComponent(record.storedPath))
        let today = services.clock.day(of: services.now())
        let context = try await context(unitID: record.$unit.id, catalog: definition, fallbackYear: today.year)
        let draft = try PlanDocumentReader.read(
            bytes, filename: record.filename, maxBytes: services.config.maxUploadBytes, context: context)
        return (draft, definition)
    }

    /// The plan's tasks as the reconciler sees them.
    func existingTasks(of plan: Plan) async throws -> [ExistingTask] {
        let planID = try plan.requireID()
        let tasks = try await PlanTask.query(on: db).filter(\.$plan.$id == planID).with(\.$area).all()
        let links = try await TaskPosition.query(on: db).filter(\.$task.$id ~~ tasks.compactMap(\.id)).all()
        let linksByTask = Dictionary(grouping: links) { $0.$task.id }
        return try tasks.map { task in
            let id = try task.requireID()
            let taskLinks = linksByTask[id] ?? []
            return ExistingTask(
                id: String(id), fingerprint: task.fingerprint, title: task.title,
                details: task.details.isEmpty ? nil : task.details, areaCode: task.area?.code,
                leadPositionKeys: taskLinks.filter { $0.part == .lead }.map { String($0.$position.id) }.sorted(),
                cooperatingPositionKeys: taskLinks.filter { $0.part == .cooperating }.map { String($0.$position.id) }
                    .sorted(),
                expectedOutput: task.expectedOutput.isEmpty ? nil : task.expectedOutput, due: task.dueDate,
                isCancelled: task.state == .cancelled)
        }
    }

    /// Criteria a task is linked to when the leader did not choose: the best suggestion, and the
    /// second too when it is nearly as likely.
    static func defaultCriteria(_ task: DraftTask) -> [String] {
        guard let best = task.suggestedCriteria.first else { return [] }
        var codes = [best.code]
        if task.suggestedCriteria.count > 1, task.suggestedCriteria[1].score * 5 >= best.score * 4 {
            codes.append(task.suggestedCriteria[1].code)
        }
        return codes
    }

    /// The task as it will be stored.
    static func newTask(_ draft: DraftTask, criteria: [String]) -> NewTask {
        NewTask(
            title: draft.title, details: draft.details ?? "", expectedOutput: draft.expectedOutput ?? "",
            areaCode: draft.areaCode, leadPositionIDs: draft.leadPositionKeys.compactMap(Int.init),
            cooperatingPositionIDs: draft.cooperatingPositionKeys.compactMap(Int.init),
            criteria: criteria.map { ($0, 1) }, dueDate: draft.due, needsAssignment: draft.needsAssignment,
            fingerprint: draft.fingerprint, sourceRef: draft.source.description)
    }
}
