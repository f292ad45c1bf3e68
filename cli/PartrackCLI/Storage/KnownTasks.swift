import Foundation
import PartrackAPI

/// The version and title of each task as this CLI last saw it, for the signed-in person on the
/// server: what a change queued offline is based on.
struct KnownTasks: Codable, Sendable {
    struct Seen: Codable, Sendable {
        var version: Int
        var title: String
    }

    var server: String
    var username: String
    var tasks: [String: Seen] = [:]

    subscript(id: Int) -> Seen? { tasks[String(id)] }

    mutating func remember(_ items: [TaskDTO]) {
        for task in items { tasks[String(task.id)] = Seen(version: task.version, title: task.title) }
    }
}

struct KnownTasksStore {
    let file: URL

    init(directory: URL) { file = directory.appendingPathComponent("known-tasks.json") }

    /// What was seen as this person on this server; another server or person starts afresh.
    func load(for login: StoredLogin) -> KnownTasks {
        let fresh = KnownTasks(server: login.server, username: login.username)
        guard let known = try? PrivateFile.read(KnownTasks.self, from: file) else { return fresh }
        return known.server == login.server && known.username == login.username ? known : fresh
    }

    /// Best effort: failing to remember must not fail the command that already succeeded.
    func remember(_ items: [TaskDTO], for login: StoredLogin) {
        var known = load(for: login)
        known.remember(items)
        try? PrivateFile.write(known, to: file)
    }
}
