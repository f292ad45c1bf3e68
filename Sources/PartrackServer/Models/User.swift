import Fluent
import Foundation
import PartrackDomain

/// A person who signs in. Their role bounds what they may do; their unit and positions bound where.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    /// bcrypt hash; the password itself is never stored.
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @Parent(key: "unit_id") var unit: OrgUnit
    /// Deactivated users keep their history but cannot sign in.
    @Field(key: "active") var active: Bool
    @Siblings(through: PositionHolder.self, from: \.$user, to: \.$position) var positions: [Position]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(username: String, displayName: String, passwordHash: String, role: Role, unitID: Int) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.$unit.id = unitID
        self.active = true
    }
}
