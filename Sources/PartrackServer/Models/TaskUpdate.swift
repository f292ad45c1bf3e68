import Fluent
import Foundation
import PartrackDomain

/// One change to a task, kept forever as its history: who, when, before → after, and why.
final class TaskUpdate: Model, @unchecked Sendable {
    static let schema = "task_updates"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "task_id") var task: PlanTask
    @Parent(key: "author_id") var author: User
    @Field(key: "at") var at: Date
    /// What kind of change (progress, state, due_date, positions, cancel, reopen, evidence, explanation).
    @Field(key: "kind") var kind: String
    @OptionalField(key: "from_state") var fromState: TaskState?
    @OptionalField(key: "to_state") var toState: TaskState?
    @OptionalField(key: "from_progress") var fromProgress: Int?
    @OptionalField(key: "to_progress") var toProgress: Int?
    @OptionalField(key: "from_due") var fromDue: LocalDate?
    @OptionalField(key: "to_due") var toDue: LocalDate?
    /// Free text: the officer's note, a leader's reason, or a description of the change.
    @Field(key: "note") var note: String
    /// The task's version after this change.
    @Field(key: "version") var version: Int

    init() {}

    init(taskID: Int, authorID: Int, at: Date, kind: String, note: String, version: Int) {
        self.$task.id = taskID
        self.$author.id = authorID
        self.at = at
        self.kind = kind
        self.note = note
        self.version = version
    }
}
