import Fluent
import PartrackDomain
import Vapor

extension CurrentUser {
    /// The units whose plans and tasks this user may read: their own, plus those they review.
    /// Nil means every unit (administrators).
    var readableUnitIDs: Set<Int>? {
        switch role {
        case .admin: return nil
        case .reviewer: return reviewedUnitIDs.union([unitID])
        case .leader, .officer: return [unitID]
        }
    }
}
