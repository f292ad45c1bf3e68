/// Why one criterion of a self-assessment cannot be submitted yet.
public struct SelfAssessmentProblem: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The criterion has no self score.
        case notScored = "not_scored"
        /// The score is still the suggestion pre-filled from the tasks; the owner must confirm or change it.
        case suggestionNotConfirmed = "suggestion_not_confirmed"
        /// Below zero, above the maximum, or between the round's steps.
        case invalidScore = "invalid_score"
        /// Scored above zero with no evidence and no explanation.
        case needsEvidenceOrExplanation = "needs_evidence_or_explanation"
        /// A score for a code that is not a criterion the unit scores (unknown, a parent, a survey leaf).
        case notAScoredCriterion = "not_a_scored_criterion"
    }

    public var code: String
    public var kind: Kind
    public var message: Message
}

/// The rules a self-assessment must meet to be submitted: every criterion the unit scores has a score
/// that its owner confirmed, within 0…maximum in the round's steps, and a score above zero comes with
/// evidence or an explanation (giải trình) of at least `RoundRules.minimumLetters` letters.
public enum SelfAssessmentCheck {
    /// Every problem, criteria in catalog order, then stray codes in code order. Empty means submittable.
    public static func problems(
        catalog: CatalogDefinition, scores: [String: SelfScore], step: Points
    ) -> [SelfAssessmentProblem] {
        let criteria = AssessedCriteria(catalog)
        var problems: [SelfAssessmentProblem] = []
        for leaf in criteria.scoredLeaves {
            guard let entry = scores[leaf.code] else {
                problems.append(
                    .init(code: leaf.code, kind: .notScored, message: Message(.selfNotScored, ["code": leaf.code])))
                continue
            }
            if let problem = problem(entry, code: leaf.code, maximum: leaf.maximum, step: step) {
                problems.append(problem)
            }
        }
        for code in scores.keys.sorted(by: CriterionCode.precedes) {
            if case .failure(let refusal) = criteria.scoredLeaf(code) {
                problems.append(.init(code: code, kind: .notAScoredCriterion, message: refusal.message))
            }
        }
        return problems
    }

    /// The first problem of one criterion's entry, in the order a person fixes them.
    static func problem(_ entry: SelfScore, code: String, maximum: Points, step: Points) -> SelfAssessmentProblem? {
        if let message = ScoreRule.problem(entry.score, code: code, maximum: maximum, step: step) {
            return .init(code: code, kind: .invalidScore, message: message)
        }
        if entry.score > .zero, entry.evidence.isEmpty, !hasExplanation(entry) {
            return .init(
                code: code, kind: .needsEvidenceOrExplanation,
                message: Message(
                    .selfNeedsEvidenceOrExplanation,
                    ["code": code, "score": entry.score.vietnamese, "minimum": "\(RoundRules.minimumLetters)"]))
        }
        if entry.source == .suggested {
            return .init(
                code: code, kind: .suggestionNotConfirmed,
                message: Message(.selfSuggestionNotConfirmed, ["code": code, "score": entry.score.vietnamese]))
        }
        return nil
    }

    static func hasExplanation(_ entry: SelfScore) -> Bool {
        WrittenText.substance(of: entry.explanation) >= RoundRules.minimumLetters
    }
}
