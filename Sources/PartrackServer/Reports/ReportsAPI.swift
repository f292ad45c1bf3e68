import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// Periods and their reports: a position's part (to the commune office), the unit's report
/// (compiled, approved, submitted to the reviewing unit), and the reviewer's lock.
enum ReportsAPI {
    // MARK: Period

    /// GET /api/v1/periods?unit=ID&year=2023&kind=Q1 — the periods of the unit's plan for the year
    /// (default: its latest plan), with where each report stands.
    @Sendable static func list(_ request: Request) async throws -> [PeriodStatusDTO] {
        let (unit, plan) = try await PlanChoice.resolve(request)
        try await request.authorize(
            .viewReports(unitID: try unit.requireID()), audit: "report.view", entity: "unit", entityID: unit.id,
            unitID: unit.id)
        let query = ReportPeriod.query(on: request.db).filter(\.$plan.$id == (try plan.requireID()))
        if let text = request.query.string("kind") {
            guard let kind = PeriodKind(rawValue: text) else { throw PartrackError.badQuery("kind", value: text) }
            query.filter(\.$kind == kind)
        }
        var result: [PeriodStatusDTO] = []
        for period in try await query.all().sorted(by: { $0.kind < $1.kind }) {
            result.append(
                try await status(of: try await PeriodContext.load(period.requireID(), on: request.db), request: request)
            )
        }
        return result
    }

    /// GET /api/v1/periods/:periodID — where every report of the period stands.
    @Sendable static func period(_ request: Request) async throws -> PeriodStatusDTO {
        let context = try await PeriodContext.load(try request.id("periodID", of: "period"), on: request.db)
        try await request.authorize(
            .viewReports(unitID: context.unitID), audit: "report.view", entity: "period", entityID: context.id,
            unitID: context.unitID)
        return try await status(of: context, request: request)
    }

    /// PATCH /api/v1/periods/:periodID — a leader changes the period's dates (with a reason).
    @Sendable static func change(_ request: Request) async throws -> PeriodStatusDTO {
        let context = try await PeriodContext.load(try request.id("periodID", of: "period"), on: request.db)
        try await request.authorize(
            .approveUnitReport(unitID: context.unitID), audit: "period.change", entity: "period",
            entityID: context.id, unitID: context.unitID)
        try context.requireUnlocked(clock: request.partrack.clock)
        let body = try request.content.decode(PeriodChangeRequest.self)
        guard let reason = body.reason?.nonBlank else {
            throw PartrackError.badRequest(Message("report.reason_required"))
        }
        let before = context.period.spec
        if let due = body.due { context.period.dueDate = try parseDate(due, field: "due") }
        if let cutOff = body.cutOff { context.period.cutOff = try parseDate(cutOff, field: "cut_off") }
        guard context.period.cutOff < context.period.dueDate else {
            throw PartrackError(
                status: .unprocessableEntity, code: "report.cut_off_after_due",
                message: Message("report.cut_off_after_due"))
        }
        try await request.db.transaction { db in
            try await context.period.save(on: db)
            try await Audit.record(
                "period.change", entity: "period", entityID: context.id, unitID: context.unitID, before: before,
                after: context.period.spec, reason: reason, by: request, on: db)
        }
        return try await status(of: try await PeriodContext.load(context.id, on: request.db), request: request)
    }

    /// POST /api/v1/periods/:periodID/lock and …/reopen — the reviewer's lock.
    @Sendable static func lock(_ request: Request) async throws -> PeriodStatusDTO {
        let context = try await PeriodContext.load(try request.id("periodID", of: "period"), on: request.db)
        let user = try request.currentUser
        let now = request.partrack.now()
        let lock = try await refusalLogged(
            PeriodLocking.lock(
                context.lock, unitID: context.unitID, by: user.acting, userName: user.displayName, now: now,
                clock: request.partrack.clock), action: "period.lock", context: context, request: request)
        context.period.lockedAt = lock.lockedAt
        context.period.$lockedBy.id = user.id
        try await request.db.transaction { db in
            try await context.period.save(on: db)
            try await Audit.record(
                "period.lock", entity: "period", entityID: context.id, unitID: context.unitID, after: lock,
                reason: try request.content.decode(PeriodChangeRequest.self).reason ?? "", by: request, on: db)
        }
        return try await status(of: try await PeriodContext.load(context.id, on: request.db), request: request)
    }

