import Fluent
import PartrackAPI
import PartrackDomain
import SQLKit
import Vapor

/// Issue 5: what the score will be, what is at risk, and which task to push next.
enum ProjectionAPI {
    /// GET /api/v1/projection?unit=ID&year=2023&as_of=dd/mm/yyyy — a unit's projection with its rank
    /// among its peers and its plan's goals.
    @Sendable static func unit(_ request: Request) async throws -> UnitProjectionDTO {
        let (unit, plan) = try await PlanChoice.resolve(request)
        try await request.authorize(
            .viewReports(unitID: unit.requireID()), audit: "projection.view", entity: "unit", entityID: unit.id,
            unitID: unit.id)
        return try await project(unit: unit, plan: plan, asOf: try asOfInstant(request), request: request)
    }

    /// A unit's projection with its rank among its peers; for the API and the dashboard alike.
    static func project(unit: OrgUnit, plan: Plan, asOf: Date, request: Request) async throws -> UnitProjectionDTO {
        let input = try requireValue(
            try await ProjectionFacts.input(for: plan, asOf: asOf, clock: request.partrack.clock, on: request.db))
        let projection = ProjectionEngine.project(input)
        // The other peers need only their totals to be ranked; the unit itself, everything.
        let planID = try plan.requireID()
        let peers = try await PlanChoice.peers(of: plan, unit: unit, on: request.db)
        var totals = try await ProjectionFacts.inputs(
            for: peers.filter { $0.id != planID }, asOf: asOf, clock: request.partrack.clock, detail: .totals,
            on: request.db
        ).mapValues(ProjectionEngine.totals)
        totals[planID] = projection.totals
        try await TrendRecorder.catchUp(plan: plan, input: input, on: request.db, now: request.partrack.now())
        return try await describe(
            unit: unit, plan: plan, projection: projection, ranks: rank(totals, plans: peers), request: request)
    }

    /// GET /api/v1/projections?unit=ID&year=2023&sort=projected|name — every unit with a plan below
    /// the given one (a reviewer's table), each ranked among its siblings.
    @Sendable static func table(_ request: Request) async throws -> [ProjectionRowDTO] {
        let user = try request.currentUser
        let rootID = try request.query.positiveInt("unit") ?? user.unitID
        try await request.authorize(
            .viewCompliance(unitID: rootID), audit: "projection.view", entity: "unit", entityID: rootID,
            unitID: rootID)
        let year = try request.query.positiveInt("year") ?? request.partrack.clock.day(of: request.partrack.now()).year
        var rows = try await rows(under: rootID, year: year, asOf: try asOfInstant(request), request: request)
        switch request.query.string("sort") ?? "projected" {
        case "name": rows.sort { $0.unitName < $1.unitName }
        case "projected": break  // already so
        case let other: throw PartrackError.badQuery("sort", value: other)
        }
        return rows
    }

    /// Every unit below `rootID` with a plan for `year`, by projected score, ranked among its siblings.
    static func rows(under rootID: Int, year: Int, asOf: Date, request: Request) async throws -> [ProjectionRowDTO] {
        let sql = request.db as! any SQLDatabase
        let allUnits = try await OversightRows.units(on: sql)
        let below = UnitTree(allUnits).descendants(of: rootID)
        let unitByID = Dictionary(uniqueKeysWithValues: allUnits.filter { below.contains($0.id) }.map { ($0.id, $0) })
        let plans = try await OversightRows.plans(of: below, year: year, on: sql)
        let inputs = try await ProjectionFacts.inputs(
            for: plans, asOf: asOf, clock: request.partrack.clock, detail: .totals, on: request.db)
        let projections = inputs.mapValues(ProjectionEngine.totals)
        let ranks = rank(projections, plans: plans, parents: unitByID.compactMapValues(\.parentID))
        let rows = plans.compactMap { plan -> ProjectionRowDTO? in
            guard let projection = projections[plan.id], let unit = unitByID[plan.unitID] else { return nil }
            // Counted per task: a task linked to two criteria is still one task.
            let tasks = inputs[plan.id]?.tasks ?? []
            let tally = (
                done: tasks.filter { $0.state == .done }.count, live: tasks.filter { $0.state != .cancelled }.count
            )
            return ProjectionRowDTO(
                unitID: plan.unitID, unitName: unit.name, parentID: unit.parentID, planID: plan.id,
                earned: projection.total.earned, projected: projection.total.projected,
                ceiling: projection.total.ceiling, maximum: projection.maximum,
                projectedPercent: projection.percent.projected, projectedClass: projection.classes.projected,
                rank: ranks[plan.id], tasksDone: tally.done, tasksLive: tally.live)
        }
        return rows.sorted { ($0.projected, $1.unitName) > ($1.projected, $0.unitName) }
    }

