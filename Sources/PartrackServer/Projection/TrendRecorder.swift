import Fluent
import PartrackDomain
import Vapor

/// Records the projection's totals at each period's due date (and on demand), so its history can
/// be drawn. Due-date snapshots are made lazily, the first time anyone looks after the date: the
/// engine reproduces a past moment exactly, so nothing is lost by not running a scheduler.
enum TrendRecorder {
    static func catchUp(plan: Plan, input: ProjectionInput?, on db: any Database, now: Date) async throws {
        guard let input else { return }
        let planID = try plan.requireID()
        let recorded = try await ProjectionSnapshot.query(on: db).filter(\.$plan.$id == planID).all().map(\.occasion)
        let periods = try await ReportPeriod.query(on: db).filter(\.$plan.$id == planID).all().map(\.spec)
        let missing = Trend.periodsAwaitingSnapshot(
            periods, recorded: Set(recorded.compactMap(PeriodKind.init(rawValue:))), now: now, clock: input.clock)
        for period in missing {
            var past = input
            past.asOf = Trend.moment(of: period, clock: input.clock)
            try await save(Trend.snapshot(past, occasion: .periodDue(period.kind)), plan: planID, on: db)
        }
    }

    static func save(_ snapshot: TrendSnapshot, plan planID: Int, on db: any Database) async throws {
        let row = ProjectionSnapshot()
        row.$plan.id = planID
        switch snapshot.occasion {
        case .periodDue(let kind): row.occasion = kind.rawValue
        // Several on-demand snapshots may be kept; the instant tells them apart.
        case .onDemand: row.occasion = "on_demand@\(Int(snapshot.asOf.timeIntervalSince1970))"
        }
        row.asOf = snapshot.asOf
        row.earnedHundredths = snapshot.total.earned.hundredths
        row.projectedHundredths = snapshot.total.projected.hundredths
        row.ceilingHundredths = snapshot.total.ceiling.hundredths
        row.maximumHundredths = snapshot.maximum.hundredths
        row.snapshotJSON = try ReportDrafts.encode(snapshot)
        do {
            try await row.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another request recorded the same moment first: theirs is the same figure.
        }
    }
}

enum TrendAPI {
    /// GET /api/v1/projection/trend?unit=&year= — the recorded snapshots, oldest first.
    @Sendable static func list(_ request: Request) async throws -> [TrendSnapshot] {
        let (unit, plan) = try await PlanChoice.resolve(request)
        try await request.authorize(
            .viewReports(unitID: unit.requireID()), audit: "projection.view", entity: "unit", entityID: unit.id,
            unitID: unit.id)
        let input = try await ProjectionFacts.input(
            for: plan, asOf: request.partrack.now(), clock: request.partrack.clock, on: request.db)
        try await TrendRecorder.catchUp(plan: plan, input: input, on: request.db, now: request.partrack.now())
        return try await snapshots(of: plan, on: request.db)
    }

    /// The recorded snapshots of a plan, oldest first.
    static func snapshots(of plan: Plan, on db: any Database) async throws -> [TrendSnapshot] {
        try await ProjectionSnapshot.query(on: db).filter(\.$plan.$id == plan.requireID())
            .sort(\.$asOf).all().compactMap { ReportDrafts.decode($0.snapshotJSON, as: TrendSnapshot.self) }
    }

    /// POST /api/v1/projection/snapshot?unit= — record the projection now (a leader of the unit).
    @Sendable static func record(_ request: Request) async throws -> TrendSnapshot {
        let (unit, plan) = try await PlanChoice.resolve(request)
        try await request.authorize(
            .approveUnitReport(unitID: unit.requireID()), audit: "projection.snapshot", entity: "unit",
            entityID: unit.id, unitID: unit.id)
        let input = try await ProjectionFacts.input(
            for: plan, asOf: request.partrack.now(), clock: request.partrack.clock, on: request.db)
        let snapshot = Trend.snapshot(try requireValue(input), occasion: .onDemand)
        try await TrendRecorder.save(snapshot, plan: plan.requireID(), on: request.db)
        return snapshot
    }
}
