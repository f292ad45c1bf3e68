import Fluent
import PartrackDomain
import Vapor

/// Builds report drafts from the database: the facts of a position's tasks in a period.
enum ReportDrafts {
    /// A position's draft as of `now`, from its tasks (lead or cooperating) in the plan.
    static func positionDraft(
        _ position: Position, in context: PeriodContext, now: Date, clock: CivilClock, on db: any Database
    ) async throws -> PositionReportDraft {
        let positionID = try position.requireID()
        let links = try await TaskPosition.query(on: db).filter(\.$position.$id == positionID).all()
        let taskIDs = links.map { $0.$task.id }
        let tasks = try await PlanTask.query(on: db).filter(\.$id ~~ taskIDs)
            .filter(\.$plan.$id == context.plan.requireID()).sort(\.$sortOrder).all()
        let evidence = try await Evidence.query(on: db).filter(\.$task.$id ~~ taskIDs).all()
        let evidenceCount = Dictionary(grouping: evidence) { $0.$task.id }.mapValues(\.count)
        let updates = try await TaskUpdate.query(on: db).filter(\.$task.$id ~~ taskIDs)
            .filter(\.$at >= context.window.start(clock: clock)).filter(\.$at < context.window.end(clock: clock)).all()
        let updateCount = Dictionary(grouping: updates) { $0.$task.id }.mapValues(\.count)
        let facts = try tasks.map { task in
            let id = try task.requireID()
            return PositionTaskFacts(
                id: id, title: task.title, state: task.state, due: task.dueDate, progress: task.progress,
                completedAt: task.completedAt, evidenceCount: evidenceCount[id] ?? 0,
                updatesInPeriod: updateCount[id] ?? 0)
        }
        return PositionReportBuilder.draft(
            positionID: positionID, positionTitle: position.title, window: context.window, tasks: facts, asOf: now,
            clock: clock)
    }

    /// The unit's report compiled from its positions' parts: submitted parts as they were submitted,
    /// the others as they stand now.
    static func unitDraft(
        _ context: PeriodContext, now: Date, clock: CivilClock, on db: any Database
    ) async throws -> UnitReportDraft {
        let reports = try await PeriodReport.query(on: db).filter(\.$period.$id == context.id)
            .filter(\.$position.$id != nil).all()
        var inputs: [PositionReportInput] = []
        for position in context.positions {
            let stored = reports.first { $0.$position.id == position.id }
            if let stored, let submittedAt = stored.submittedAt,
                let draft = decode(stored.summaryJSON, as: PositionReportDraft.self)
            {
                inputs.append(PositionReportInput(draft: draft, submittedAt: submittedAt))
            } else {
                let draft = try await positionDraft(position, in: context, now: now, clock: clock, on: db)
                inputs.append(PositionReportInput(draft: draft, submittedAt: nil))
            }
        }
        return UnitReportCompiler.compile(
            unitName: context.unit.name, window: context.window, positions: inputs, asOf: now, clock: clock)
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ json: String, as type: T.Type = T.self) -> T? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(T.self, from: Data(json.utf8))
    }
}
