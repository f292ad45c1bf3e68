import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// A position's part of a period's report (pre-filled from its tasks), the unit's report with
/// the compile → approve → submit steps, and the printable report in the administrative layout.
enum ReportPages {
    struct Item: Encodable {
        let title: String
        let href: String
        let status: String
        let statusLabel: String
        let due: String
        let progress: Int
        let evidenceCount: Int
    }

    struct Counts: Encodable {
        let doneOnTime: Int
        let doneLate: Int
        let inProgress: Int
        let overdue: Int
        let notYetDue: Int
    }

    struct PositionContext: Encodable {
        let chrome: Chrome
        let periodName: String
        let positionTitle: String
        let from: String
        let cutOff: String
        let due: String
        let status: String
        let statusLabel: String
        let submittedAt: String?
        let generated: [String]
        let narrative: String
        let counts: Counts
        let items: [Item]
        let mayWrite: Bool
        let locked: Bool
        let action: String
    }

    struct NarrativeForm: Content {
        let narrative: String?
        let submit: String?
    }

    @Sendable static func position(_ request: Request) async throws -> View {
        let (context, position) = try await ReportsAPI.positionContext(request)
        try await request.authorize(
            .viewReports(unitID: context.unitID), audit: "report.view", entity: "period", entityID: context.id,
            unitID: context.unitID)
        let report = try await ReportsAPI.positionDTO(context, position: position, request: request)
        let scope = PositionReportScope(
            unitID: context.unitID, positionID: report.positionID, positionTitle: report.positionTitle)
        return try await request.view.render(
            "report-position",
            PositionContext(
                chrome: Chrome(request), periodName: request.localized(context.period.kind.nameKey),
                positionTitle: report.positionTitle, from: context.window.from.formatted,
                cutOff: context.window.cutOff.formatted, due: context.window.positionDue.formatted,
                status: report.status, statusLabel: request.localized("report.status.\(report.status)"),
                submittedAt: report.submittedAt.map(request.partrack.clock.formatDateTime),
                generated: report.generatedText, narrative: report.narrative, counts: counts(report.counts),
                items: items(report.items, request: request),
                mayWrite: request.allows(.writePositionReport(scope)), locked: context.lock != nil,
                action: Pages.positionReport.link(context.id, report.positionID)))
    }

    /// Saves the narrative, and submits when the submit button was pressed.
    @Sendable static func savePosition(_ request: Request) async throws -> Response {
        let form = try request.content.decode(NarrativeForm.self)
        let periodID = try request.id("periodID", of: "period")
        let positionID = try request.id("positionID", of: "position")
        let back = Pages.positionReport.link(periodID, positionID)
        do {
            _ = try await ReportsAPI.writePositionReport(
                request, submit: form.submit != nil, narrative: form.narrative ?? "")
            request.notice(Message(form.submit != nil ? "web.report_submitted" : "web.report_saved"))
        } catch let error as any UserFacingError {
            request.notice(error.message, error: true)
        }
        return request.redirect(to: back)
    }

    static func counts(_ counts: TaskCountsDTO) -> Counts {
        Counts(
            doneOnTime: counts.doneOnTime, doneLate: counts.doneLate, inProgress: counts.inProgress,
            overdue: counts.overdue, notYetDue: counts.notYetDue)
    }

    static func items(_ items: [ReportItemDTO], request: Request) -> [Item] {
        items.map {
            Item(
                title: $0.title, href: Pages.task.link($0.taskID), status: $0.status,
                statusLabel: request.localized("deadline.\($0.status)"),
                due: $0.due.flatMap { LocalDate(iso: $0) }?.formatted ?? "—", progress: $0.progress,
                evidenceCount: $0.evidenceCount)
        }
    }
}
