import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// The plans a person may read, one plan with its tasks by area and position, and a leader's
/// hand-made task.
enum PlanPages {
    struct PlanLine: Encodable {
        let title: String
        let href: String
        let unitName: String
        let year: Int
        let taskCount: Int
        let state: String
    }

    struct ListContext: Encodable {
        let chrome: Chrome
        let plans: [PlanLine]
        let mayImport: Bool
    }

    @Sendable static func list(_ request: Request) async throws -> View {
        let user = try request.currentUser
        let query = Plan.query(on: request.db).with(\.$unit).sort(\.$year, .descending).sort(\.$id)
        if let readable = user.readableUnitIDs { query.filter(\.$unit.$id ~~ Array(readable)) }
        let plans = try await query.all()
        let counts = try await PlansAPI.taskCounts(of: plans.compactMap(\.id), on: request.db)
        return try await request.view.render(
            "plans",
            ListContext(
                chrome: Chrome(request),
                plans: plans.map {
                    PlanLine(
                        title: $0.title, href: Pages.plan.link($0.id ?? 0), unitName: $0.unit.name, year: $0.year,
                        taskCount: counts[$0.id ?? 0] ?? 0, state: request.localized("plan.state.\($0.state.rawValue)"))
                },
                mayImport: user.role == .leader || user.role == .admin))
    }

    struct AreaGroup: Encodable {
        let code: String
        let title: String
        let positions: [DashboardPage.PositionGroup]
    }

    struct PeriodLine: Encodable {
        let name: String
        let due: String
    }

    struct DetailContext: Encodable {
        let chrome: Chrome
        let title: String
        let unitName: String
        let number: String
        let documentDate: String
        let goals: String
        let periods: [PeriodLine]
        let areas: [AreaGroup]
        let toAssign: [TaskRow]
        let mayDirect: Bool
        let newTaskHref: String
        let reimportHref: String
    }

    @Sendable static func detail(_ request: Request) async throws -> View {
        let id = try request.id("planID", of: "plan")
        guard
            let plan = try await Plan.query(on: request.db).filter(\.$id == id).with(\.$unit).with(\.$periods).first(),
            try request.currentUser.readableUnitIDs?.contains(plan.$unit.id) ?? true
        else { throw PartrackError.notFound("plan", id: "\(id)") }
        let user = try request.currentUser
        let tasks = try await PlanTask.query(on: request.db).filter(\.$plan.$id == id).filter(\.$state != .cancelled)
            .sort(\.$sortOrder).all()
        let rows = try await TaskRow.make(tasks, request: request)
        let areaCodes = rows.map(\.areaCode).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let goals = [
            plan.targetRank.flatMap { rank in
                plan.targetRankOf.map { request.localized("plan.goal_rank", ["rank": "\(rank)/\($0)"]) }
            },
            plan.targetClass.map { request.localized("plan.goal_class", ["class": $0]) },
        ].compactMap { $0 }.joined(separator: "; ")
        return try await request.view.render(
            "plan",
            DetailContext(
                chrome: Chrome(request), title: plan.title, unitName: plan.unit.name,
                number: plan.number.isEmpty ? "—" : plan.number, documentDate: plan.documentDate?.formatted ?? "—",
                goals: goals.isEmpty ? "—" : goals,
                periods: plan.periods.sorted { $0.kind < $1.kind }.map {
                    PeriodLine(name: request.localized($0.kind.nameKey), due: $0.dueDate.formatted)
                },
                areas: areaCodes.map { code in
                    let inArea = rows.filter { $0.areaCode == code && !$0.positions.isEmpty }
                    return AreaGroup(
                        code: code, title: inArea.first?.areaTitle ?? request.localized("plan.no_area"),
                        positions: DashboardPage.positionGroups(inArea))
                },
                toAssign: rows.filter { $0.positions.isEmpty },
                mayDirect: AccessPolicy.mayDirect(user.acting, unitID: plan.$unit.id),
                newTaskHref: Pages.planTaskNew.link(id), reimportHref: Pages.planImport.link() + "?plan=\(id)"))
    }

    // MARK: A leader's own task

