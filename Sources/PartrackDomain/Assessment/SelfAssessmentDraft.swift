/// A self-assessment pre-filled from the plan's progress, for each owner to confirm or change.
public enum SelfAssessmentDraft {
    /// Suggested self scores from a projection of the unit's plan: each scored leaf's *earned* points
    /// (what is done, or last year's appraised score where the plan has no task for it) rounded DOWN to
    /// the round's step, so a suggestion never claims more than the work shows. `evidence` offers, per
    /// leaf code, the evidence files its linked tasks already carry; they are listed with the suggestion.
    ///
    /// Entries in `existing` that an owner entered or confirmed are kept as they are; suggestions are
    /// refreshed. Survey leaves get no suggestion (the reviewer enters their points), nor do codes the
    /// projection does not have. Every suggestion is `.suggested` and must be confirmed to be submitted.
    public static func prefill(
        from projection: Projection, step: Points, evidence: [String: [EvidenceRef]] = [:],
        existing: [String: SelfScore] = [:]
    ) -> [String: SelfScore] {
        var draft = existing
        for leaf in projection.leaves where leaf.coverage != .survey && leaf.coverage != .awaitingSurvey {
            if let kept = existing[leaf.code], kept.source == .owner { continue }
            draft[leaf.code] = SelfScore(
                score: ScoreRule.roundedDown(leaf.figures.earned, maximum: leaf.maximum, step: step),
                evidence: SelfAssessment.uniqued(evidence[leaf.code] ?? []), source: .suggested)
        }
        return draft
    }
}
