import Foundation

/// What a council member decides on one criterion of one unit.
public enum AppraisalDecision: Sendable, Equatable {
    /// The self score stands.
    case accept
    /// Another score, with the reason (required unless the score equals the self score).
    case score(Points, reason: String)
}

/// The council's score of one criterion of one unit (thẩm định).
public struct Appraisal: Sendable, Equatable, Codable {
    public var score: Points
    /// The self score this appraisal was made against (0 when the unit left the criterion unscored). If
    /// the unit's self score later differs (a reviewer reopened the unit), the appraisal is stale and
    /// compiling asks for it again.
    public var selfScore: Points
    /// Why the score differs from the self score; nil when it does not.
    public var reason: String?
    public var appraiserID: Int
    public var appraisedAt: Date

    public init(score: Points, selfScore: Points, reason: String?, appraiserID: Int, appraisedAt: Date) {
        self.score = score
        self.selfScore = selfScore
        self.reason = reason
        self.appraiserID = appraiserID
        self.appraisedAt = appraisedAt
    }

    /// True when the council changed the self score.
    public var isChange: Bool { score != selfScore }
}

/// The council's side of a round.
public enum AppraisalRules {
    /// Records a council member's decision on criterion `code` of a unit. Refused after publication, for
    /// a unit not in the round, for a code that is not a scored criterion, to anyone but the member
    /// assigned to the criterion, while the unit's self-assessment can still change (neither submitted
    /// nor closed), for a score out of range or between steps, and for a changed score without a reason
    /// of at least `RoundRules.minimumLetters` letters. Accepting needs a self score to accept.
    public static func appraise(
        _ decision: AppraisalDecision, code: String, unit: UnitRoundState, selfScore: SelfScore?,
        round: AssessmentRound, catalog: CatalogDefinition, council: Council, by user: ActingUser,
        at instant: Date, clock: CivilClock = .vietnam
    ) -> Result<Appraisal, AssessmentRefusal> {
        let leaf: CatalogIndex.Node
        switch councilWork(
            code: code, unit: unit, round: round, catalog: catalog, council: council, by: user, at: instant,
            clock: clock)
        {
        case .success(let node): leaf = node
        case .failure(let refusal): return .failure(refusal)
        }
        let selfPoints = selfScore?.score ?? .zero
        let score: Points
        var reason: String? = nil
        switch decision {
        case .accept:
            guard selfScore != nil else {
                return .failure(AssessmentRefusal(.appraisalNothingToAccept, ["code": code]))
            }
            score = selfPoints
        case .score(let chosen, let written):
            if let message = ScoreRule.problem(chosen, code: code, maximum: leaf.maximum, step: round.scoreStep) {
                return .failure(AssessmentRefusal(message: message))
            }
            score = chosen
            // Setting the unit's own score is accepting it; anything else, or scoring what the unit left
            // unscored, is a change the council must explain.
            if chosen != selfPoints || selfScore == nil {
                guard let text = WrittenText.trimmed(written),
                    WrittenText.substance(of: text) >= RoundRules.minimumLetters
                else {
                    return .failure(
                        AssessmentRefusal(
                            .appraisalReasonRequired,
                            [
                                "code": code, "self_score": selfScore?.score.vietnamese ?? "—",
                                "score": chosen.vietnamese, "minimum": "\(RoundRules.minimumLetters)",
                            ]))
                }
                reason = text
            }
        }
        return .success(
            Appraisal(
                score: score, selfScore: selfPoints, reason: reason, appraiserID: user.userID, appraisedAt: instant))
    }

    /// What every act of a council member on a unit's criterion requires; returns the leaf.
    static func councilWork(
        code: String, unit: UnitRoundState, round: AssessmentRound, catalog: CatalogDefinition, council: Council,
        by user: ActingUser, at instant: Date, clock: CivilClock
    ) -> Result<CatalogIndex.Node, AssessmentRefusal> {
        if let refusal = RoundRules.roundRefusal(round, unitID: unit.unitID) {
            return .failure(AssessmentRefusal(message: refusal))
        }
        let leaf: CatalogIndex.Node
        switch AssessedCriteria(catalog).scoredLeaf(code) {
        case .success(let node): leaf = node
        case .failure(let refusal): return .failure(refusal)
        }
        if let refusal = AssessmentPolicy.mayAppraise(user, unitID: unit.unitID, code: code, council: council).refusal {
            return .failure(refusal)
        }
        guard round.selfScoresFrozen(unit, at: instant, clock: clock) else {
            return .failure(AssessmentRefusal(.appraisalNotYetFrozen, ["closes_on": round.closesOn.formatted]))
        }
        return .success(leaf)
    }
}
