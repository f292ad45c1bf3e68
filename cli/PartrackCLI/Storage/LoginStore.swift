import Foundation

/// `config.json`: the server this CLI talks to and the token it signs in with.
struct StoredLogin: Codable, Equatable, Sendable {
    var server: String
    var username: String
    /// Absent after `logout`: the server and name are kept so the next login needs less typing.
    var token: String?
    var tokenID: Int?
    var expiresAt: Date?
}

struct LoginStore {
    let file: URL

    init(directory: URL) { file = directory.appendingPathComponent("config.json") }

    func load() throws -> StoredLogin? { try PrivateFile.read(StoredLogin.self, from: file) }

    func save(_ login: StoredLogin) throws { try PrivateFile.write(login, to: file) }
}
