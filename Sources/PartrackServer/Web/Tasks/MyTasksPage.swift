import Fluent
import PartrackDomain
import Vapor

/// "Việc của tôi": the tasks of my positions grouped by what needs doing first, my open
/// explanation requests, and the current period's reports of my positions.
enum MyTasksPage {
    struct Group: Encodable {
        let key: String
        let title: String
        let tasks: [TaskRow]
    }

    struct ReportLink: Encodable {
        let label: String
        let href: String
        let status: String
        let statusLabel: String
        let due: String
    }

    struct Context: Encodable {
        let chrome: Chrome
        let groups: [Group]
        let total: Int
        let explanations: [ExplanationLine]
        let reports: [ReportLink]
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let user = try request.currentUser
        let linked = try await TaskPosition.query(on: request.db).filter(\.$position.$id ~~ Array(user.positionIDs))
            .all()
        let tasks = try await PlanTask.query(on: request.db).join(Plan.self, on: \PlanTask.$plan.$id == \Plan.$id)
            .filter(Plan.self, \.$state == .active)
            .group(.or) { $0.filter(\.$id ~~ linked.map { $0.$task.id }).filter(\.$assignee.$id == user.id) }
            .filter(\.$state != .cancelled).sort(\.$dueDate).sort(\.$sortOrder).all()
        let rows = try await TaskRow.make(tasks, request: request)

        // Each task in the first group it belongs to, in this order.
        let order: [(String, (TaskRow) -> Bool)] = [
            ("overdue", { $0.overdue }), ("due_soon", { $0.dueSoon }), ("in_progress", { $0.status == "in_progress" }),
            ("not_started", { $0.status == "not_yet_due" }), ("done", { $0.status.hasPrefix("done") }),
        ]
        var remaining = rows
        var groups: [Group] = []
        for (key, belongs) in order {
            let members = remaining.filter(belongs)
            remaining.removeAll(where: belongs)
            groups.append(Group(key: key, title: request.localized("my_tasks.group.\(key)"), tasks: members))
        }
        return try await request.view.render(
            "my-tasks",
            Context(
                chrome: Chrome(request), groups: groups, total: rows.count,
                explanations: try await ExplanationLine.open(addressedTo: user.id, request: request),
                reports: try await reportLinks(for: user, request: request)))
    }

    /// The current period's report of each position I hold.
    static func reportLinks(for user: CurrentUser, request: Request) async throws -> [ReportLink] {
        let today = request.partrack.clock.day(of: request.partrack.now())
        guard
            let plan = try await Plan.query(on: request.db).filter(\.$unit.$id == user.unitID)
                .filter(\.$state == .active).sort(\.$year, .descending).with(\.$periods).first()
        else { return [] }
        let windows = ReportWindow.windows(of: plan.periods.map(\.spec), internalLeadDays: plan.internalLeadDays)
        let current = windows.first { today <= $0.positionDue } ?? windows.last
        guard let window = current, let period = plan.periods.first(where: { $0.kind == window.kind }),
            let periodID = period.id
        else { return [] }
        let positions = try await Position.query(on: request.db).filter(\.$id ~~ Array(user.positionIDs)).all()
        let reports = try await PeriodReport.query(on: request.db).filter(\.$period.$id == periodID).all()
        return positions.compactMap { position in
            guard let positionID = position.id else { return nil }
            let submitted = reports.first { $0.$position.id == positionID }?.submittedAt
            let status = ReportTiming.status(
                submittedAt: submitted, due: window.positionDue, asOf: request.partrack.now(),
                clock: request.partrack.clock)
            return ReportLink(
                label: request.localized(period.kind.nameKey) + " — " + position.title,
                href: Pages.positionReport.link(periodID, positionID), status: status.rawValue,
                statusLabel: request.localized(status.nameKey), due: window.positionDue.formatted)
        }
    }
}

/// An explanation request as a line of a page.
struct ExplanationLine: Encodable {
    let id: Int
    let taskTitle: String
    let taskHref: String
    let question: String
    let askedBy: String
    let askedAt: String
    let answer: String?
    let answerHref: String
    let closeHref: String
    let open: Bool
    let mayAnswer: Bool
    let mayClose: Bool

    static func open(addressedTo userID: Int, request: Request) async throws -> [ExplanationLine] {
        let requests = try await ExplanationRequest.query(on: request.db).filter(\.$addressee.$id == userID)
            .filter(\.$closedAt == nil).with(\.$task).with(\.$requestedBy).sort(\.$requestedAt).all()
        return requests.map { make($0, userID: userID, mayClose: false, request: request) }
    }

    static func make(_ explanation: ExplanationRequest, userID: Int, mayClose: Bool, request: Request)
        -> ExplanationLine
    {
        let id = explanation.id ?? 0
        return ExplanationLine(
            id: id, taskTitle: explanation.task.title, taskHref: Pages.task.link(explanation.$task.id),
            question: explanation.question, askedBy: explanation.requestedBy.displayName,
            askedAt: request.partrack.clock.formatDateTime(explanation.requestedAt), answer: explanation.answer,
            answerHref: Pages.explanationAnswer.link(id), closeHref: Pages.explanationClose.link(id),
            open: explanation.isOpen, mayAnswer: explanation.isOpen && explanation.$addressee.id == userID,
            mayClose: explanation.isOpen && mayClose)
    }
}
