import Foundation

/// A council member's request to a unit for more evidence on one criterion, and the unit's answer.
public struct EvidenceRequest: Sendable, Equatable, Codable {
    public var unitID: Int
    public var code: String
    public var askedBy: Int
    public var askedAt: Date
    /// What is missing, in the member's words.
    public var text: String
    /// The unit answers by the end of this day (Vietnam time); nil: until the results are published.
    public var answerBy: LocalDate?
    public var answer: EvidenceAnswer?

    public init(
        unitID: Int, code: String, askedBy: Int, askedAt: Date, text: String, answerBy: LocalDate? = nil,
        answer: EvidenceAnswer? = nil
    ) {
        self.unitID = unitID
        self.code = code
        self.askedBy = askedBy
        self.askedAt = askedAt
        self.text = text
        self.answerBy = answerBy
        self.answer = answer
    }

    public var isOpen: Bool { answer == nil }
}

public struct EvidenceAnswer: Sendable, Equatable, Codable {
    public var text: String
    public var evidence: [EvidenceRef]
    public var answeredBy: Int
    public var answeredAt: Date

    public init(text: String, evidence: [EvidenceRef], answeredBy: Int, answeredAt: Date) {
        self.text = text
        self.evidence = evidence
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}

/// Asking a unit for more evidence and answering within the round. The answer goes with the request;
/// the unit's self scores stay frozen, and the member then appraises with the new evidence in hand.
public enum EvidenceRequests {
    /// A council member asks the unit for more evidence on criterion `code`: the same conditions as
    /// appraising it, plus a request of at least `RoundRules.minimumLetters` letters and an answer-by day
    /// that has not passed.
    public static func ask(
        code: String, text: String, answerBy: LocalDate?, unit: UnitRoundState, round: AssessmentRound,
        catalog: CatalogDefinition, council: Council, by user: ActingUser, at instant: Date,
        clock: CivilClock = .vietnam
    ) -> Result<EvidenceRequest, AssessmentRefusal> {
        if case .failure(let refusal) = AppraisalRules.councilWork(
            code: code, unit: unit, round: round, catalog: catalog, council: council, by: user, at: instant,
            clock: clock)
        {
            return .failure(refusal)
        }
        guard let written = WrittenText.trimmed(text), WrittenText.substance(of: written) >= RoundRules.minimumLetters
        else {
            return .failure(AssessmentRefusal(.requestTextRequired, ["minimum": "\(RoundRules.minimumLetters)"]))
        }
        let today = clock.day(of: instant)
        if let answerBy, answerBy < today {
            return .failure(
                AssessmentRefusal(.requestAnswerByPast, ["answer_by": answerBy.formatted, "today": today.formatted]))
        }
        return .success(
            EvidenceRequest(
                unitID: unit.unitID, code: code, askedBy: user.userID, askedAt: instant, text: written,
                answerBy: answerBy, answer: nil))
    }

    /// The unit answers: the criterion's owner or the leader, before the results are published and by the
    /// answer-by day, once, with evidence or a written answer (or both).
    public static func answer(
        _ request: EvidenceRequest, text: String, evidence: [EvidenceRef], round: AssessmentRound,
        ownership: AreaOwnership, by user: ActingUser, at instant: Date, clock: CivilClock = .vietnam
    ) -> Result<EvidenceRequest, AssessmentRefusal> {
        if let refusal = AssessmentPolicy.mayAnswerEvidenceRequest(
            user, unitID: request.unitID, code: request.code, ownership: ownership
        ).refusal {
            return .failure(refusal)
        }
        if let refusal = RoundRules.roundRefusal(round, unitID: request.unitID) {
            return .failure(AssessmentRefusal(message: refusal))
        }
        if let answer = request.answer {
            return .failure(AssessmentRefusal(.requestAlreadyAnswered, ["at": clock.formatDateTime(answer.answeredAt)]))
        }
        if let answerBy = request.answerBy, !clock.isOnOrBefore(instant, day: answerBy) {
            return .failure(AssessmentRefusal(.requestAnswerLate, ["answer_by": answerBy.formatted]))
        }
        let written = WrittenText.trimmed(text) ?? ""
        let files = SelfAssessment.uniqued(evidence)
        guard !files.isEmpty || WrittenText.substance(of: written) >= RoundRules.minimumLetters else {
            return .failure(AssessmentRefusal(.requestAnswerEmpty, ["minimum": "\(RoundRules.minimumLetters)"]))
        }
        var answered = request
        answered.answer = EvidenceAnswer(text: written, evidence: files, answeredBy: user.userID, answeredAt: instant)
        return .success(answered)
    }
}
