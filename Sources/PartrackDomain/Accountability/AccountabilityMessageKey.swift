/// Every message key of progress, reports, compliance and evidence; `web/locales/{vi,en}/accountability.json`
/// define each one with exactly the placeholders listed here (a test holds them together).
public enum AccountabilityMessageKey: String, CaseIterable, Sendable {
    // MARK: Access
    case accessInactive = "access.inactive"
    case accessNotReviewedUnit = "access.not_reviewed_unit"
    case accessTaskOtherUnit = "access.task.other_unit"
    case accessTaskOtherUnitChange = "access.task.other_unit_change"
    case accessTaskReviewerReadOnly = "access.task.reviewer_read_only"
    case accessTaskNotYourPosition = "access.task.not_your_position"
    case accessTaskNotGivenToYou = "access.task.not_given_to_you"
    case accessExplanationNotAddressed = "access.explanation.not_addressed"
    case accessLeaderOtherUnit = "access.leader.other_unit"
    case accessLeaderOnlyReopen = "access.leader_only.reopen"
    case accessLeaderOnlyCancel = "access.leader_only.cancel"
    case accessLeaderOnlyRestore = "access.leader_only.restore"
    case accessLeaderOnlyReassign = "access.leader_only.reassign"
    case accessLeaderOnlyChangeDueDate = "access.leader_only.change_due_date"
    case accessLeaderOnlyRequestExplanation = "access.leader_only.request_explanation"
    case accessLeaderOnlyCloseExplanation = "access.leader_only.close_explanation"
    case accessLeaderOnlyApproveReport = "access.leader_only.approve_report"
    case accessLeaderOnlySubmitReport = "access.leader_only.submit_report"
    case accessReportOtherUnit = "access.report.other_unit"
    case accessReportOtherUnitChange = "access.report.other_unit_change"
    case accessReportReviewerReadOnly = "access.report.reviewer_read_only"
    case accessReportNotYourPosition = "access.report.not_your_position"
    case accessReportCompileOfficeOnly = "access.report.compile_office_only"
    case accessPeriodReviewerOnly = "access.period.reviewer_only"
    case accessPeriodReopenReviewerOnly = "access.period.reopen_reviewer_only"
    case accessComplianceOtherUnit = "access.compliance.other_unit"
    case accessAuditReviewerOnly = "access.audit.reviewer_only"

    // MARK: Task transitions
    case transitionNoChange = "transition.no_change"
    case transitionProgressOutOfRange = "transition.progress_out_of_range"
    case transitionReasonRequiredReopen = "transition.reason_required.reopen"
    case transitionReasonRequiredCancel = "transition.reason_required.cancel"
    case transitionReasonRequiredRestore = "transition.reason_required.restore"
    case transitionReasonRequiredChangeDueDate = "transition.reason_required.change_due_date"
    case transitionReasonRequired = "transition.reason_required"
    case transitionLowerProgressNeedsNote = "transition.lower_progress_needs_note"
    case transitionCompletionNeedsEvidence = "transition.completion_needs_evidence"
    case transitionExplanationTooShort = "transition.explanation_too_short"
    case transitionExplanationOnlyOnCompletion = "transition.explanation_only_on_completion"
    case transitionDoneTaskIsClosed = "transition.done_task_is_closed"
    case transitionCancelledTaskIsClosed = "transition.cancelled_task_is_closed"
    case transitionDoneMeansFull = "transition.done_means_full"
    case transitionNotStartedMeansZero = "transition.not_started_means_zero"
    case transitionCannotUnstart = "transition.cannot_unstart"
    case transitionReopenGoesToInProgress = "transition.reopen_goes_to_in_progress"
    case transitionReopenBeforeCancelling = "transition.reopen_before_cancelling"
    case transitionRestoreBeforeCompleting = "transition.restore_before_completing"
    case transitionDueDateOfDoneTask = "transition.due_date_of_done_task"
    case transitionLeadPositionRequired = "transition.lead_position_required"
    case transitionPositionBothParts = "transition.position_both_parts"
    case transitionEventStarted = "transition.event.started"
    case transitionEventProgressed = "transition.event.progressed"
    case transitionEventCompleted = "transition.event.completed"
    case transitionEventCompletedWithExplanation = "transition.event.completed_with_explanation"
    case transitionEventReopened = "transition.event.reopened"
    case transitionEventCancelled = "transition.event.cancelled"
    case transitionEventRestoredNotStarted = "transition.event.restored_not_started"
    case transitionEventRestoredInProgress = "transition.event.restored_in_progress"
    case transitionEventDueDateChanged = "transition.event.due_date_changed"
    case transitionEventReassigned = "transition.event.reassigned"
    case transitionEventNoted = "transition.event.noted"

    // MARK: Reports
    case reportStatusNotYetDue = "report.status.not_yet_due"
    case reportStatusMissing = "report.status.missing"
    case reportStatusOnTime = "report.status.on_time"
    case reportStatusLate = "report.status.late"
    case reportNarrativePosition = "report.narrative.position"
    case reportNarrativeNoTasks = "report.narrative.no_tasks"
    case reportNarrativeUnit = "report.narrative.unit"
    case reportNarrativeDoneOnTime = "report.narrative.done_on_time"
    case reportNarrativeDoneLate = "report.narrative.done_late"
    case reportNarrativeInProgress = "report.narrative.in_progress"
    case reportNarrativeOverdue = "report.narrative.overdue"
    case reportNarrativeNotYetDue = "report.narrative.not_yet_due"
    case reportNarrativeCancelled = "report.narrative.cancelled"
    case reportNarrativeDoneWithoutEvidence = "report.narrative.done_without_evidence"
    case reportNarrativeOpenWithoutUpdates = "report.narrative.open_without_updates"
    case reportNarrativePositionsOnTime = "report.narrative.positions_on_time"
    case reportNarrativePositionsLate = "report.narrative.positions_late"
    case reportNarrativePositionsMissing = "report.narrative.positions_missing"
    case reportNarrativePositionsNotYetDue = "report.narrative.positions_not_yet_due"
    case reportPeriodLocked = "report.period_locked"
    case reportPeriodAlreadyLocked = "report.period_already_locked"
    case reportPeriodNotLocked = "report.period_not_locked"

