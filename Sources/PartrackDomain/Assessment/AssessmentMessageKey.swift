/// Every message key of the assessment (issue 8); `web/locales/{vi,en}/assessment.json` define each one
/// with exactly the placeholders listed here (a test holds them together).
public enum AssessmentMessageKey: String, CaseIterable, Sendable {
    case roundNoUnits = "assessment.round.no_units"
    case roundTrialIncomplete = "assessment.round.trial_incomplete"
    case roundTrialOrder = "assessment.round.trial_order"
    case roundTrialAfterOfficial = "assessment.round.trial_after_official"
    case roundClosesBeforeOfficial = "assessment.round.closes_before_official"
    case roundBadStep = "assessment.round.bad_step"
    case roundPublished = "assessment.round.published"
    case roundUnitNotInRound = "assessment.round.unit_not_in_round"
    case windowNotOpen = "assessment.window.not_open"
    case windowAwaitingOfficial = "assessment.window.awaiting_official"
    case windowClosed = "assessment.window.closed"
    case windowReopeningEnded = "assessment.window.reopening_ended"
    case selfSubmitted = "assessment.self.submitted"
    case selfNotScored = "assessment.self.not_scored"
    case selfSuggestionNotConfirmed = "assessment.self.suggestion_not_confirmed"
    case selfNeedsEvidenceOrExplanation = "assessment.self.needs_evidence_or_explanation"
    case submitAlready = "assessment.submit.already"
    case submitDuringTrial = "assessment.submit.during_trial"
    case submitProblems = "assessment.submit.problems"
    case submitSignedReportMissing = "assessment.submit.signed_report_missing"
    case reopenReasonRequired = "assessment.reopen.reason_required"
    case reopenUntilPast = "assessment.reopen.until_past"
    case scoreNegative = "assessment.score.negative"
    case scoreAboveMaximum = "assessment.score.above_maximum"
    case scoreOffStep = "assessment.score.off_step"
    case criterionUnknown = "assessment.criterion.unknown"
    case criterionNotLeaf = "assessment.criterion.not_leaf"
    case criterionIsSurvey = "assessment.criterion.is_survey"
    case ownershipUnknownCriterion = "assessment.ownership.unknown_criterion"
    case councilMemberTwice = "assessment.council.member_twice"
    case councilUnknownCriterion = "assessment.council.unknown_criterion"
    case councilAssigneeNotMember = "assessment.council.assignee_not_member"
    case councilUnassigned = "assessment.council.unassigned"
    case accessViewOtherUnit = "assessment.access.view_other_unit"
    case accessOtherUnit = "assessment.access.other_unit"
    case accessNotOwner = "assessment.access.not_owner"
    case accessNoOwnerLeaderScores = "assessment.access.no_owner_leader_scores"
    case accessNoOwnerLeaderAnswers = "assessment.access.no_owner_leader_answers"
    case accessReviewerDoesNotSelfScore = "assessment.access.reviewer_does_not_self_score"
    case accessAdminDoesNotScore = "assessment.access.admin_does_not_score"
    case accessLeaderOnlyAssignOwners = "assessment.access.leader_only.assign_owners"
    case accessLeaderOnlySubmit = "assessment.access.leader_only.submit"
    case accessNoAppraiser = "assessment.access.no_appraiser"
    case accessNotAppraiser = "assessment.access.not_appraiser"
    case accessOwnUnit = "assessment.access.own_unit"
    case accessProgressSecretaryOnly = "assessment.access.progress_secretary_only"
    case accessResultsNotPublished = "assessment.access.results_not_published"
    case accessReviewerOnlyOpenRound = "assessment.access.reviewer_only.open_round"
    case accessReviewerOnlySetCouncil = "assessment.access.reviewer_only.set_council"
    case accessReviewerOnlyReopenUnit = "assessment.access.reviewer_only.reopen_unit"
    case accessReviewerOnlyEnterSurvey = "assessment.access.reviewer_only.enter_survey"
    case accessReviewerOnlyCompile = "assessment.access.reviewer_only.compile"
    case accessReviewerOnlyPublish = "assessment.access.reviewer_only.publish"
    case appraisalNotYetFrozen = "assessment.appraisal.not_yet_frozen"
    case appraisalNothingToAccept = "assessment.appraisal.nothing_to_accept"
    case appraisalReasonRequired = "assessment.appraisal.reason_required"
    case requestTextRequired = "assessment.request.text_required"
    case requestAnswerByPast = "assessment.request.answer_by_past"
    case requestAlreadyAnswered = "assessment.request.already_answered"
    case requestAnswerLate = "assessment.request.answer_late"
    case requestAnswerEmpty = "assessment.request.answer_empty"
    case surveyNotSurveyCriterion = "assessment.survey.not_survey_criterion"
    case surveyOutOfRange = "assessment.survey.out_of_range"
    case surveyImportNoHeader = "assessment.survey.import.no_header"
    case surveyImportNotSurveyCriterion = "assessment.survey.import.not_survey_criterion"
    case surveyImportUnknownUnit = "assessment.survey.import.unknown_unit"
    case surveyImportUnitTwice = "assessment.survey.import.unit_twice"
    case surveyImportNotANumber = "assessment.survey.import.not_a_number"
    case surveyImportOutOfRange = "assessment.survey.import.out_of_range"
    case surveyImportInvalid = "assessment.survey.import.invalid"
    case compileIncomplete = "assessment.compile.incomplete"
    case compileUnitNotInRound = "assessment.compile.unit_not_in_round"
    case compileUnitTwice = "assessment.compile.unit_twice"
    case compileUnitOpen = "assessment.compile.unit_open"
    case compileNotAppraised = "assessment.compile.not_appraised"
    case compileStaleAppraisal = "assessment.compile.stale_appraisal"
    case compileSurveyMissing = "assessment.compile.survey_missing"
    case compileSurveyInvalid = "assessment.compile.survey_invalid"
    case compileUnitsMissing = "assessment.compile.units_missing"
    case eventReopened = "assessment.event.reopened"
    case eventPublished = "assessment.event.published"
    case csvRank = "assessment.csv.rank"
    case csvUnit = "assessment.csv.unit"
    case csvSelfTotal = "assessment.csv.self_total"
    case csvArea = "assessment.csv.area"
    case csvSurvey = "assessment.csv.survey"
    case csvTotal = "assessment.csv.total"
    case csvPercent = "assessment.csv.percent"
    case csvClass = "assessment.csv.class"
    case phaseNotOpen = "assessment.phase.not_open"
    case phaseTrial = "assessment.phase.trial"
    case phaseAwaitingOfficial = "assessment.phase.awaiting_official"
    case phaseOfficial = "assessment.phase.official"
    case phaseClosed = "assessment.phase.closed"
    case phaseReopened = "assessment.phase.reopened"
    case phasePublished = "assessment.phase.published"
    case tieRuleShareRank = "assessment.tie_rule.share_rank"
    case tieRuleAreasInOrder = "assessment.tie_rule.areas_in_order"

