import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

enum TokensAPI {
    static let defaultDays = 90
    static let maximumDays = 365

    /// POST /api/v1/tokens — username and password for a personal token (shown once).
    @Sendable static func create(_ request: Request) async throws -> Response {
        let body = try request.content.decode(TokenCreateRequest.self)
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            throw PartrackError.badRequest(Message("auth.token_name_required"))
        }
        let days = body.days ?? defaultDays
        guard (1...maximumDays).contains(days) else {
            throw PartrackError.badRequest(Message("auth.token_days_range", ["max": "\(maximumDays)"]))
        }
        let user = try await Credentials(request: request).verify(username: body.username, password: body.password)
        let secret = TokenIssuer.newToken()
        let now = request.partrack.now()
        let token = ApiToken(
            userID: try user.requireID(), name: name, tokenHash: TokenIssuer.hash(secret), createdAt: now,
            expiresAt: now.addingTimeInterval(TimeInterval(days) * 86_400))
        let current = try await CurrentUser.load(userID: user.requireID(), on: request.db)
        if let current { request.auth.login(current) }
        try await request.db.transaction { db in
            try await token.create(on: db)
            try await Audit.record(
                "token.create", entity: "api_token", entityID: token.id, unitID: user.$unit.id,
                after: ["name": name, "expires_at": token.expiresAt.ISO8601Format()], by: request, on: db)
        }
        let issued = TokenIssuedDTO(
            id: try token.requireID(), name: name, token: secret, expiresAt: token.expiresAt,
            user: try await MeAPI.describe(user.requireID(), on: request.db))
        let response = Response(status: .created)
        try response.content.encode(issued)
        return response
    }

    /// GET /api/v1/tokens — the caller's tokens; `?all=1` for admins: everyone's.
    @Sendable static func list(_ request: Request) async throws -> [TokenDTO] {
        let user = try request.currentUser
        let query = ApiToken.query(on: request.db).sort(\.$id)
        if !(user.role == .admin && request.query.string("all") == "1") {
            query.filter(\.$user.$id == user.id)
        }
        return try await query.all().map {
            TokenDTO(
                id: try $0.requireID(), userID: $0.$user.id, name: $0.name, createdAt: $0.createdAt,
                expiresAt: $0.expiresAt, revokedAt: $0.revokedAt, lastUsedAt: $0.lastUsedAt)
        }
    }

    /// DELETE /api/v1/tokens/:tokenID — revoke (its owner or an admin). The row stays, for the log.
    @Sendable static func revoke(_ request: Request) async throws -> HTTPStatus {
        let user = try request.currentUser
        let id = try request.id("tokenID", of: "token")
        guard let token = try await ApiToken.find(id, on: request.db),
            token.$user.id == user.id || user.role == .admin
        else { throw PartrackError.notFound("token", id: "\(id)") }
        guard token.revokedAt == nil else { return .noContent }
        token.revokedAt = request.partrack.now()
        try await request.db.transaction { db in
            try await token.save(on: db)
            try await Audit.record(
                "token.revoke", entity: "api_token", entityID: id, unitID: user.unitID, after: ["name": token.name],
                by: request, on: db)
        }
        return .noContent
    }
}

enum MeAPI {
    /// GET /api/v1/me — who the caller is.
    @Sendable static func show(_ request: Request) async throws -> MeDTO {
        try await describe(try request.currentUser.id, on: request.db)
    }

    static func describe(_ userID: Int, on db: any Database) async throws -> MeDTO {
        guard let user = try await User.query(on: db).filter(\.$id == userID).with(\.$unit).with(\.$positions).first()
        else { throw PartrackError.notFound("user", id: "\(userID)") }
        return MeDTO(
            id: userID, username: user.username, displayName: user.displayName, role: user.role.rawValue,
            unitID: user.$unit.id, unitName: user.unit.name,
            positions: try user.positions.map { PositionRefDTO(id: try $0.requireID(), title: $0.title) }
                .sorted { $0.id < $1.id })
    }
}