    @Sendable static func reopen(_ request: Request) async throws -> PeriodStatusDTO {
        let context = try await PeriodContext.load(try request.id("periodID", of: "period"), on: request.db)
        let user = try request.currentUser
        _ = try await refusalLogged(
            PeriodLocking.reopen(context.lock, unitID: context.unitID, by: user.acting), action: "period.reopen",
            context: context, request: request)
        let before = context.lock
        context.period.lockedAt = nil
        context.period.$lockedBy.id = nil
        try await request.db.transaction { db in
            try await context.period.save(on: db)
            try await Audit.record(
                "period.reopen", entity: "period", entityID: context.id, unitID: context.unitID, before: before,
                reason: try request.content.decode(PeriodChangeRequest.self).reason ?? "", by: request, on: db)
        }
        return try await status(of: try await PeriodContext.load(context.id, on: request.db), request: request)
    }

    // MARK: Position reports

    /// GET /api/v1/periods/:periodID/positions/:positionID/report — the part as submitted, or the
    /// live draft from the position's tasks with the narrative saved so far.
    @Sendable static func positionReport(_ request: Request) async throws -> PositionReportDTO {
        let (context, position) = try await positionContext(request)
        try await request.authorize(
            .viewReports(unitID: context.unitID), audit: "report.view", entity: "period", entityID: context.id,
            unitID: context.unitID)
        return try await positionDTO(context, position: position, request: request)
    }

    /// PUT …/report — save the narrative; POST …/report/submit — submit the part.
    @Sendable static func savePositionReport(_ request: Request) async throws -> PositionReportDTO {
        try await writePositionReport(
            request, submit: false, narrative: try request.content.decode(ReportNarrativeRequest.self).narrative)
    }

    @Sendable static func submitPositionReport(_ request: Request) async throws -> PositionReportDTO {
        try await writePositionReport(
            request, submit: true, narrative: try request.content.decode(ReportNarrativeRequest.self).narrative)
    }

    /// Saves (and with `submit`, submits) a position's part; the API and the report page alike.
    static func writePositionReport(_ request: Request, submit: Bool, narrative: String?) async throws
        -> PositionReportDTO
    {
        let (context, position) = try await positionContext(request)
        let positionID = try position.requireID()
        try await request.authorize(
            .writePositionReport(
                PositionReportScope(unitID: context.unitID, positionID: positionID, positionTitle: position.title)),
            audit: submit ? "report.submit" : "report.save", entity: "period", entityID: context.id,
            unitID: context.unitID)
        try context.requireUnlocked(clock: request.partrack.clock)
        let user = try request.currentUser
        let now = request.partrack.now()
        let report = try await findOrMake(context, positionID: positionID, on: request.db)
        let before = ["narrative": report.narrative, "submitted_at": report.submittedAt?.ISO8601Format() ?? ""]
        if let narrative { report.narrative = narrative }
        if submit {
            let draft = try await ReportDrafts.positionDraft(
                position, in: context, now: now, clock: request.partrack.clock, on: request.db)
            report.summaryJSON = try ReportDrafts.encode(draft)
            report.submittedAt = now
            report.$submittedBy.id = user.id
        }
        report.version += 1
        try await request.db.transaction { db in
            try await report.save(on: db)
            try await Audit.record(
                submit ? "report.submit" : "report.save", entity: "period_report", entityID: report.id,
                unitID: context.unitID, before: before,
                after: ["narrative": report.narrative, "submitted_at": report.submittedAt?.ISO8601Format() ?? ""],
                by: request, on: db)
        }
        return try await positionDTO(context, position: position, request: request)
    }

    // MARK: Unit report

    /// GET /api/v1/periods/:periodID/unit-report
    @Sendable static func unitReport(_ request: Request) async throws -> UnitReportDTO {
        let context = try await PeriodContext.load(try request.id("periodID", of: "period"), on: request.db)
        try await request.authorize(
            .viewReports(unitID: context.unitID), audit: "report.view", entity: "period", entityID: context.id,
            unitID: context.unitID)
        return try await unitDTO(context, request: request)
    }

    /// POST …/unit-report/compile — the commune office (or the leader) compiles the positions' parts.
    @Sendable static func compile(_ request: Request) async throws -> UnitReportDTO {
        try await changeUnitReport(request, act: .compile)
    }

    /// POST …/unit-report/approve — the chairperson approves the compiled report.
    @Sendable static func approve(_ request: Request) async throws -> UnitReportDTO {
        try await changeUnitReport(request, act: .approve)
    }

