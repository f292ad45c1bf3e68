import Fluent
import PartrackDomain
import Vapor

extension Request {
    /// Asks the access policy; a refusal is logged in the audit log (on its own, since nothing
    /// else happens) and answered 403 with the policy's reason.
    func authorize(_ action: AccessAction, audit: String, entity: String, entityID: Int?, unitID: Int?) async throws {
        let user = try currentUser
        if case .deny(let reason) = AccessPolicy.decide(user.acting, action) {
            try await Audit.record(
                audit, entity: entity, entityID: entityID, unitID: unitID, reason: localized(reason),
                outcome: .refused, by: self, on: db)
            throw PartrackError(status: .forbidden, code: reason.key, message: reason)
        }
    }

    /// Whether the policy allows `action`, without logging: for deciding what to show.
    func allows(_ action: AccessAction) -> Bool {
        guard let user = auth.get(CurrentUser.self) else { return false }
        return AccessPolicy.decide(user.acting, action).isAllowed
    }
}
