import Foundation

/// The life of a task and who may move it (issue 4):
///
/// ```
/// not started ──▶ in progress ──▶ done    anyone the task is given to; done needs evidence or an
///      └───────────────────────────▲      explanation (giải trình) and sets progress to 100 %
/// done ──▶ in progress                    reopen: a leader, with a reason; clears the completion time
/// not started, in progress ──▶ cancelled ──▶ not started, in progress    a leader, with a reason
/// ```
///
/// - Progress is a whole percent 0…100. Progress above 0 on a not-started task starts it.
///   Progress may go down (a mistake, work redone) but the note must say why.
/// - A new due date is a leader's act with a reason, and never on a done task (it would rewrite
///   whether the task was on time).
/// - Reassigning positions is a leader's act; a task keeps at least one lead position.
/// - An update that changes nothing and carries no note is refused, so the history has no empty rows.
public enum TaskTransitions {
    /// An explanation must have at least this many letters or digits: "as the appraisal rules
    /// require", a real sentence rather than "..." or "ok".
    public static let minimumExplanationLetters = 10

    /// Checks `change` against the task as it is (`current`) and returns the task as it would be,
    /// with what happened, or why it may not. `actorIsLeader` is `AccessPolicy.mayDirect(user,
    /// unitID:)`; `hasEvidence` says whether the task already has an evidence file; `now` stamps a
    /// completion.
    public static func check(
        current: TaskSnapshot, change: TaskChange, actorIsLeader: Bool, hasEvidence: Bool, now: Date
    ) -> Result<TaskTransition, TransitionRefusal> {
        do throws(TransitionRefusal) {
            var update = Update(
                current: current, note: WrittenText.trimmed(change.note), actorIsLeader: actorIsLeader)
            try update.applyState(change)
            try update.applyProgress(change)
            let explanation = try update.applyCompletion(
                explanation: WrittenText.trimmed(change.explanation), hasEvidence: hasEvidence, now: now)
            try update.applyDueDate(change.dueDate)
            try update.applyAssignment(change.assignment)
            if update.events.isEmpty {
                guard update.note != nil else { throw .noChange }
                update.events = [.noted]
            }
            return .success(
                TaskTransition(
                    before: current, after: update.after, events: update.events, note: update.note,
                    explanation: explanation))
        } catch {
            return .failure(error)
        }
    }
}

/// One update being applied, step by step; each step may refuse.
private struct Update {
    let current: TaskSnapshot
    let note: String?
    let actorIsLeader: Bool
    var after: TaskSnapshot
    var events: [TaskEvent] = []

    init(current: TaskSnapshot, note: String?, actorIsLeader: Bool) {
        self.current = current
        self.note = note
        self.actorIsLeader = actorIsLeader
        self.after = current
    }

    /// A leader's act: refused to anyone else, and to a leader who gives no reason.
    private func requireLeader(_ act: LeaderAct, reason: Bool = true) throws(TransitionRefusal) {
        guard actorIsLeader else { throw .leaderOnly(act) }
        guard !reason || note != nil else { throw .reasonRequired(act) }
    }

    mutating func applyState(_ change: TaskChange) throws(TransitionRefusal) {
        var target = change.state ?? current.state
        // Recording progress on a task nobody has started starts it.
        if change.state == nil, current.state == .notStarted, let progress = change.progress, progress > 0 {
            target = .inProgress
        }
        switch (current.state, target) {
        case (.notStarted, .notStarted), (.inProgress, .inProgress), (.done, .done), (.cancelled, .cancelled):
            break
        case (.notStarted, .inProgress):
            events.append(.started)
        case (.notStarted, .done), (.inProgress, .done):
            break  // completion has its own step
        case (.inProgress, .notStarted):
            throw .cannotUnstart
        case (.done, .inProgress):
            try requireLeader(.reopen)
            events.append(.reopened)
            after.completedAt = nil
        case (.done, .notStarted):
            throw .reopenGoesToInProgress
        case (.notStarted, .cancelled), (.inProgress, .cancelled):
            try requireLeader(.cancel)
            events.append(.cancelled)
        case (.done, .cancelled):
            throw .reopenBeforeCancelling
        case (.cancelled, .notStarted), (.cancelled, .inProgress):
            try requireLeader(.restore)
            events.append(.restored(to: target))
        case (.cancelled, .done):
            throw .restoreBeforeCompleting
        }
        after.state = target
    }

    mutating func applyProgress(_ change: TaskChange) throws(TransitionRefusal) {
        if let asked = change.progress, !(0...100).contains(asked) { throw .progressOutOfRange(asked) }
        let asked = change.progress.flatMap { $0 == current.progress ? nil : $0 }
        var progress = asked ?? current.progress
        switch after.state {
        case .done:
            if let asked, asked != 100 {
                throw current.state == .done ? .doneTaskIsClosed : .doneMeansFullProgress(asked)
            }
            progress = 100
        case .notStarted:
            if let asked, asked > 0 { throw .notStartedMeansNoProgress(asked) }
            progress = 0  // a task restored to "not started" starts again from nothing
        case .cancelled:
            if asked != nil { throw .cancelledTaskIsClosed }
        case .inProgress:
            break
        }
        if progress < current.progress, note == nil {
            throw .lowerProgressNeedsNote(from: current.progress, to: progress)
        }
        // Completing reports itself; its 100 % is implied.
        if progress != current.progress, after.state != .done {
            events.append(.progressed(from: current.progress, to: progress))
        }
        after.progress = progress
    }

    /// Marks the completion; returns the explanation to record with it.
    mutating func applyCompletion(
        explanation: String?, hasEvidence: Bool, now: Date
    ) throws(TransitionRefusal) -> String? {
        guard after.state == .done, current.state != .done else {
            if explanation != nil { throw .explanationOnlyOnCompletion }
            return nil
        }
        if !hasEvidence {
            guard let explanation else { throw .completionNeedsEvidenceOrExplanation }
            let minimum = TaskTransitions.minimumExplanationLetters
            guard WrittenText.substance(of: explanation) >= minimum else {
                throw .explanationTooShort(minimumLetters: minimum)
            }
        }
        after.completedAt = now
        events.append(.completed(withEvidence: hasEvidence))
        return explanation
    }

    mutating func applyDueDate(_ due: LocalDate?) throws(TransitionRefusal) {
        guard let due, due != current.dueDate else { return }
        guard after.state != .done else { throw .dueDateOfDoneTask }
        try requireLeader(.changeDueDate)
        after.dueDate = due
        events.append(.dueDateChanged(from: current.dueDate, to: due))
    }

    mutating func applyAssignment(_ assignment: TaskAssignment?) throws(TransitionRefusal) {
        guard let assignment, assignment != current.assignment else { return }
        try requireLeader(.reassign, reason: false)
        guard !assignment.leadPositionIDs.isEmpty else { throw .leadPositionRequired }
        guard assignment.leadPositionIDs.isDisjoint(with: assignment.cooperatingPositionIDs) else {
            throw .positionBothLeadAndCooperating
        }
        after.assignment = assignment
        events.append(.reassigned)
    }
}
