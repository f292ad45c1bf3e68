import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

enum PlansAPI {
    /// GET /api/v1/plans?unit=ID&year=2023
    @Sendable static func list(_ request: Request) async throws -> PageDTO<PlanDTO> {
        let query = Plan.query(on: request.db).with(\.$periods).sort(\.$year, .descending).sort(\.$id)
        if let readable = try request.currentUser.readableUnitIDs { query.filter(\.$unit.$id ~~ Array(readable)) }
        if let unit = try request.query.positiveInt("unit") { query.filter(\.$unit.$id == unit) }
        if let year = try request.query.positiveInt("year") { query.filter(\.$year == year) }
        return try await PageRequest(request).fetch(query) { plans in
            let counts = try await taskCounts(of: plans.compactMap(\.id), on: request.db)
            return try plans.map { try $0.toDTO(taskCount: counts[$0.requireID()] ?? 0) }
        }
    }

    /// GET /api/v1/plans/:planID
    @Sendable static func show(_ request: Request) async throws -> PlanDTO {
        let id = try request.id("planID", of: "plan")
        guard let plan = try await Plan.query(on: request.db).filter(\.$id == id).with(\.$periods).first(),
            try request.currentUser.readableUnitIDs?.contains(plan.$unit.id) ?? true
        else {
            throw PartrackError.notFound("plan", id: "\(id)")
        }
        let counts = try await taskCounts(of: [id], on: request.db)
        return try plan.toDTO(taskCount: counts[id] ?? 0)
    }

    static func taskCounts(of planIDs: [Int], on db: any Database) async throws -> [Int: Int] {
        guard !planIDs.isEmpty else { return [:] }
        let tasks = try await PlanTask.query(on: db).filter(\.$plan.$id ~~ planIDs).field(\.$plan.$id).all()
        return Dictionary(grouping: tasks, by: { $0.$plan.id }).mapValues(\.count)
    }
}

extension Plan {
    /// Needs `periods` eager-loaded.
    func toDTO(taskCount: Int) throws -> PlanDTO {
        PlanDTO(
            id: try requireID(), unitID: $unit.id, catalogID: $catalog.id, year: year, number: number,
            documentDate: documentDate?.iso, title: title, targetRank: targetRank, targetRankOf: targetRankOf,
            targetClass: targetClass, state: state.rawValue,
            periods: try periods.sorted { $0.kind < $1.kind }.map {
                ReportPeriodDTO(
                    id: try $0.requireID(), kind: $0.kind.rawValue, cutOff: $0.cutOff.iso, due: $0.dueDate.iso)
            },
            taskCount: taskCount)
    }
}
