import Fluent
import PartrackDomain
import Vapor

/// GET / — the units and their plans, in Vietnamese by default.
enum HomePage {
    struct Context: Encodable {
        let chrome: Chrome
        let units: [UnitRow]
        let sampleCatalogs: [String]
    }

    struct UnitRow: Encodable {
        let name: String
        let levelName: String
        let depth: Int
        let plans: [PlanRow]
    }

    struct PlanRow: Encodable {
        let title: String
        let year: Int
        let taskCount: Int
        let dueDates: String
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        if let user = request.auth.get(CurrentUser.self) {
            return request.redirect(to: SignInPages.landing(for: user))
        }
        let units = try await OrgUnit.query(on: request.db).sort(\.$id).all()
        let plans = try await Plan.query(on: request.db).with(\.$periods).sort(\.$year, .descending).all()
        let counts = try await PlansAPI.taskCounts(of: plans.compactMap(\.id), on: request.db)
        let plansByUnit = Dictionary(grouping: plans) { $0.$unit.id }
        let catalogs = try await Catalog.query(on: request.db).filter(\.$isSample == true).all()

        // Depth-first from the top, so each commune sits under its district.
        let childrenByParent = Dictionary(grouping: units) { $0.$parent.id }
        var rows: [UnitRow] = []
        func visit(_ unit: OrgUnit, depth: Int) {
            rows.append(
                UnitRow(
                    name: unit.name, levelName: request.localized(unit.level.nameKey), depth: depth,
                    plans: (plansByUnit[unit.id ?? 0] ?? []).map { plan in
                        PlanRow(
                            title: plan.title, year: plan.year, taskCount: counts[plan.id ?? 0] ?? 0,
                            dueDates: plan.periods.sorted { $0.kind < $1.kind }.map(\.dueDate.formatted)
                                .joined(separator: ", "))
                    }))
            for child in childrenByParent[unit.id] ?? [] { visit(child, depth: depth + 1) }
        }
        for root in childrenByParent[nil] ?? [] { visit(root, depth: 0) }
        return try await request.view.render(
            "home", Context(chrome: Chrome(request), units: rows, sampleCatalogs: catalogs.map(\.name))
        ).encodeResponse(for: request)
    }
}
