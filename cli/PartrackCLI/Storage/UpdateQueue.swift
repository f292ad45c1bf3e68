import Foundation
import PartrackAPI

/// One task change made while the server could not be reached. It keeps the version of the task
/// it was based on, so `sync` never writes over a change someone else made meanwhile.
struct QueuedChange: Codable, Sendable {
    var id: String
    var taskID: Int
    var title: String
    /// Who made it: `sync` sends it only while signed in as them.
    var username: String
    var request: TaskUpdateRequest
    /// Evidence files to upload first (absolute paths).
    var evidence: [String]
    var queuedAt: Date
}

/// A queued change the server did not take: why, and the task as it stood. Kept so the work is
/// not lost; `partrack sync --list` shows them, `--forget` lets them go.
struct SetAsideChange: Codable, Sendable {
    var change: QueuedChange
    var code: String
    var reason: String
    var current: TaskDTO?
    var at: Date
}

struct QueueContents: Codable, Sendable {
    var pending: [QueuedChange] = []
    var setAside: [SetAsideChange] = []
}

/// `queue.json`, mode 0600.
struct UpdateQueue {
    let file: URL

    init(directory: URL) { file = directory.appendingPathComponent("queue.json") }

    func load() throws -> QueueContents { try PrivateFile.read(QueueContents.self, from: file) ?? QueueContents() }

    func save(_ contents: QueueContents) throws { try PrivateFile.write(contents, to: file) }

    func append(_ change: QueuedChange) throws {
        var contents = try load()
        contents.pending.append(change)
        try save(contents)
    }
}
