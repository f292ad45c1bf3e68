import Fluent
import PartrackDomain
import Vapor

/// People: list, create, reset a password, deactivate, and the positions they hold.
enum AdminUsersPage {
    struct UserLine: Encodable {
        let id: Int
        let username: String
        let name: String
        let role: String
        let unit: String
        let positions: String
        let active: Bool
        let href: String
    }

    struct ListContext: Encodable {
        let chrome: Chrome
        let users: [UserLine]
        let roles: [FormOption]
        let units: [FormOption]
        let error: String?
    }

    @Sendable static func list(_ request: Request) async throws -> View {
        try await listPage(request, error: nil)
    }

    static func listPage(_ request: Request, error: String?) async throws -> View {
        let users = try await User.query(on: request.db).with(\.$unit).with(\.$positions).sort(\.$username).all()
        let units = try await OrgUnit.query(on: request.db).sort(\.$id).all()
        return try await request.view.render(
            "admin-users",
            ListContext(
                chrome: Chrome(request),
                users: users.map {
                    UserLine(
                        id: $0.id ?? 0, username: $0.username, name: $0.displayName,
                        role: request.localized($0.role.nameKey), unit: $0.unit.name,
                        positions: $0.positions.map(\.title).joined(separator: ", "), active: $0.active,
                        href: Pages.adminUser.link($0.id ?? 0))
                },
                roles: Role.allCases.map {
                    FormOption(value: $0.rawValue, label: request.localized($0.nameKey), selected: $0 == .officer)
                },
                units: units.map { FormOption(value: "\($0.id ?? 0)", label: $0.name, selected: false) }, error: error))
    }

    struct CreateForm: Content {
        let username: String
        let name: String
        let role: String
        let unit: Int
    }

    /// Creates the account with a one-time password shown to the admin once.
    @Sendable static func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(CreateForm.self)
        guard let username = form.username.nonBlank?.lowercased(),
            username.allSatisfy({ $0.isLetter || $0.isNumber || ".-_".contains($0) }),
            let name = form.name.nonBlank, let role = Role(rawValue: form.role),
            try await OrgUnit.find(form.unit, on: request.db) != nil
        else {
            return try await listPage(request, error: request.localized("admin.user_invalid")).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
        if try await User.query(on: request.db).filter(\.$username == username).first() != nil {
            return try await listPage(request, error: request.localized("admin.user_exists", ["username": username]))
                .encodeResponse(status: .conflict, for: request)
        }
        let password = temporaryPassword()
        let user = User(
            username: username, displayName: name, passwordHash: try await request.password.async.hash(password),
            role: role, unitID: form.unit)
        try await request.db.transaction { db in
            try await user.create(on: db)
            try await Audit.record(
                "user.create", entity: "user", entityID: user.id, unitID: form.unit,
                after: ["username": username, "role": role.rawValue], by: request, on: db)
        }
        request.notice(Message("admin.user_created", ["username": username, "password": password]))
        return request.redirect(to: Pages.adminUser.link(try user.requireID()))
    }

    struct UserContext: Encodable {
        let chrome: Chrome
        let user: UserLine
        let positions: [FormOption]
        let action: String
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let user = try await load(request)
        let positions = try await Position.query(on: request.db).filter(\.$unit.$id == user.$unit.id).sort(\.$id).all()
        let held = Set(user.positions.compactMap(\.id))
        return try await request.view.render(
            "admin-user",
            UserContext(
                chrome: Chrome(request),
                user: UserLine(
                    id: user.id ?? 0, username: user.username, name: user.displayName,
                    role: request.localized(user.role.nameKey), unit: user.unit.name,
                    positions: user.positions.map(\.title).joined(separator: ", "), active: user.active,
                    href: Pages.adminUser.link(user.id ?? 0)),
                positions: positions.map {
                    FormOption(value: "\($0.id ?? 0)", label: $0.title, selected: held.contains($0.id ?? 0))
                },
                action: Pages.adminUser.link(user.id ?? 0)))
    }

    struct ChangeForm: Content {
        /// reset_password | deactivate | activate | positions
        let act: String
        let positionIDs: [Int]?
    }

    @Sendable static func change(_ request: Request) async throws -> Response {
        let user = try await load(request)
        let form = try request.content.decode(ChangeForm.self)
        let userID = try user.requireID()
        // Made before the transaction: its closure may not change what is outside it.
        let password = temporaryPassword()
        try await request.db.transaction { db in
            switch form.act {
            case "reset_password":
                user.passwordHash = try await request.password.async.hash(password)
                try await user.save(on: db)
                try await ApiToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
                    .set(\.$revokedAt, to: request.partrack.now()).update()
            case "deactivate", "activate":
                user.active = form.act == "activate"
                try await user.save(on: db)
            case "positions":
                let wanted = Set(form.positionIDs ?? [])
                let valid = try await Position.query(on: db).filter(\.$id ~~ Array(wanted))
                    .filter(\.$unit.$id == user.$unit.id).all().compactMap(\.id)
                try await PositionHolder.query(on: db).filter(\.$user.$id == userID).delete()
                try await valid.map { PositionHolder(positionID: $0, userID: userID) }.create(on: db)
            default:
                throw PartrackError.badQuery("act", value: form.act)
            }
            try await Audit.record(
                "user.\(form.act)", entity: "user", entityID: userID, unitID: user.$unit.id, by: request, on: db)
        }
        request.notice(
            form.act == "reset_password"
                ? Message("admin.password_reset", ["username": user.username, "password": password])
                : Message("admin.saved"))
        return request.redirect(to: Pages.adminUser.link(userID))
    }

    static func load(_ request: Request) async throws -> User {
        let id = try request.id("userID", of: "user")
        guard
            let user = try await User.query(on: request.db).filter(\.$id == id).with(\.$unit).with(\.$positions).first()
        else { throw PartrackError.notFound("user", id: "\(id)") }
        return user
    }

    /// Twelve characters from an alphabet without look-alikes (no 0/O, 1/l/I), for reading aloud.
    static func temporaryPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
