/// Acts of the assessment that only a reviewer of the units (or an admin) may do; each has its own
/// refusal sentence.
public enum ReviewerAct: String, CaseIterable, Sendable, Codable {
    case openRound = "open_round"
    case setCouncil = "set_council"
    case reopenUnit = "reopen_unit"
    case enterSurvey = "enter_survey"
    case compile
    case publish
}

/// Who may do what in an assessment round (issue 8):
///
/// - a criterion is self-scored only by the holders of the position that owns it (`AreaOwnership`);
///   criteria with no owner by the unit's leader. The leader sees the whole self-assessment, assigns the
///   owners and submits, but does not overwrite an owner's scores: to change one, the leader asks the
///   owner or gives the area to another position;
/// - evidence requests are answered by the criterion's owner or the leader;
/// - a criterion is appraised, and more evidence asked for, only by the council member assigned to it,
///   and never by someone of the unit appraised;
/// - the council's secretary and the reviewers follow the appraisal's progress;
/// - reviewers (and admins) open rounds, set the council, reopen a unit, enter survey points, compile and
///   publish; admins never score or appraise, which is a named person's responsibility;
/// - results are read by the reviewers and the council before publication, and by everyone after.
public enum AssessmentPolicy {
    /// Reading a unit's self-assessment: its members, its reviewers, the council, admins.
    public static func mayView(_ user: ActingUser, unitID: Int, council: Council?) -> AccessDecision {
        guard user.active else { return inactive }
        if user.role == .admin || user.unitID == unitID || user.reviews.contains(unitID) { return .allow }
        if let council, council.isMember(user.userID) || council.secretaryUserIDs.contains(user.userID) {
            return .allow
        }
        return deny(.accessViewOtherUnit)
    }

    /// Entering, changing or confirming the self score of criterion `code`.
    public static func maySelfScore(
        _ user: ActingUser, unitID: Int, code: String, ownership: AreaOwnership
    ) -> AccessDecision {
        if let refusal = unitWorkRefusal(user, unitID: unitID) { return .deny(refusal) }
        guard let owner = ownership.owner(of: code) else {
            return user.role == .leader ? .allow : deny(.accessNoOwnerLeaderScores, ["code": code])
        }
        if user.positionIDs.contains(owner.positionID) { return .allow }
        return deny(.accessNotOwner, ["code": code, "owner": owner.title])
    }

    /// Answering the council's request for more evidence on criterion `code`: its owner or the leader.
    public static func mayAnswerEvidenceRequest(
        _ user: ActingUser, unitID: Int, code: String, ownership: AreaOwnership
    ) -> AccessDecision {
        if let refusal = unitWorkRefusal(user, unitID: unitID) { return .deny(refusal) }
        if user.role == .leader { return .allow }
        guard let owner = ownership.owner(of: code) else { return deny(.accessNoOwnerLeaderAnswers, ["code": code]) }
        if user.positionIDs.contains(owner.positionID) { return .allow }
        return deny(.accessNotOwner, ["code": code, "owner": owner.title])
    }

    /// Deciding which position owns which area of the unit: its leader (or an admin).
    public static func mayAssignOwners(_ user: ActingUser, unitID: Int) -> AccessDecision {
        guard user.active else { return inactive }
        if user.role == .admin { return .allow }
        guard user.role == .leader else { return deny(.accessLeaderOnlyAssignOwners) }
        return user.unitID == unitID ? .allow : deny(.accessOtherUnit)
    }

    /// "Gửi thẩm định": the unit's leader, who signed the report.
    public static func maySubmit(_ user: ActingUser, unitID: Int) -> AccessDecision {
        guard user.active else { return inactive }
        guard user.role == .leader else { return deny(.accessLeaderOnlySubmit) }
        return user.unitID == unitID ? .allow : deny(.accessOtherUnit)
    }

    /// Appraising criterion `code` of `unitID`, or asking the unit for more evidence on it.
    public static func mayAppraise(_ user: ActingUser, unitID: Int, code: String, council: Council) -> AccessDecision {
        guard user.active else { return inactive }
        guard let appraiser = council.appraiser(of: code) else { return deny(.accessNoAppraiser, ["code": code]) }
        guard appraiser.userID == user.userID else {
            return deny(.accessNotAppraiser, ["code": code, "member": appraiser.label])
        }
        return user.unitID == unitID ? deny(.accessOwnUnit) : .allow
    }

    /// Following the appraisal's progress by member and area: the secretary, the reviewers, admins.
    public static func mayFollowProgress(_ user: ActingUser, unitIDs: Set<Int>, council: Council) -> AccessDecision {
        guard user.active else { return inactive }
        if council.secretaryUserIDs.contains(user.userID) || reviewsAll(user, unitIDs) { return .allow }
        return deny(.accessProgressSecretaryOnly)
    }

    /// A reviewer's act on the round's units.
    public static func mayManage(_ user: ActingUser, _ act: ReviewerAct, unitIDs: Set<Int>) -> AccessDecision {
        guard user.active else { return inactive }
        if user.role == .admin { return .allow }
        guard user.role == .reviewer else { return deny(reviewerOnly(act)) }
        return reviewsAll(user, unitIDs) ? .allow : .deny(Message(AccountabilityMessageKey.accessNotReviewedUnit))
    }

    /// Reading a unit's results: everyone once published; before that the reviewers and the council.
    public static func mayViewResults(
        _ user: ActingUser, unitID: Int, round: AssessmentRound, council: Council?
    ) -> AccessDecision {
        guard user.active else { return inactive }
        if round.isPublished || user.role == .admin || user.reviews.contains(unitID) { return .allow }
        if let council, council.isMember(user.userID) || council.secretaryUserIDs.contains(user.userID) {
            return .allow
        }
        return deny(.accessResultsNotPublished)
    }

    // MARK: Shared rules

    /// Uploading the unit's own documents (evidence no task carries, the signed report): its officers
    /// and leader, not reviewers or admins.
    public static func mayUploadDocument(_ user: ActingUser, unitID: Int) -> AccessDecision {
        unitWorkRefusal(user, unitID: unitID).map { .deny($0) } ?? .allow
    }

    /// Why `user` may not do the unit's own work (scoring, answering) on `unitID` at all.
    private static func unitWorkRefusal(_ user: ActingUser, unitID: Int) -> Message? {
        guard user.active else { return Message(AccountabilityMessageKey.accessInactive) }
        switch user.role {
        case .reviewer: return Message(.accessReviewerDoesNotSelfScore)
        case .admin: return Message(.accessAdminDoesNotScore)
        case .officer, .leader: return user.unitID == unitID ? nil : Message(.accessOtherUnit)
        }
    }

    private static func reviewsAll(_ user: ActingUser, _ unitIDs: Set<Int>) -> Bool {
        user.role == .admin || (user.role == .reviewer && unitIDs.isSubset(of: user.reviews))
    }

    static func reviewerOnly(_ act: ReviewerAct) -> AssessmentMessageKey {
        switch act {
        case .openRound: return .accessReviewerOnlyOpenRound
        case .setCouncil: return .accessReviewerOnlySetCouncil
        case .reopenUnit: return .accessReviewerOnlyReopenUnit
        case .enterSurvey: return .accessReviewerOnlyEnterSurvey
        case .compile: return .accessReviewerOnlyCompile
        case .publish: return .accessReviewerOnlyPublish
        }
    }

    private static var inactive: AccessDecision { .deny(Message(AccountabilityMessageKey.accessInactive)) }

    private static func deny(_ key: AssessmentMessageKey, _ arguments: [String: String] = [:]) -> AccessDecision {
        .deny(Message(key, arguments))
    }
}
