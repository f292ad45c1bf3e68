import Foundation
import PartrackAPI

/// Sends one change of a task: its evidence files first, then the update based on the version
/// read just before. When the server cannot be reached the change can wait in the queue, based on
/// the version this CLI last saw.
struct TaskChanger {
    let session: Session
    let console: Console

    enum Outcome {
        case applied(TaskDTO, uploaded: [UploadedEvidence])
        case queued(QueuedChange)
    }

    struct UploadedEvidence: Codable, Sendable {
        var evidence: EvidenceDTO
        /// False when the server already had this very file for the task.
        var isNew: Bool
    }

    /// Applies `change` (its `baseVersion` is set here) based on the task as the server has it now.
    /// When the server cannot be reached, `queue` says to queue it without asking; otherwise a
    /// terminal is asked, and a script gets exit 3.
    func apply(taskID: Int, change: TaskUpdateRequest, evidence: [URL], queue: Bool) async throws -> Outcome {
        do {
            let task: TaskDTO = try await session.api.get("/tasks/\(taskID)")
            session.knownTasks.remember([task], for: session.login)
            var request = change
            request.baseVersion = task.version
            let (updated, uploaded) = try await send(request, taskID: taskID, evidence: evidence, checkFirst: false)
            return .applied(updated, uploaded: uploaded)
        } catch let failure as ServerUnreachable {
            guard queue || console.confirm("cli.queue.ask", ["server": session.login.server]) else {
                throw ErrorReport.cliError(failure).hinting("cli.hint.queue")
            }
            return .queued(try enqueue(taskID: taskID, change: change, evidence: evidence))
        }
    }

    /// Puts the change in the queue, based on the version of the task last seen here.
    func enqueue(taskID: Int, change: TaskUpdateRequest, evidence: [URL]) throws -> QueuedChange {
        guard let known = session.knownTasks.load(for: session.login)[taskID] else {
            throw CLIError(exit: .unreachable, words: .message(.init("cli.queue.never_seen", ["id": "\(taskID)"])))
        }
        let queue = UpdateQueue(directory: session.context.configDirectory)
        // Each change applied bumps the version by one: a second change queued for the same task
        // is based on the version the first will make.
        let earlier = try queue.load().pending.filter {
            $0.taskID == taskID && $0.username == session.login.username
        }
        var request = change
        request.baseVersion = known.version + earlier.count
        let queued = QueuedChange(
            id: String(UUID().uuidString.prefix(8)).lowercased(), taskID: taskID, title: known.title,
            username: session.login.username, request: request, evidence: evidence.map(\.path),
            queuedAt: session.context.now())
        try queue.append(queued)
        return queued
    }

    /// Uploads the evidence, then sends the update. With `checkFirst`, a task whose version moved
    /// past `request.baseVersion` is reported before anything is uploaded.
    func send(_ request: TaskUpdateRequest, taskID: Int, evidence: [URL], checkFirst: Bool) async throws
        -> (TaskDTO, [UploadedEvidence])
    {
        if checkFirst {
            let task: TaskDTO = try await session.api.get("/tasks/\(taskID)")
            if task.version != request.baseVersion { throw StaleChange(current: task, base: request.baseVersion) }
        }
        var uploaded: [UploadedEvidence] = []
        for file in evidence { uploaded.append(try await upload(file, to: taskID)) }
        do {
            let updated: TaskDTO = try await session.api.send(.PATCH, "/tasks/\(taskID)", json: request)
            session.knownTasks.remember([updated], for: session.login)
            return (updated, uploaded)
        } catch let refusal as ServerRefusal {
            if let conflict = refusal.conflict {
                throw StaleChange(current: conflict.current, base: request.baseVersion, server: refusal)
            }
            throw refusal
        }
    }

    func upload(_ file: URL, to taskID: Int) async throws -> UploadedEvidence {
        let answer = try await session.api.perform(
            .POST, "/tasks/\(taskID)/evidence", query: [("filename", file.lastPathComponent)],
            body: .stream(FileChunks(url: file), length: .known(Int64(try FileChunks.size(of: file)))),
            contentType: "application/octet-stream", timeout: APIClient.uploadTimeout)
        return UploadedEvidence(
            evidence: try session.api.decode(EvidenceDTO.self, from: answer.body), isNew: answer.status.code == 201)
    }
}

/// The change was based on an older version of the task than the server's: it is not applied.
struct StaleChange: Error {
    let current: TaskDTO
    /// The version the change was based on.
    let base: Int
    var server: ServerRefusal?
}

extension TaskChanger {
    /// Prints what happened to a change, or the conflict with the task as it now stands (exit 1).
    static func report(_ outcome: Outcome, json: Bool, console: Console) throws {
        switch outcome {
        case .applied(let task, let uploaded):
            if json {
                try console.printJSON(AppliedChange(task: task, uploaded: uploaded))
                return
            }
            for file in uploaded {
                console.say(
                    file.isNew ? "cli.evidence.uploaded" : "cli.evidence.already_there",
                    ["file": file.evidence.filename, "id": "\(file.evidence.id)"])
            }
            console.print(
                console.text(
                    "cli.task.updated",
                    [
                        "id": "\(task.id)", "state": console.stateName(task.state), "progress": "\(task.progress)",
                        "version": "\(task.version)",
                    ]))
        case .queued(let change):
            if json {
                try console.printJSON(QueuedSummary(queued: change))
                return
            }
            console.print(
                console.text(
                    "cli.queue.queued",
                    ["id": "\(change.taskID)", "queue_id": change.id, "version": "\(change.request.baseVersion)"]))
            console.say("cli.queue.sync_later")
        }
    }

    static func conflictError(_ stale: StaleChange, json: Bool, console: Console) throws -> CLIError {
        let yourVersion = stale.base
        let task = stale.current
        if json {
            try console.printJSON(
                TaskConflictDTO(
                    code: stale.server?.error.code ?? "task.stale_version",
                    message: stale.server?.error.message
                        ?? console.text(
                            "cli.conflict.message", ["version": "\(task.version)", "base": "\(yourVersion)"]),
                    details: ["current_version": "\(task.version)", "base_version": "\(yourVersion)"], current: task))
        } else {
            console.print(
                console.text(
                    "cli.conflict.current",
                    [
                        "id": "\(task.id)", "version": "\(task.version)", "state": console.stateName(task.state),
                        "progress": "\(task.progress)",
                    ]))
        }
        if let server = stale.server { return ErrorReport.cliError(server) }
        return CLIError.refused("cli.conflict.message", ["version": "\(task.version)", "base": "\(yourVersion)"])
    }
}

struct AppliedChange: Encodable {
    var task: TaskDTO
    var uploaded: [TaskChanger.UploadedEvidence]
}

struct QueuedSummary: Encodable {
    var queued: QueuedChange
}
