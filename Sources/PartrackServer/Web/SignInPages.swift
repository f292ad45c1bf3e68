import Fluent
import PartrackDomain
import Vapor

/// Sign-in, sign-out, password change, language switch.
enum SignInPages {
    struct SignInContext: Encodable {
        let chrome: Chrome
        let next: String
        let username: String
        let error: String?
    }

    struct SignInForm: Content {
        let username: String
        let password: String
        let next: String?
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        try await request.view.render(
            "sign-in",
            SignInContext(
                chrome: Chrome(request), next: (try? request.query.get(String.self, at: "next")) ?? "",
                username: "", error: nil))
    }

    @Sendable static func signIn(_ request: Request) async throws -> Response {
        let form = try request.content.decode(SignInForm.self)
        do {
            let user = try await Credentials(request: request).verify(
                username: form.username.trimmingCharacters(in: .whitespaces), password: form.password)
            // Start the signed-in session from empty (a fresh CSRF token too); Vapor keeps the id, and the
            // cookie is HttpOnly and SameSite, so another site can neither read nor plant it.
            request.session.data = SessionData()
            request.session.data[SessionSignIn.userKey] = String(try user.requireID())
            guard let current = try await CurrentUser.load(userID: user.requireID(), on: request.db) else {
                throw Abort(.unauthorized)
            }
            request.auth.login(current)
            if let next = form.next, next.hasPrefix("/"), !next.hasPrefix("//"), next != Pages.signIn.link() {
                return request.redirect(to: next)
            }
            return request.redirect(to: landing(for: current))
        } catch let error as PartrackError where [.unauthorized, .tooManyRequests, .forbidden].contains(error.status) {
            let view = try await request.view.render(
                "sign-in",
                SignInContext(
                    chrome: Chrome(request), next: form.next ?? "", username: form.username,
                    error: request.localized(error.message)))
            let response = try await view.encodeResponse(for: request)
            response.status = error.status
            return response
        }
    }

    @Sendable static func signOut(_ request: Request) async throws -> Response {
        request.auth.logout(CurrentUser.self)
        request.session.destroy()
        return request.redirect(to: Pages.signIn.link())
    }

    /// Where each role starts.
    static func landing(for user: CurrentUser) -> String {
        switch user.role {
        case .officer: return Pages.myTasks.link()
        case .leader: return Pages.dashboard.link(user.unitID)
        case .reviewer, .admin: return Pages.district.link(user.unitID)
        }
    }

    @Sendable static func language(_ request: Request) async throws -> Response {
        let wanted = (try? request.query.get(String.self, at: "lang")) ?? "vi"
        let response = request.redirectBack(to: Pages.home.link())
        if Locales.supported.contains(wanted) {
            // Remembered for a year.
            response.cookies["lang"] = HTTPCookies.Value(
                string: wanted, maxAge: 365 * 86_400, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    // MARK: Password

    struct PasswordContext: Encodable {
        let chrome: Chrome
        let error: String?
    }

    struct PasswordForm: Content {
        let current: String
        let new: String
        let repeated: String
    }

    static let minimumPasswordLength = 10

    @Sendable static func passwordPage(_ request: Request) async throws -> View {
        try await request.view.render("password", PasswordContext(chrome: Chrome(request), error: nil))
    }

    @Sendable static func changePassword(_ request: Request) async throws -> Response {
        let form = try request.content.decode(PasswordForm.self)
        let current = try request.currentUser
        func refuse(_ key: String) async throws -> Response {
            let view = try await request.view.render(
                "password", PasswordContext(chrome: Chrome(request), error: request.localized(key)))
            let response = try await view.encodeResponse(for: request)
            response.status = .unprocessableEntity
            return response
        }
        guard form.new == form.repeated else { return try await refuse("password.mismatch") }
        guard form.new.count >= minimumPasswordLength else { return try await refuse("password.too_short") }
        let user: User
        do {
            user = try await Credentials(request: request).verify(username: current.username, password: form.current)
        } catch {
            return try await refuse("password.wrong_current")
        }
        user.passwordHash = try await request.password.async.hash(form.new)
        try await request.db.transaction { db in
            try await user.save(on: db)
            // Tokens made with the old password stop working.
            try await ApiToken.query(on: db).filter(\.$user.$id == current.id).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: request.partrack.now()).update()
            try await Audit.record(
                "user.password", entity: "user", entityID: current.id, unitID: current.unitID, by: request, on: db)
        }
        request.notice(Message("password.changed"))
        return request.redirect(to: landing(for: current))
    }
}
