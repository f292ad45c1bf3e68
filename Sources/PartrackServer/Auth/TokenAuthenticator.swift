import Fluent
import PartrackDomain
import Vapor

/// Signs in API requests that carry `Authorization: Bearer ptk_…`. Remembers why a token was
/// not accepted, so the 401 can say "expired" or "revoked" rather than just "no".
struct TokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard
            let token = try await ApiToken.query(on: request.db)
                .filter(\.$tokenHash == TokenIssuer.hash(bearer.token)).first()
        else {
            request.authRefusal = Message("auth.token_unknown")
            return
        }
        let now = request.partrack.now()
        if let revoked = token.revokedAt {
            request.authRefusal = Message(
                "auth.token_revoked", ["date": request.partrack.clock.formatDateTime(revoked)])
            return
        }
        if token.expiresAt <= now {
            request.authRefusal = Message(
                "auth.token_expired", ["date": request.partrack.clock.formatDateTime(token.expiresAt)])
            return
        }
        guard let user = try await CurrentUser.load(userID: token.$user.id, on: request.db), user.active else {
            request.authRefusal = Message("auth.inactive")
            return
        }
        // Recorded at most hourly: a write per request would be waste.
        if (token.lastUsedAt.map { now.timeIntervalSince($0) > 3600 }) ?? true {
            token.lastUsedAt = now
            try await token.save(on: request.db)
        }
        request.auth.login(user)
    }
}

/// Lets through only signed-in users; the 401 says what to do next.
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(CurrentUser.self) else {
            let message = request.authRefusal ?? Message("auth.required")
            throw PartrackError(status: .unauthorized, code: message.key, message: message)
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    private struct AuthRefusalKey: StorageKey { typealias Value = Message }

    /// Why the credentials the request carried were not accepted, if they were not.
    var authRefusal: Message? {
        get { storage[AuthRefusalKey.self] }
        set { storage[AuthRefusalKey.self] = newValue }
    }

    /// The signed-in user; only call behind `RequireSignIn`.
    var currentUser: CurrentUser {
        get throws {
            guard let user = auth.get(CurrentUser.self) else {
                throw PartrackError(status: .unauthorized, code: "auth.required", message: Message("auth.required"))
            }
            return user
        }
    }
}
