import Fluent
import PartrackDomain
import Vapor

/// Signs in page requests from the session (kept in the database, so several server processes
/// share it). The session holds only the user's id and a CSRF token.
struct SessionSignIn: AsyncMiddleware {
    static let userKey = "user"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let text = request.session.data[Self.userKey], let id = Int(text),
            let user = try await CurrentUser.load(userID: id, on: request.db), user.active
        {
            request.auth.login(user)
        }
        return try await next.respond(to: request)
    }
}

/// Pages behind sign-in: a visitor is sent to the sign-in page and brought back afterwards.
struct RequirePageSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(CurrentUser.self) else {
            let back = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
            let target =
                Pages.signIn.link() + "?next="
                + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
            return request.redirect(to: target)
        }
        return try await next.respond(to: request)
    }
}

/// Every form carries the session's CSRF token; a POST without the right one is refused (and
/// changes nothing), so another site cannot make a signed-in browser act.
struct VerifyCSRF: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            // Middleware runs before the route collects the body; a form's token is in the body.
            if request.body.data == nil {
                _ = try await request.body.collect(max: request.partrack.config.maxUploadBytes).get()
            }
            let sent = request.csrfFromBody ?? request.headers.first(name: "X-CSRF-Token")
            guard let expected = request.session.data[Self.sessionKey], let sent,
                constantTimeEqual(Array(expected.utf8), Array(sent.utf8))
            else {
                throw PartrackError(status: .forbidden, code: "web.csrf", message: Message("web.csrf"))
            }
        }
        return try await next.respond(to: request)
    }

    private func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// The session's CSRF token, made on first use.
    var csrfToken: String {
        if let token = session.data[VerifyCSRF.sessionKey] { return token }
        let token = TokenIssuer.newToken()
        session.data[VerifyCSRF.sessionKey] = token
        return token
    }

    /// `_csrf` from a url-encoded or multipart form body.
    var csrfFromBody: String? {
        try? content.get(String.self, at: VerifyCSRF.fieldName)
    }
}
