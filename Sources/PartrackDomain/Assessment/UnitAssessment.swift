/// Everything of one unit in a round, as the server loads it to show progress or compile results.
public struct UnitAssessment: Sendable, Equatable, Codable {
    public var unitID: Int
    /// "Xã Ba Giang": for tables and messages.
    public var name: String
    public var state: UnitRoundState
    /// Self scores by leaf code.
    public var selfScores: [String: SelfScore]
    /// The council's appraisals by leaf code.
    public var appraisals: [String: Appraisal]
    public var evidenceRequests: [EvidenceRequest]
    /// Points of the survey leaves, entered or imported by the reviewer, by leaf code.
    public var surveyPoints: [String: Points]

    public init(
        unitID: Int, name: String, state: UnitRoundState? = nil, selfScores: [String: SelfScore] = [:],
        appraisals: [String: Appraisal] = [:], evidenceRequests: [EvidenceRequest] = [],
        surveyPoints: [String: Points] = [:]
    ) {
        self.unitID = unitID
        self.name = name
        self.state = state ?? UnitRoundState(unitID: unitID)
        self.selfScores = selfScores
        self.appraisals = appraisals
        self.evidenceRequests = evidenceRequests
        self.surveyPoints = surveyPoints
    }

    /// The appraisal of `code` if it still matches the unit's self score. One made before a reviewer
    /// reopened the unit and its owner changed the score no longer counts.
    public func currentAppraisal(of code: String) -> Appraisal? {
        guard let appraisal = appraisals[code], appraisal.selfScore == (selfScores[code]?.score ?? .zero) else {
            return nil
        }
        return appraisal
    }
}
