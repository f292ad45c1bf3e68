/// A piece of evidence (tài liệu kiểm chứng) offered for a criterion: a stored evidence file, with where
/// in it the appraiser should look.
public struct EvidenceRef: Sendable, Hashable, Codable {
    /// The stored evidence file (the server's id).
    public var evidenceID: Int
    /// Page or section to look at ("tr. 3", "mục II.2"); empty when the whole file is the evidence.
    public var pointer: String
    /// The task that already carries this file when it was chosen from a linked task's evidence; nil
    /// when it was attached to the criterion directly.
    public var taskID: Int?

    public init(evidenceID: Int, pointer: String = "", taskID: Int? = nil) {
        self.evidenceID = evidenceID
        self.pointer = pointer
        self.taskID = taskID
    }
}

/// Where a self score came from.
public enum ScoreSource: String, Sendable, Codable, CaseIterable {
    /// Pre-filled from task completion; the owner has not confirmed it yet, so it cannot be submitted.
    case suggested
    /// Entered or confirmed by the area's owner.
    case owner
}

/// The unit's self-assessment of one leaf criterion (tự đánh giá, chấm điểm).
public struct SelfScore: Sendable, Equatable, Codable {
    public var score: Points
    /// The explanation (giải trình); needed when the score is above zero and there is no evidence.
    public var explanation: String
    public var evidence: [EvidenceRef]
    public var source: ScoreSource

    public init(score: Points, explanation: String = "", evidence: [EvidenceRef] = [], source: ScoreSource = .owner) {
        self.score = score
        self.explanation = explanation
        self.evidence = evidence
        self.source = source
    }
}
