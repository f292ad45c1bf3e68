import Foundation

/// A leader's request that a task's holder explain it, and the answer.
public struct ExplanationRequestDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var taskID: Int
    public var taskTitle: String
    public var requestedByID: Int
    public var requestedByName: String
    public var addresseeID: Int
    public var addresseeName: String
    public var requestedAt: Date
    public var question: String
    public var answer: String?
    public var answeredAt: Date?
    public var closedAt: Date?

    public init(
        id: Int, taskID: Int, taskTitle: String, requestedByID: Int, requestedByName: String, addresseeID: Int,
        addresseeName: String, requestedAt: Date, question: String, answer: String?, answeredAt: Date?,
        closedAt: Date?
    ) {
        self.id = id
        self.taskID = taskID
        self.taskTitle = taskTitle
        self.requestedByID = requestedByID
        self.requestedByName = requestedByName
        self.addresseeID = addresseeID
        self.addresseeName = addresseeName
        self.requestedAt = requestedAt
        self.question = question
        self.answer = answer
        self.answeredAt = answeredAt
        self.closedAt = closedAt
    }
}

/// `POST /api/v1/tasks/{id}/explanation-requests`
public struct ExplanationAskRequest: Codable, Sendable {
    public var question: String
    /// Whom to ask; by default the task's assignee, else a holder of its lead position.
    public var addresseeID: Int?

    public init(question: String, addresseeID: Int? = nil) {
        self.question = question
        self.addresseeID = addresseeID
    }
}

/// `POST /api/v1/explanation-requests/{id}/answer`
public struct ExplanationAnswerRequest: Codable, Sendable {
    public var answer: String

    public init(answer: String) { self.answer = answer }
}
