/// Why a task update was refused, in the words of the person who made it.
public enum TransitionRefusal: UserFacingError, Equatable {
    /// The update changes nothing and carries no note.
    case noChange
    case progressOutOfRange(Int)
    /// Only the unit's leader may do this.
    case leaderOnly(LeaderAct)
    /// A leader's reopen, cancel, restore or due-date change needs a written reason.
    case reasonRequired(LeaderAct)
    /// Lowering progress is allowed, but the note must say why.
    case lowerProgressNeedsNote(from: Int, to: Int)
    /// Done needs evidence or an explanation (giải trình), as the appraisal rules require.
    case completionNeedsEvidenceOrExplanation
    case explanationTooShort(minimumLetters: Int)
    /// An explanation was written but the task is not being completed.
    case explanationOnlyOnCompletion
    /// A done task keeps 100 %; it must be reopened to change.
    case doneTaskIsClosed
    /// A cancelled task must be restored before anything else.
    case cancelledTaskIsClosed
    case doneMeansFullProgress(Int)
    case notStartedMeansNoProgress(Int)
    /// A started task does not go back to "not started".
    case cannotUnstart
    /// Reopening puts a task back in progress, never back to not started.
    case reopenGoesToInProgress
    /// A done task is reopened before it can be cancelled, so the completion is undone on record.
    case reopenBeforeCancelling
    /// A cancelled task is restored before it can be completed.
    case restoreBeforeCompleting
    /// The due date of a done task no longer changes: it would rewrite whether it was on time.
    case dueDateOfDoneTask
    case leadPositionRequired
    case positionBothLeadAndCooperating

    public var message: Message {
        switch self {
        case .noChange: return Message(.transitionNoChange)
        case .progressOutOfRange(let value): return Message(.transitionProgressOutOfRange, ["value": "\(value)"])
        case .leaderOnly(let act): return AccessPolicy.leaderOnly(act)
        case .reasonRequired(let act): return Message(AccountabilityMessageKey.reasonRequired(act))
        case .lowerProgressNeedsNote(let from, let to):
            return Message(.transitionLowerProgressNeedsNote, ["from": "\(from)", "to": "\(to)"])
        case .completionNeedsEvidenceOrExplanation: return Message(.transitionCompletionNeedsEvidence)
        case .explanationTooShort(let minimum):
            return Message(.transitionExplanationTooShort, ["minimum": "\(minimum)"])
        case .explanationOnlyOnCompletion: return Message(.transitionExplanationOnlyOnCompletion)
        case .doneTaskIsClosed: return Message(.transitionDoneTaskIsClosed)
        case .cancelledTaskIsClosed: return Message(.transitionCancelledTaskIsClosed)
        case .doneMeansFullProgress(let value): return Message(.transitionDoneMeansFull, ["value": "\(value)"])
        case .notStartedMeansNoProgress(let value):
            return Message(.transitionNotStartedMeansZero, ["value": "\(value)"])
        case .cannotUnstart: return Message(.transitionCannotUnstart)
        case .reopenGoesToInProgress: return Message(.transitionReopenGoesToInProgress)
        case .reopenBeforeCancelling: return Message(.transitionReopenBeforeCancelling)
        case .restoreBeforeCompleting: return Message(.transitionRestoreBeforeCompleting)
        case .dueDateOfDoneTask: return Message(.transitionDueDateOfDoneTask)
        case .leadPositionRequired: return Message(.transitionLeadPositionRequired)
        case .positionBothLeadAndCooperating: return Message(.transitionPositionBothParts)
        }
    }
}