    /// The placeholders its template must fill, so the locale files can be checked against the code.
    public var placeholders: Set<String> {
        switch self {
        case .roundTrialOrder:
            return ["from", "to"]
        case .roundTrialAfterOfficial, .windowAwaitingOfficial:
            return ["trial_to", "official_from"]
        case .roundClosesBeforeOfficial:
            return ["official_from", "closes_on"]
        case .roundBadStep:
            return ["step"]
        case .windowNotOpen:
            return ["opens_on"]
        case .windowClosed, .appraisalNotYetFrozen:
            return ["closes_on"]
        case .windowReopeningEnded:
            return ["until"]
        case .selfSubmitted, .submitAlready, .requestAlreadyAnswered:
            return ["at"]
        case .selfNotScored, .criterionUnknown, .criterionNotLeaf, .criterionIsSurvey, .ownershipUnknownCriterion,
            .councilUnknownCriterion, .councilAssigneeNotMember, .accessNoOwnerLeaderScores,
            .accessNoOwnerLeaderAnswers, .accessNoAppraiser, .appraisalNothingToAccept, .surveyNotSurveyCriterion:
            return ["code"]
        case .selfSuggestionNotConfirmed, .scoreNegative:
            return ["code", "score"]
        case .selfNeedsEvidenceOrExplanation:
            return ["code", "score", "minimum"]
        case .submitDuringTrial:
            return ["official_from"]
        case .submitProblems, .surveyImportInvalid, .compileIncomplete:
            return ["count"]
        case .reopenReasonRequired, .requestTextRequired, .requestAnswerEmpty:
            return ["minimum"]
        case .reopenUntilPast:
            return ["until", "today"]
        case .scoreAboveMaximum:
            return ["code", "score", "maximum"]
        case .scoreOffStep:
            return ["code", "score", "step", "below", "above"]
        case .councilMemberTwice:
            return ["member"]
        case .councilUnassigned:
            return ["codes"]
        case .accessNotOwner:
            return ["code", "owner"]
        case .accessNotAppraiser:
            return ["code", "member"]
        case .appraisalReasonRequired:
            return ["code", "self_score", "score", "minimum"]
        case .requestAnswerByPast:
            return ["answer_by", "today"]
        case .requestAnswerLate:
            return ["answer_by"]
        case .surveyOutOfRange:
            return ["code", "points", "maximum"]
        case .surveyImportNotSurveyCriterion:
            return ["cell", "code"]
        case .surveyImportUnknownUnit:
            return ["cell", "unit"]
        case .surveyImportUnitTwice:
            return ["cell", "unit", "first"]
        case .surveyImportNotANumber:
            return ["cell", "value", "code"]
        case .surveyImportOutOfRange:
            return ["cell", "code", "points", "maximum"]
        case .compileUnitNotInRound, .compileUnitTwice, .compileUnitOpen:
            return ["unit"]
        case .compileNotAppraised, .compileStaleAppraisal, .compileSurveyMissing:
            return ["unit", "codes"]
        case .compileSurveyInvalid:
            return ["unit", "code", "points"]
        case .compileUnitsMissing:
            return ["count", "ids"]
        case .eventReopened:
            return ["until", "reason"]
        case .eventPublished:
            return ["units", "at"]
        case .csvArea:
            return ["code", "maximum"]
        default: return []
        }
    }
}

extension Message {
    init(_ key: AssessmentMessageKey, _ arguments: [String: String] = [:]) {
        self.init(key.rawValue, arguments)
    }
}
