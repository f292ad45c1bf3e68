import Fluent
import PartrackDomain
import Vapor

/// A report period with what working on its reports needs: its plan and unit, the window it
/// covers, the unit's positions, its lock.
struct PeriodContext {
    let period: ReportPeriod
    let plan: Plan
    let unit: OrgUnit
    let window: ReportWindow
    let positions: [Position]
    let lockedByName: String?

    var id: Int { period.id ?? 0 }
    var unitID: Int { plan.$unit.id }

    var lock: PeriodLock? {
        period.lockedAt.map { PeriodLock(lockedAt: $0, lockedBy: lockedByName ?? "—") }
    }

    var officePositionIDs: Set<Int> { Set(positions.filter(\.compilesUnitReport).compactMap(\.id)) }

    static func load(_ id: Int, on db: any Database) async throws -> PeriodContext {
        let query = ReportPeriod.query(on: db).filter(\.$id == id).with(\.$lockedBy)
            .with(\.$plan, { $0.with(\.$unit).with(\.$periods) })
        guard let period = try await query.first() else { throw PartrackError.notFound("period", id: "\(id)") }
        let plan = period.plan
        let windows = ReportWindow.windows(of: plan.periods.map(\.spec), internalLeadDays: plan.internalLeadDays)
        guard let window = windows.first(where: { $0.kind == period.kind }) else {
            throw PartrackError.notFound("period", id: "\(id)")
        }
        let positions = try await Position.query(on: db).filter(\.$unit.$id == plan.$unit.id).sort(\.$id).all()
        return PeriodContext(
            period: period, plan: plan, unit: plan.unit, window: window, positions: positions,
            lockedByName: period.lockedBy?.displayName)
    }

    /// Refuses any change while the reviewer has the period locked.
    func requireUnlocked(clock: CivilClock) throws {
        // A conflict with the period's state (409), like locking a locked period.
        if case .failure(let refusal) = PeriodLocking.checkReportChange(lock: lock, clock: clock) {
            throw PartrackError(status: .conflict, code: refusal.message.key, message: refusal.message)
        }
    }

    func position(_ id: Int) throws -> Position {
        guard let position = positions.first(where: { $0.id == id }) else {
            throw PartrackError.notFound("position", id: "\(id)")
        }
        return position
    }
}
