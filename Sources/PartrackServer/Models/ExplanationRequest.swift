import Fluent
import Foundation

/// A leader's request that the holder of an overdue or stalled task explain it (giải trình),
/// with the officer's answer. Open until the leader closes it.
final class ExplanationRequest: Model, @unchecked Sendable {
    static let schema = "explanation_requests"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "task_id") var task: PlanTask
    @Parent(key: "requested_by") var requestedBy: User
    /// The person asked: the task's assignee, or a holder of its lead position.
    @Parent(key: "addressee_id") var addressee: User
    @Field(key: "requested_at") var requestedAt: Date
    @Field(key: "question") var question: String
    @OptionalField(key: "answer") var answer: String?
    @OptionalParent(key: "answered_by") var answeredBy: User?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalParent(key: "closed_by") var closedBy: User?
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}

    init(taskID: Int, requestedBy: Int, addresseeID: Int, at: Date, question: String) {
        self.$task.id = taskID
        self.$requestedBy.id = requestedBy
        self.$addressee.id = addresseeID
        self.requestedAt = at
        self.question = question
    }

    var isOpen: Bool { closedAt == nil }
}
