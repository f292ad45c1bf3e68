import Foundation

/// `POST /api/v1/tokens`: exchange a username and password for a personal API token.
public struct TokenCreateRequest: Codable, Sendable {
    public var username: String
    public var password: String
    /// A name to recognise the token by later ("laptop", "script báo cáo").
    public var name: String
    /// Days until it expires (1–365; default 90).
    public var days: Int?

    public init(username: String, password: String, name: String, days: Int? = nil) {
        self.username = username
        self.password = password
        self.name = name
        self.days = days
    }
}

/// The token itself is in this answer only; the server keeps just its hash.
public struct TokenIssuedDTO: Codable, Sendable {
    public var id: Int
    public var name: String
    public var token: String
    public var expiresAt: Date
    public var user: MeDTO

    public init(id: Int, name: String, token: String, expiresAt: Date, user: MeDTO) {
        self.id = id
        self.name = name
        self.token = token
        self.expiresAt = expiresAt
        self.user = user
    }
}

public struct TokenDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var userID: Int
    public var name: String
    public var createdAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?
    public var lastUsedAt: Date?

    public init(
        id: Int, userID: Int, name: String, createdAt: Date, expiresAt: Date, revokedAt: Date?, lastUsedAt: Date?
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }
}

/// Who the token belongs to (`GET /api/v1/me`).
public struct MeDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var username: String
    public var displayName: String
    /// officer | leader | reviewer | admin
    public var role: String
    public var unitID: Int
    public var unitName: String
    public var positions: [PositionRefDTO]

    public init(
        id: Int, username: String, displayName: String, role: String, unitID: Int, unitName: String,
        positions: [PositionRefDTO]
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.unitID = unitID
        self.unitName = unitName
        self.positions = positions
    }
}

public struct PositionRefDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var title: String

    public init(id: Int, title: String) {
        self.id = id
        self.title = title
    }
}
