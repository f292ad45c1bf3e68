/// Why an act of the assessment was refused, in words for the person who tried it. `details` lists
/// every individual problem when there are several (each criterion that cannot be submitted, each bad
/// cell of an imported file, each criterion still to appraise), so they are fixed in one pass.
public struct AssessmentRefusal: UserFacingError, Equatable, CustomStringConvertible {
    public var message: Message
    public var details: [Message]

    public init(message: Message, details: [Message] = []) {
        self.message = message
        self.details = details
    }

    init(_ key: AssessmentMessageKey, _ arguments: [String: String] = [:], details: [Message] = []) {
        self.init(message: Message(key, arguments), details: details)
    }

    public var description: String {
        ([message] + details).map(\.description).joined(separator: "\n")
    }
}

extension AccessDecision {
    /// The refusal as an assessment error, nil when allowed.
    var refusal: AssessmentRefusal? { reason.map { AssessmentRefusal(message: $0) } }
}
