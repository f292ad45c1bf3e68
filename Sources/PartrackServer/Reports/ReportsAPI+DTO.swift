import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

extension ReportsAPI {
    static func status(of context: PeriodContext, request: Request) async throws -> PeriodStatusDTO {
        let reports = try await PeriodReport.query(on: request.db).filter(\.$period.$id == context.id).all()
        let now = request.partrack.now()
        let clock = request.partrack.clock
        let unitReport = reports.first { $0.scopeKey == "unit" }
        return PeriodStatusDTO(
            id: context.id, planID: try context.plan.requireID(), unitID: context.unitID,
            kind: context.period.kind.rawValue, from: context.window.from.iso, cutOff: context.window.cutOff.iso,
            due: context.window.unitDue.iso, positionDue: context.window.positionDue.iso,
            lockedAt: context.period.lockedAt, lockedBy: context.lockedByName,
            unitReport: ReportStateDTO(
                status: ReportTiming.status(
                    submittedAt: unitReport?.submittedAt, due: context.window.unitDue, asOf: now, clock: clock
                ).rawValue, submittedAt: unitReport?.submittedAt, approvedAt: unitReport?.approvedAt),
            positions: try context.positions.map { position in
                let submitted = reports.first { $0.$position.id == position.id }?.submittedAt
                return PositionReportStateDTO(
                    positionID: try position.requireID(), positionTitle: position.title,
                    status: ReportTiming.status(
                        submittedAt: submitted, due: context.window.positionDue, asOf: now, clock: clock
                    ).rawValue, submittedAt: submitted)
            })
    }

    static func positionDTO(_ context: PeriodContext, position: Position, request: Request) async throws
        -> PositionReportDTO
    {
        let positionID = try position.requireID()
        let stored = try await PeriodReport.query(on: request.db).filter(\.$period.$id == context.id)
            .filter(\.$scopeKey == "position:\(positionID)").with(\.$submittedBy).first()
        let now = request.partrack.now()
        let clock = request.partrack.clock
        let draft: PositionReportDraft
        if let stored, stored.submittedAt != nil,
            let submitted = ReportDrafts.decode(stored.summaryJSON, as: PositionReportDraft.self)
        {
            draft = submitted
        } else {
            draft = try await ReportDrafts.positionDraft(position, in: context, now: now, clock: clock, on: request.db)
        }
        return PositionReportDTO(
            periodID: context.id, kind: context.period.kind.rawValue, positionID: positionID,
            positionTitle: position.title, from: context.window.from.iso, cutOff: context.window.cutOff.iso,
            due: context.window.positionDue.iso,
            status: ReportTiming.status(
                submittedAt: stored?.submittedAt, due: context.window.positionDue, asOf: now, clock: clock
            ).rawValue,
            submittedAt: stored?.submittedAt, submittedBy: stored?.submittedBy?.displayName,
            narrative: stored?.narrative ?? "", version: stored?.version ?? 0, counts: draft.counts.dto,
            items: draft.items.map(\.dto), generatedText: draft.narrative.map(request.localized))
    }

    static func unitDTO(_ context: PeriodContext, request: Request) async throws -> UnitReportDTO {
        let stored = try await PeriodReport.query(on: request.db).filter(\.$period.$id == context.id)
            .filter(\.$scopeKey == "unit").with(\.$approvedBy).first()
        let now = request.partrack.now()
        let clock = request.partrack.clock
        let compiled = stored.flatMap { ReportDrafts.decode($0.summaryJSON, as: UnitReportDraft.self) }
        let draft: UnitReportDraft
        if let compiled {
            draft = compiled
        } else {
            draft = try await ReportDrafts.unitDraft(context, now: now, clock: clock, on: request.db)
        }
        return UnitReportDTO(
            periodID: context.id, kind: context.period.kind.rawValue, unitID: context.unitID,
            unitName: context.unit.name, from: context.window.from.iso, cutOff: context.window.cutOff.iso,
            due: context.window.unitDue.iso,
            status: ReportTiming.status(
                submittedAt: stored?.submittedAt, due: context.window.unitDue, asOf: now, clock: clock
            ).rawValue,
            compiled: compiled != nil, approvedAt: stored?.approvedAt, approvedBy: stored?.approvedBy?.displayName,
            submittedAt: stored?.submittedAt, narrative: stored?.narrative ?? "", version: stored?.version ?? 0,
            counts: draft.counts.dto,
            positions: draft.positions.map {
                PositionReportStateDTO(
                    positionID: $0.positionID, positionTitle: $0.positionTitle, status: $0.status.rawValue,
                    submittedAt: $0.submittedAt)
            },
            items: draft.groups.flatMap(\.items).map(\.dto), generatedText: draft.narrative.map(request.localized))
    }
}

extension TaskStatusCounts {
    var dto: TaskCountsDTO {
        TaskCountsDTO(
            notYetDue: notYetDue, inProgress: inProgress, doneOnTime: doneOnTime, doneLate: doneLate, overdue: overdue,
            cancelled: cancelled)
    }
}

extension ReportItem {
    var dto: ReportItemDTO {
        ReportItemDTO(
            taskID: taskID, title: title, status: status.rawValue, due: due?.iso, progress: progress,
            evidenceCount: evidenceCount, completedInPeriod: completedInPeriod)
    }
}
