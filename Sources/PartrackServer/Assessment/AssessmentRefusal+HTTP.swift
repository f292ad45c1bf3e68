import Fluent
import PartrackDomain
import Vapor

extension Result where Failure == AssessmentRefusal {
    /// The rules' answer, or the refusal thrown as HTTP says it: 403 when the person may not do this
    /// at all (logged in the audit log, like every refusal of access), 422 when the input or the
    /// moment is wrong. A refusal keeps its detail lines, so a page can list each problem.
    func orRefuse(
        _ action: String, entity: String, entityID: Int?, unitID: Int?, request: Request
    ) async throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let refusal): throw try await refusal.logged(action, entity, entityID, unitID, request)
        }
    }
}

extension AccessDecision {
    /// Throws the refusal (403, logged) when the decision denies.
    func orRefuse(_ action: String, entity: String, entityID: Int?, unitID: Int?, request: Request) async throws {
        if case .deny(let message) = self {
            throw try await AssessmentRefusal(message: message).logged(action, entity, entityID, unitID, request)
        }
    }
}

extension AssessmentRefusal {
    var isAccessRefusal: Bool {
        message.key.hasPrefix("assessment.access.") || message.key.hasPrefix("access.")
    }

    fileprivate func logged(
        _ action: String, _ entity: String, _ entityID: Int?, _ unitID: Int?, _ request: Request
    ) async throws -> any Error {
        guard isAccessRefusal else { return self }
        try await Audit.record(
            action, entity: entity, entityID: entityID, unitID: unitID, reason: request.localized(message),
            outcome: .refused, by: request, on: request.db)
        return PartrackError(status: .forbidden, code: message.key, message: message)
    }
}