    struct NewTaskContext: Encodable {
        let chrome: Chrome
        let planTitle: String
        let action: String
        let areas: [FormOption]
        let positions: [FormOption]
        let criteria: [FormOption]
        let error: String?
    }

    struct NewTaskForm: Content {
        let title: String
        let details: String?
        let areaCode: String?
        let leadPositionIDs: [Int]?
        let criteria: [String]?
        let dueDate: String?
    }

    @Sendable static func newTask(_ request: Request) async throws -> View {
        try await newTaskPage(request, error: nil)
    }

    static func newTaskPage(_ request: Request, error: String?) async throws -> View {
        let (plan, catalog) = try await directedPlan(request)
        let positions = try await Position.query(on: request.db).filter(\.$unit.$id == plan.$unit.id).sort(\.$id).all()
        return try await request.view.render(
            "task-new",
            NewTaskContext(
                chrome: Chrome(request), planTitle: plan.title, action: Pages.planTaskNew.link(try plan.requireID()),
                areas: catalog.areas.map { FormOption(value: $0.code, label: "\($0.code). \($0.title)") },
                positions: positions.map { FormOption(value: "\($0.id ?? 0)", label: $0.title) },
                criteria: catalog.allNodes.filter(\.isLeaf).map {
                    FormOption(value: $0.code, label: "\($0.code) \($0.title)")
                },
                error: error))
    }

    @Sendable static func createTask(_ request: Request) async throws -> Response {
        let (plan, catalog) = try await directedPlan(request)
        let form = try request.content.decode(NewTaskForm.self)
        let planID = try plan.requireID()
        do {
            guard let title = form.title.nonBlank else {
                throw PartrackError.badRequest(Message("plan.title_required"))
            }
            var due: LocalDate?
            if let text = form.dueDate?.nonBlank {
                do { due = try DateInput.parse(text) } catch {
                    throw PartrackError(status: .badRequest, code: error.message.key, message: error.message)
                }
            }
            let known = Set(catalog.allNodes.filter(\.isLeaf).map(\.code))
            let criteria = (form.criteria ?? []).filter(known.contains)
            let leads = form.leadPositionIDs ?? []
            try await TaskUpdateAPI.checkBelongToUnit(
                TaskAssignment(leadPositionIDs: Set(leads)), unitID: plan.$unit.id, on: request.db)
            let order =
                (try await PlanTask.query(on: request.db).filter(\.$plan.$id == planID).max(\.$sortOrder) ?? 0) + 1
            let nodeIDs = try await PlanWriter.nodeIDsByCode(catalogID: plan.$catalog.id, on: request.db)
            let dueDate = due
            try await request.db.transaction { db in
                try await PlanWriter.add(
                    [
                        NewTask(
                            title: title, details: form.details ?? "", areaCode: form.areaCode?.nonBlank,
                            leadPositionIDs: leads, criteria: criteria.map { ($0, 1) }, dueDate: dueDate,
                            needsAssignment: leads.isEmpty)
                    ], to: planID, firstSortOrder: order, nodeIDs: nodeIDs, on: db)
                try await Audit.record(
                    "task.create", entity: "plan", entityID: planID, unitID: plan.$unit.id, after: ["title": title],
                    by: request, on: db)
            }
        } catch let error as any UserFacingError {
            return try await newTaskPage(request, error: request.localized(error.message)).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
        request.notice(Message("web.task_created"))
        return request.redirect(to: Pages.plan.link(planID))
    }

    /// The plan of the URL, for a leader of its unit (or an admin), with its catalog.
    static func directedPlan(_ request: Request) async throws -> (Plan, CatalogDefinition) {
        let id = try request.id("planID", of: "plan")
        guard let plan = try await Plan.find(id, on: request.db) else {
            throw PartrackError.notFound("plan", id: "\(id)")
        }
        let user = try request.currentUser
        guard user.role == .admin || AccessPolicy.mayDirect(user.acting, unitID: plan.$unit.id) else {
            throw PartrackError(status: .forbidden, code: "import.not_allowed", message: Message("plan.not_leader"))
        }
        let catalog = try await requireValue(Catalog.find(plan.$catalog.id, on: request.db))
        return (plan, try await CatalogStore.load(catalog, on: request.db))
    }
}
