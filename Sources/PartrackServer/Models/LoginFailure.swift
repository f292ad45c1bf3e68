import Fluent
import Foundation

/// A failed sign-in, kept for a while to slow down password guessing per account and per address.
/// In the database (not in memory) so several server processes see the same count.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "username") var username: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date

    init() {}

    init(username: String, address: String, at: Date) {
        self.username = username
        self.address = address
        self.at = at
    }
}
