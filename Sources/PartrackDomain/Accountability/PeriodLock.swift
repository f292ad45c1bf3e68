import Foundation

/// A reviewer's lock on a unit's report period: once the district has taken the reports in, they
/// no longer change unless the reviewer reopens the period.
public struct PeriodLock: Sendable, Equatable, Codable {
    public var lockedAt: Date
    /// The reviewer's display name, to say who locked it.
    public var lockedBy: String

    public init(lockedAt: Date, lockedBy: String) {
        self.lockedAt = lockedAt
        self.lockedBy = lockedBy
    }
}

/// Why a report or a period may not change.
public enum ReportRefusal: UserFacingError, Equatable {
    /// The period is locked: no report of it may be drafted, edited, compiled, approved or submitted.
    case periodLocked(by: String, since: String)
    case alreadyLocked(by: String, since: String)
    case notLocked
    /// The access rules said no; the message says why.
    case denied(Message)

    public var message: Message {
        switch self {
        case .periodLocked(let by, let since): return Message(.reportPeriodLocked, ["by": by, "since": since])
        case .alreadyLocked(let by, let since): return Message(.reportPeriodAlreadyLocked, ["by": by, "since": since])
        case .notLocked: return Message(.reportPeriodNotLocked)
        case .denied(let message): return message
        }
    }
}

/// Locking and reopening a unit's report period, and the rule that a locked period's reports do not change.
public enum PeriodLocking {
    /// Any change to a report of the period (draft, edit, compile, approve, submit) asks this first.
    public static func checkReportChange(lock: PeriodLock?, clock: CivilClock) -> Result<Void, ReportRefusal> {
        guard let lock else { return .success(()) }
        return .failure(.periodLocked(by: lock.lockedBy, since: clock.formatDateTime(lock.lockedAt)))
    }

    /// Locks the period of `unitID` at `now`; only a reviewer of the unit or an admin may.
    public static func lock(
        _ current: PeriodLock?, unitID: Int, by user: ActingUser, userName: String, now: Date, clock: CivilClock
    ) -> Result<PeriodLock, ReportRefusal> {
        if case .deny(let reason) = AccessPolicy.decide(user, .lockPeriod(unitID: unitID)) {
            return .failure(.denied(reason))
        }
        if let current {
            return .failure(.alreadyLocked(by: current.lockedBy, since: clock.formatDateTime(current.lockedAt)))
        }
        return .success(PeriodLock(lockedAt: now, lockedBy: userName))
    }

    /// Reopens a locked period of `unitID`; only a reviewer of the unit or an admin may.
    public static func reopen(_ current: PeriodLock?, unitID: Int, by user: ActingUser) -> Result<Void, ReportRefusal> {
        if case .deny(let reason) = AccessPolicy.decide(user, .reopenPeriod(unitID: unitID)) {
            return .failure(.denied(reason))
        }
        return current == nil ? .failure(.notLocked) : .success(())
    }
}
