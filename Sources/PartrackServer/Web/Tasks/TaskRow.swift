import Fluent
import PartrackDomain
import Vapor

/// A task as a line of a page: what an officer needs to see at a glance.
struct TaskRow: Encodable {
    let id: Int
    let title: String
    let href: String
    let areaCode: String
    let areaTitle: String
    let criteria: String
    let positions: String
    let due: String
    /// "còn 5 ngày", "quá hạn 3 ngày", "" when done or without a due date.
    let daysLeft: String
    /// A `DeadlineStatus` raw value, also the CSS class of the status colour.
    let status: String
    let statusLabel: String
    let progress: Int
    let overdue: Bool
    let dueSoon: Bool

    /// Rows for `tasks`, with the few lookups they need done once for all.
    static func make(_ tasks: [PlanTask], request: Request) async throws -> [TaskRow] {
        guard !tasks.isEmpty else { return [] }
        let db = request.db
        let ids = tasks.compactMap(\.id)
        let areaIDs = Array(Set(tasks.compactMap { $0.$area.id }))
        let areas = try await CatalogNode.query(on: db).filter(\.$id ~~ areaIDs).all()
        let areaByID = Dictionary(uniqueKeysWithValues: areas.compactMap { node in node.id.map { ($0, node) } })
        let links = try await TaskCriterion.query(on: db).filter(\.$task.$id ~~ ids).with(\.$node).all()
        let codesByTask = Dictionary(grouping: links) { $0.$task.id }.mapValues { $0.map(\.node.code).sorted() }
        let positions = try await TaskPosition.query(on: db).filter(\.$task.$id ~~ ids).with(\.$position).all()
        let positionsByTask = Dictionary(grouping: positions) { $0.$task.id }
        let now = request.partrack.now()
        let clock = request.partrack.clock
        let today = clock.day(of: now)

        return tasks.map { task in
            let id = task.id ?? 0
            let status = DeadlineStatus.of(
                state: task.state, due: task.dueDate, completedAt: task.completedAt, asOf: now, clock: clock)
            let area = task.$area.id.flatMap { areaByID[$0] }
            let left = task.dueDate.map { today.days(until: $0) }
            var daysLeft = ""
            if let left, !status.isDone, status != .cancelled {
                daysLeft =
                    left < 0
                    ? request.localized("task.days_overdue", ["days": "\(-left)"])
                    : request.localized("task.days_left", ["days": "\(left)"])
            }
            return TaskRow(
                id: id, title: task.title, href: Pages.task.link(id), areaCode: area?.code ?? "",
                areaTitle: area?.title ?? "", criteria: (codesByTask[id] ?? []).joined(separator: ", "),
                positions: (positionsByTask[id] ?? []).sorted { $0.part == .lead && $1.part != .lead }
                    .map(\.position.title).joined(separator: ", "),
                due: task.dueDate?.formatted ?? "—", daysLeft: daysLeft, status: status.rawValue,
                statusLabel: request.localized(status.nameKey), progress: task.progress,
                overdue: status == .overdue,
                dueSoon: !status.isDone && status != .overdue && status != .cancelled
                    && (left.map { $0 <= 14 } ?? false))
        }
    }
}
