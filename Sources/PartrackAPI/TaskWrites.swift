import Foundation

/// `PATCH /api/v1/tasks/{id}`: one update of a task. Absent fields stay as they are.
/// `baseVersion` is the version the change was based on; a stale one is refused with 409.
public struct TaskUpdateRequest: Codable, Sendable {
    public var baseVersion: Int
    /// not_started | in_progress | done | cancelled
    public var state: String?
    public var progress: Int?
    public var note: String?
    /// The written explanation (giải trình) that stands in for evidence when marking done.
    public var explanation: String?
    /// dd/mm/yyyy or yyyy-mm-dd; a leader's act, with the reason in `note`.
    public var dueDate: String?
    /// New lead positions (a leader's act).
    public var leadPositionIDs: [Int]?
    public var cooperatingPositionIDs: [Int]?
    public var assigneeID: Int?

    public init(
        baseVersion: Int, state: String? = nil, progress: Int? = nil, note: String? = nil,
        explanation: String? = nil, dueDate: String? = nil, leadPositionIDs: [Int]? = nil,
        cooperatingPositionIDs: [Int]? = nil, assigneeID: Int? = nil
    ) {
        self.baseVersion = baseVersion
        self.state = state
        self.progress = progress
        self.note = note
        self.explanation = explanation
        self.dueDate = dueDate
        self.leadPositionIDs = leadPositionIDs
        self.cooperatingPositionIDs = cooperatingPositionIDs
        self.assigneeID = assigneeID
    }
}

/// The 409 answer to a stale update: the error, and the task as it now is.
public struct TaskConflictDTO: Codable, Sendable {
    public var code: String
    public var message: String
    public var details: [String: String]
    public var current: TaskDTO

    public init(code: String, message: String, details: [String: String], current: TaskDTO) {
        self.code = code
        self.message = message
        self.details = details
        self.current = current
    }
}

/// One line of a task's history.
public struct TaskHistoryDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var at: Date
    public var authorID: Int
    public var authorName: String
    /// Events of the update, comma-separated: started, progressed, completed, reopened, cancelled,
    /// restored, due_date_changed, reassigned, noted, evidence.
    public var kind: String
    /// The update in words, in the request's language.
    public var summary: String
    public var fromState: String?
    public var toState: String?
    public var fromProgress: Int?
    public var toProgress: Int?
    public var fromDue: String?
    public var toDue: String?
    public var note: String
    public var version: Int

    public init(
        id: Int, at: Date, authorID: Int, authorName: String, kind: String, summary: String, fromState: String?,
        toState: String?, fromProgress: Int?, toProgress: Int?, fromDue: String?, toDue: String?, note: String,
        version: Int
    ) {
        self.id = id
        self.at = at
        self.authorID = authorID
        self.authorName = authorName
        self.kind = kind
        self.summary = summary
        self.fromState = fromState
        self.toState = toState
        self.fromProgress = fromProgress
        self.toProgress = toProgress
        self.fromDue = fromDue
        self.toDue = toDue
        self.note = note
        self.version = version
    }
}

public struct EvidenceDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var taskID: Int
    public var filename: String
    /// pdf | docx | xlsx | doc | xls | png | jpeg | …, found in the content.
    public var kind: String
    public var size: Int
    public var sha256: String
    public var uploaderID: Int
    public var uploadedAt: Date

    public init(
        id: Int, taskID: Int, filename: String, kind: String, size: Int, sha256: String, uploaderID: Int,
        uploadedAt: Date
    ) {
        self.id = id
        self.taskID = taskID
        self.filename = filename
        self.kind = kind
        self.size = size
        self.sha256 = sha256
        self.uploaderID = uploaderID
        self.uploadedAt = uploadedAt
    }
}
