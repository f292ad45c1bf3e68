import PartrackDomain
import Vapor

/// The administration pages are for administrators only; anyone else is told why.
struct RequireAdmin: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard try request.currentUser.role == .admin else {
            throw PartrackError(status: .forbidden, code: "admin.only", message: Message("admin.only"))
        }
        return try await next.respond(to: request)
    }
}
