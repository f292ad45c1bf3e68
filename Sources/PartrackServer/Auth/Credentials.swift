import Fluent
import Foundation
import PartrackDomain
import Vapor

/// Checks a username and password, slowing guessing down: after too many failures in a window,
/// for the account or for the address, sign-in is refused with 429 and a time to retry.
/// Shared by the API's token exchange and the web sign-in.
struct Credentials {
    static let window: TimeInterval = 15 * 60
    static let maxFailuresPerAccount = 5
    static let maxFailuresPerAddress = 20

    let request: Request

    var address: String { request.remoteAddress?.ipAddress ?? "unknown" }

    /// The active user with this username and password; throws a clear refusal otherwise.
    func verify(username: String, password: String) async throws -> User {
        let now = request.partrack.now()
        let since = now.addingTimeInterval(-Self.window)
        let failures = try await LoginFailure.query(on: request.db).filter(\.$at >= since)
            .group(.or) { $0.filter(\.$username == username).filter(\.$address == address) }.all()
        let byAccount = failures.filter { $0.username == username }
        let byAddress = failures.filter { $0.address == address }
        if byAccount.count >= Self.maxFailuresPerAccount || byAddress.count >= Self.maxFailuresPerAddress {
            let oldest = (byAccount.count >= Self.maxFailuresPerAccount ? byAccount : byAddress).map(\.at).min() ?? now
            let retryAfter = max(1, Int(oldest.addingTimeInterval(Self.window).timeIntervalSince(now).rounded(.up)))
            throw PartrackError(
                status: .tooManyRequests, code: "auth.too_many_attempts",
                message: Message("auth.too_many_attempts", ["minutes": "\((retryAfter + 59) / 60)"]),
                details: ["retry_after_seconds": "\(retryAfter)"])
        }
        guard let user = try await User.query(on: request.db).filter(\.$username == username).first(),
            try await request.password.async.verify(password, created: user.passwordHash)
        else {
            try await LoginFailure(username: username, address: address, at: now).create(on: request.db)
            throw PartrackError(
                status: .unauthorized, code: "auth.wrong_credentials", message: Message("auth.wrong_credentials"))
        }
        guard user.active else {
            throw PartrackError(status: .forbidden, code: "auth.inactive", message: Message("auth.inactive"))
        }
        // A success forgets the account's recent failures.
        try await LoginFailure.query(on: request.db).filter(\.$username == username).delete()
        return user
    }
}