    /// POST …/unit-report/submit — the chairperson sends the approved report to the reviewing unit.
    @Sendable static func submit(_ request: Request) async throws -> UnitReportDTO {
        try await changeUnitReport(request, act: .submit)
    }

    enum UnitAct: String { case compile, approve, submit }

    static func changeUnitReport(_ request: Request, act: UnitAct) async throws -> UnitReportDTO {
        let context = try await PeriodContext.load(try request.id("periodID", of: "period"), on: request.db)
        let action: AccessAction
        switch act {
        case .compile: action = .compileUnitReport(unitID: context.unitID, officePositionIDs: context.officePositionIDs)
        case .approve: action = .approveUnitReport(unitID: context.unitID)
        case .submit: action = .submitUnitReport(unitID: context.unitID)
        }
        try await request.authorize(
            action, audit: "report.\(act.rawValue)", entity: "period", entityID: context.id, unitID: context.unitID)
        try context.requireUnlocked(clock: request.partrack.clock)
        let body = try? request.content.decode(ReportNarrativeRequest.self)
        let user = try request.currentUser
        let now = request.partrack.now()
        let report = try await findOrMake(context, positionID: nil, on: request.db)
        let compiled = report.summaryJSON != "{}"
        switch act {
        case .compile:
            let draft = try await ReportDrafts.unitDraft(
                context, now: now, clock: request.partrack.clock, on: request.db)
            report.summaryJSON = try ReportDrafts.encode(draft)
            // A recompiled report needs approving again.
            report.approvedAt = nil
            report.$approvedBy.id = nil
        case .approve:
            guard compiled else { throw refusal("report.not_compiled") }
            report.approvedAt = now
            report.$approvedBy.id = user.id
        case .submit:
            guard report.approvedAt != nil else { throw refusal("report.not_approved") }
            report.submittedAt = now
            report.$submittedBy.id = user.id
        }
        if let narrative = body?.narrative { report.narrative = narrative }
        report.version += 1
        try await request.db.transaction { db in
            try await report.save(on: db)
            try await Audit.record(
                "report.\(act.rawValue)", entity: "period_report", entityID: report.id, unitID: context.unitID,
                after: [
                    "approved_at": report.approvedAt?.ISO8601Format() ?? "",
                    "submitted_at": report.submittedAt?.ISO8601Format() ?? "",
                ], by: request, on: db)
        }
        return try await unitDTO(context, request: request)
    }

    // MARK: Helpers

    static func refusal(_ key: String) -> PartrackError {
        PartrackError(status: .unprocessableEntity, code: key, message: Message(key))
    }

    /// Unwraps a lock decision; a refusal because of who asked is logged like any other refusal.
    static func refusalLogged<T>(
        _ result: Result<T, ReportRefusal>, action: String, context: PeriodContext, request: Request
    ) async throws -> T {
        switch result {
        case .success(let value): return value
        case .failure(let refusal):
            if case .denied(let reason) = refusal {
                try await Audit.record(
                    action, entity: "period", entityID: context.id, unitID: context.unitID,
                    reason: request.localized(reason), outcome: .refused, by: request, on: request.db)
                throw PartrackError(status: .forbidden, code: reason.key, message: reason)
            }
            throw PartrackError(status: .conflict, code: refusal.message.key, message: refusal.message)
        }
    }

    static func positionContext(_ request: Request) async throws -> (PeriodContext, Position) {
        let context = try await PeriodContext.load(try request.id("periodID", of: "period"), on: request.db)
        return (context, try context.position(try request.id("positionID", of: "position")))
    }

    static func findOrMake(_ context: PeriodContext, positionID: Int?, on db: any Database) async throws -> PeriodReport
    {
        let scope = positionID.map { "position:\($0)" } ?? "unit"
        if let existing = try await PeriodReport.query(on: db).filter(\.$period.$id == context.id)
            .filter(\.$scopeKey == scope).first()
        {
            return existing
        }
        return PeriodReport(periodID: context.id, unitID: context.unitID, positionID: positionID)
    }

    static func parseDate(_ text: String, field: String) throws -> LocalDate {
        if let date = LocalDate(iso: text) { return date }
        do {
            return try DateInput.parse(text)
        } catch {
            throw PartrackError(
                status: .badRequest, code: error.message.key, message: error.message, details: ["field": field])
        }
    }
}