    // MARK: Compliance
    case complianceIssueDuplicateUnit = "compliance.issue.duplicate_unit"
    case complianceIssueUnknownParent = "compliance.issue.unknown_parent"
    case complianceIssueParentLoop = "compliance.issue.parent_loop"
    case complianceCSVUnit = "compliance.csv.unit"
    case complianceCSVLevel = "compliance.csv.level"
    case complianceCSVStatus = "compliance.csv.status"
    case complianceCSVSubmittedAt = "compliance.csv.submitted_at"
    case complianceCSVPositionsOnTime = "compliance.csv.positions_on_time"
    case complianceCSVPositionsLate = "compliance.csv.positions_late"
    case complianceCSVPositionsMissing = "compliance.csv.positions_missing"
    case complianceCSVTasksDue = "compliance.csv.tasks_due"
    case complianceCSVTasksDoneOnTime = "compliance.csv.tasks_done_on_time"
    case complianceCSVOnTimeRate = "compliance.csv.on_time_rate"
    case complianceCSVPeriodsOnTime = "compliance.csv.periods_on_time"
    case complianceCSVPeriodsLate = "compliance.csv.periods_late"
    case complianceCSVPeriodsMissing = "compliance.csv.periods_missing"

    // MARK: Evidence
    case evidenceEmpty = "evidence.empty"
    case evidenceUnrecognised = "evidence.unrecognised"
    case evidenceMismatchImage = "evidence.mismatch_image"
    case evidenceMismatchDocument = "evidence.mismatch_document"
    case evidenceAmbiguous = "evidence.ambiguous"

    /// The placeholders its template must fill, so the locale files can be checked against the code.
    public var placeholders: Set<String> {
        switch self {
        case .accessTaskNotYourPosition: return ["positions"]
        case .accessReportNotYourPosition: return ["position"]
        case .transitionProgressOutOfRange, .transitionDoneMeansFull, .transitionNotStartedMeansZero:
            return ["value"]
        case .transitionLowerProgressNeedsNote, .transitionEventProgressed, .transitionEventDueDateChanged:
            return ["from", "to"]
        case .transitionExplanationTooShort: return ["minimum"]
        case .reportNarrativePosition: return ["position", "from", "cut_off", "total"]
        case .reportNarrativeNoTasks: return ["position", "from", "cut_off"]
        case .reportNarrativeUnit: return ["unit", "from", "cut_off", "total", "positions"]
        case .reportNarrativeDoneOnTime: return ["count", "in_period"]
        case .reportNarrativeDoneLate, .reportNarrativeInProgress, .reportNarrativeOverdue, .reportNarrativeNotYetDue,
            .reportNarrativeCancelled, .reportNarrativeDoneWithoutEvidence, .reportNarrativeOpenWithoutUpdates:
            return ["count", "tasks"]
        case .reportNarrativePositionsOnTime: return ["count", "total"]
        case .reportNarrativePositionsLate, .reportNarrativePositionsMissing, .reportNarrativePositionsNotYetDue:
            return ["count", "positions"]
        case .reportPeriodLocked, .reportPeriodAlreadyLocked: return ["by", "since"]
        case .complianceIssueDuplicateUnit, .complianceIssueParentLoop: return ["unit", "name"]
        case .complianceIssueUnknownParent: return ["unit", "name", "parent"]
        case .complianceCSVStatus, .complianceCSVSubmittedAt, .complianceCSVPositionsOnTime,
            .complianceCSVPositionsLate, .complianceCSVPositionsMissing, .complianceCSVTasksDue,
            .complianceCSVTasksDoneOnTime, .complianceCSVOnTimeRate:
            return ["period"]
        case .evidenceEmpty, .evidenceUnrecognised: return ["file"]
        case .evidenceMismatchImage, .evidenceMismatchDocument: return ["file", "extension", "format"]
        case .evidenceAmbiguous: return ["file", "format"]
        default: return []
        }
    }

    /// "Only the leader may …" for `act`.
    static func leaderOnly(_ act: LeaderAct) -> AccountabilityMessageKey {
        switch act {
        case .reopen: return .accessLeaderOnlyReopen
        case .cancel: return .accessLeaderOnlyCancel
        case .restore: return .accessLeaderOnlyRestore
        case .reassign: return .accessLeaderOnlyReassign
        case .changeDueDate: return .accessLeaderOnlyChangeDueDate
        case .requestExplanation: return .accessLeaderOnlyRequestExplanation
        case .closeExplanation: return .accessLeaderOnlyCloseExplanation
        case .approveReport: return .accessLeaderOnlyApproveReport
        case .submitReport: return .accessLeaderOnlySubmitReport
        }
    }

    /// "Write why you …" for a leader's act that needs a reason.
    static func reasonRequired(_ act: LeaderAct) -> AccountabilityMessageKey {
        switch act {
        case .reopen: return .transitionReasonRequiredReopen
        case .cancel: return .transitionReasonRequiredCancel
        case .restore: return .transitionReasonRequiredRestore
        case .changeDueDate: return .transitionReasonRequiredChangeDueDate
        default: return .transitionReasonRequired
        }
    }
}

extension Message {
    init(_ key: AccountabilityMessageKey, _ arguments: [String: String] = [:]) {
        self.init(key.rawValue, arguments)
    }
}