    /// POST /api/v1/projection/what-if — the figures if these tasks ended so.
    @Sendable static func whatIf(_ request: Request) async throws -> WhatIfComparison {
        let body = try request.content.decode(WhatIfRequest.self)
        let (unit, plan) = try await PlanChoice.resolve(request, unitID: body.unitID, year: body.year)
        try await request.authorize(
            .viewReports(unitID: unit.requireID()), audit: "projection.what_if", entity: "unit", entityID: unit.id,
            unitID: unit.id)
        let input = try await ProjectionFacts.input(
            for: plan, asOf: request.partrack.now(), clock: request.partrack.clock, on: request.db)
        return WhatIf.compare(body.outcomes, to: try requireValue(input))
    }

    /// Ranks each plan among the plans of its sibling units on the same catalog and year (all
    /// `plans` are of one year). Without `parents`, the plans are taken as one group of peers.
    static func rank(
        _ projections: [Int: ProjectionTotals], plans: [OversightRows.PlanRef], parents: [Int: Int]? = nil
    ) -> [Int: RankPosition] {
        let groups = Dictionary(grouping: plans) { plan in
            "\(parents.map { "\($0[plan.unitID] ?? 0)" } ?? "peers")|\(plan.catalogID)"
        }
        var ranks: [Int: RankPosition] = [:]
        for group in groups.values {
            let scores = group.compactMap { plan in
                projections[plan.id].map { (unitID: plan.id, score: $0.total.projected) }
            }
            ranks.merge(Ranking.rank(scores)) { _, new in new }
        }
        return ranks
    }

    static func describe(
        unit: OrgUnit, plan: Plan, projection: Projection, ranks: [Int: RankPosition], request: Request
    ) async throws -> UnitProjectionDTO {
        guard let catalog = try await Catalog.find(plan.$catalog.id, on: request.db) else {
            throw PartrackError.notFound("catalog", id: "\(plan.$catalog.id)")
        }
        let definition = try await CatalogStore.load(catalog, on: request.db)
        let rank = ranks[try plan.requireID()]
        let goal = GoalCheck.check(
            targetRank: plan.targetRank.flatMap { position in
                plan.targetRankOf.map { RankPosition(position: position, of: $0) }
            },
            targetClass: plan.targetClass, projection: projection, rank: rank, catalog: definition)
        var words = Dictionary(
            uniqueKeysWithValues: projection.nodes.map { ($0.code, $0.explanation.rendered(by: request.strings)) })
        words["total"] = projection.explanation.rendered(by: request.strings)
        words["goal"] = goal.explanation.rendered(by: request.strings)
        return UnitProjectionDTO(
            unitID: try unit.requireID(), unitName: unit.name, planID: try plan.requireID(), year: plan.year,
            catalogID: try catalog.requireID(), catalogName: catalog.name, catalogIsSample: catalog.isSample,
            projection: projection, rank: rank, goal: goal, words: words)
    }

    /// `as_of` (dd/mm/yyyy) means the end of that day in Vietnam; absent means now.
    static func asOfInstant(_ request: Request) throws -> Date {
        guard let day = try request.query.date("as_of") else { return request.partrack.now() }
        return request.partrack.clock.endOfDay(day).addingTimeInterval(-1)
    }
}

/// Which plan a projection request is about, and which plans are its peers.
enum PlanChoice {
    /// The unit (`?unit=` id or code, default the caller's) and its plan for `?year=` (default its latest).
    static func resolve(_ request: Request, unitID: Int? = nil, year: Int? = nil) async throws -> (OrgUnit, Plan) {
        let user = try request.currentUser
        let wanted = try unitID ?? request.query.positiveInt("unit") ?? user.unitID
        guard let unit = try await OrgUnit.find(wanted, on: request.db) else {
            throw PartrackError.notFound("unit", id: "\(wanted)")
        }
        let query = Plan.query(on: request.db).filter(\.$unit.$id == wanted).filter(\.$state != .draft)
            .sort(\.$year, .descending).sort(\.$id, .descending)
        if let year = try year ?? request.query.positiveInt("year") { query.filter(\.$year == year) }
        guard let plan = try await query.first() else {
            throw PartrackError(
                status: .notFound, code: "projection.no_plan",
                message: Message("projection.no_plan", ["unit": unit.name]))
        }
        return (unit, plan)
    }

    /// The plans of the unit's siblings (and its own) on the same catalog and year.
    static func peers(of plan: Plan, unit: OrgUnit, on db: any Database) async throws -> [OversightRows.PlanRef] {
        guard let parent = unit.$parent.id else { return [try plan.ref()] }
        let sql = db as! any SQLDatabase
        let siblings = try await OversightRows.units(childrenOf: parent, on: sql).map(\.id)
        return try await OversightRows.plans(of: siblings, year: plan.year, on: sql)
            .filter { $0.catalogID == plan.$catalog.id }
    }
}

/// Unwraps a value the code above guarantees, without a crash should the guarantee ever break.
func requireValue<T>(_ value: T?, file: String = #fileID, line: Int = #line) throws -> T {
    guard let value else { throw Abort(.internalServerError, reason: "missing value at \(file):\(line)") }
    return value
}
