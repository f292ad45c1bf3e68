import Foundation

/// The unit's side of a round: an owner records the self score of a criterion, the leader submits.
/// Each call checks everything that applies (who, when, which criterion, which score), so the server
/// cannot forget a rule.
public enum SelfAssessment {
    /// Records `entry` as the owner's self score of criterion `code`: refused for a code that is not a
    /// criterion the unit scores, to anyone but its owner (`AssessmentPolicy.maySelfScore`), outside the
    /// round's windows or after submission (`RoundRules.mayChangeSelfAssessment`), and for a score out of
    /// range or between steps. Evidence and explanation are only required at
    /// submission, so a draft may be saved half done. Returns the entry as stored: confirmed by its
    /// owner, the explanation trimmed, the same evidence and page listed once.
    public static func record(
        _ entry: SelfScore, code: String, unit: UnitRoundState, round: AssessmentRound, catalog: CatalogDefinition,
        ownership: AreaOwnership, by user: ActingUser, at instant: Date, clock: CivilClock = .vietnam
    ) -> Result<SelfScore, AssessmentRefusal> {
        let leaf: CatalogIndex.Node
        switch AssessedCriteria(catalog).scoredLeaf(code) {
        case .success(let node): leaf = node
        case .failure(let refusal): return .failure(refusal)
        }
        if let refusal = AssessmentPolicy.maySelfScore(user, unitID: unit.unitID, code: code, ownership: ownership)
            .refusal
        {
            return .failure(refusal)
        }
        if let refusal = RoundRules.mayChangeSelfAssessment(round, unit: unit, at: instant, clock: clock).refusal {
            return .failure(refusal)
        }
        if let message = ScoreRule.problem(entry.score, code: code, maximum: leaf.maximum, step: round.scoreStep) {
            return .failure(AssessmentRefusal(message: message))
        }
        var stored = entry
        stored.source = .owner
        stored.explanation = WrittenText.trimmed(entry.explanation) ?? ""
        stored.evidence = uniqued(entry.evidence)
        return .success(stored)
    }

    /// "Gửi thẩm định": the leader submits the unit's self-assessment with the signed scan of its report.
    /// Refused to anyone but the unit's leader, during the trial, outside the windows, without the signed
    /// report, and while any criterion cannot be submitted (the refusal lists each one). The returned
    /// state freezes the self scores.
    public static func submit(
        unit: UnitRoundState, scores: [String: SelfScore], signedReport: EvidenceRef?, round: AssessmentRound,
        catalog: CatalogDefinition, by user: ActingUser, at instant: Date, clock: CivilClock = .vietnam
    ) -> Result<UnitRoundState, AssessmentRefusal> {
        if let refusal = AssessmentPolicy.maySubmit(user, unitID: unit.unitID).refusal { return .failure(refusal) }
        if let refusal = RoundRules.maySubmit(round, unit: unit, at: instant, clock: clock).refusal {
            return .failure(refusal)
        }
        let problems = SelfAssessmentCheck.problems(catalog: catalog, scores: scores, step: round.scoreStep)
        if !problems.isEmpty {
            return .failure(
                AssessmentRefusal(.submitProblems, ["count": "\(problems.count)"], details: problems.map(\.message)))
        }
        guard let signedReport else { return .failure(AssessmentRefusal(.submitSignedReportMissing)) }
        var submitted = unit
        submitted.submission = Submission(submittedAt: instant, submittedBy: user.userID, signedReport: signedReport)
        return .success(submitted)
    }

    /// `evidence` without repeats of the same file and pointer, in first-listed order.
    static func uniqued(_ evidence: [EvidenceRef]) -> [EvidenceRef] {
        var seen: Set<String> = []
        return evidence.compactMap { reference in
            var cleaned = reference
            cleaned.pointer = WrittenText.trimmed(reference.pointer) ?? ""
            return seen.insert("\(cleaned.evidenceID)\u{0}\(cleaned.pointer)").inserted ? cleaned : nil
        }
    }
}
