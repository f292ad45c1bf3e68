import Foundation
import PartrackDomain
import Testing

private let clock = CivilClock.vietnam
private let now = clock.instant(on: LocalDate(year: 2024, month: 4, day: 10)!, hour: 9, minute: 30)
private let earlier = clock.instant(on: LocalDate(year: 2024, month: 3, day: 1)!, hour: 8, minute: 0)
private let due = LocalDate(year: 2024, month: 6, day: 30)!
private let assignment = TaskAssignment(leadPositionIDs: [101], cooperatingPositionIDs: [102])

private func task(_ state: TaskState, _ progress: Int, completedAt: Date? = nil) -> TaskSnapshot {
    TaskSnapshot(
        state: state, progress: progress, dueDate: due,
        completedAt: completedAt ?? (state == .done ? earlier : nil), assignment: assignment)
}

private func check(
    _ current: TaskSnapshot, _ change: TaskChange, leader: Bool = false, evidence: Bool = false
) -> Result<TaskTransition, TransitionRefusal> {
    TaskTransitions.check(current: current, change: change, actorIsLeader: leader, hasEvidence: evidence, now: now)
}

private func refusal(_ result: Result<TaskTransition, TransitionRefusal>) -> TransitionRefusal? {
    if case .failure(let refusal) = result { return refusal }
    return nil
}

/// Every transition of the state diagram, tried by an officer and by a leader. Leader acts carry a
/// reason, so the only difference between the two columns is who asks.
struct TransitionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let current: TaskSnapshot
    let change: TaskChange
    let evidence: Bool
    /// nil: allowed; otherwise the refusal expected.
    let officer: TransitionRefusal?
    let leader: TransitionRefusal?

    var testDescription: String { name }
}

@Suite("Task states: who may move a task where")
struct TaskTransitionTests {
    static let reason = "Theo chỉ đạo của Chủ tịch UBND xã tại cuộc họp giao ban"

    static let cases: [TransitionCase] = [
        TransitionCase(
            name: "start", current: task(.notStarted, 0), change: TaskChange(state: .inProgress), evidence: false,
            officer: nil, leader: nil),
        TransitionCase(
            name: "progress", current: task(.inProgress, 40), change: TaskChange(progress: 60), evidence: false,
            officer: nil, leader: nil),
        TransitionCase(
            name: "complete with evidence", current: task(.inProgress, 60), change: TaskChange(state: .done),
            evidence: true, officer: nil, leader: nil),
        TransitionCase(
            name: "complete directly from not started", current: task(.notStarted, 0),
            change: TaskChange(state: .done), evidence: true, officer: nil, leader: nil),
        TransitionCase(
            name: "unstart", current: task(.inProgress, 10), change: TaskChange(state: .notStarted, note: reason),
            evidence: false, officer: .cannotUnstart, leader: .cannotUnstart),
        TransitionCase(
            name: "reopen", current: task(.done, 100), change: TaskChange(state: .inProgress, note: reason),
            evidence: true, officer: .leaderOnly(.reopen), leader: nil),
        TransitionCase(
            name: "reopen to not started", current: task(.done, 100),
            change: TaskChange(state: .notStarted, note: reason), evidence: true,
            officer: .reopenGoesToInProgress, leader: .reopenGoesToInProgress),
        TransitionCase(
            name: "cancel a task not started", current: task(.notStarted, 0),
            change: TaskChange(state: .cancelled, note: reason), evidence: false,
            officer: .leaderOnly(.cancel), leader: nil),
        TransitionCase(
            name: "cancel a task in progress", current: task(.inProgress, 30),
            change: TaskChange(state: .cancelled, note: reason), evidence: false,
            officer: .leaderOnly(.cancel), leader: nil),
        TransitionCase(
            name: "cancel a done task", current: task(.done, 100), change: TaskChange(state: .cancelled, note: reason),
            evidence: true, officer: .reopenBeforeCancelling, leader: .reopenBeforeCancelling),
        TransitionCase(
            name: "restore to in progress", current: task(.cancelled, 30),
            change: TaskChange(state: .inProgress, note: reason), evidence: false,
            officer: .leaderOnly(.restore), leader: nil),
        TransitionCase(
            name: "restore to not started", current: task(.cancelled, 0),
            change: TaskChange(state: .notStarted, note: reason), evidence: false,
            officer: .leaderOnly(.restore), leader: nil),
        TransitionCase(
            name: "complete a cancelled task", current: task(.cancelled, 30), change: TaskChange(state: .done),
            evidence: true, officer: .restoreBeforeCompleting, leader: .restoreBeforeCompleting),
        TransitionCase(
            name: "change the due date", current: task(.inProgress, 30),
            change: TaskChange(note: reason, dueDate: LocalDate(year: 2024, month: 9, day: 30)!), evidence: false,
            officer: .leaderOnly(.changeDueDate), leader: nil),
        TransitionCase(
            name: "reassign", current: task(.inProgress, 30),
            change: TaskChange(assignment: TaskAssignment(leadPositionIDs: [103])), evidence: false,
            officer: .leaderOnly(.reassign), leader: nil),
        TransitionCase(
            name: "change the progress of a done task", current: task(.done, 100), change: TaskChange(progress: 80),
            evidence: true, officer: .doneTaskIsClosed, leader: .doneTaskIsClosed),
        TransitionCase(
            name: "change the progress of a cancelled task", current: task(.cancelled, 30),
            change: TaskChange(progress: 50), evidence: false,
            officer: .cancelledTaskIsClosed, leader: .cancelledTaskIsClosed),
        TransitionCase(
            name: "a note on a cancelled task", current: task(.cancelled, 30), change: TaskChange(note: reason),
            evidence: false, officer: nil, leader: nil),
    ]

    @Test(arguments: cases)
    func transitionByRole(_ testCase: TransitionCase) {
        let asOfficer = check(testCase.current, testCase.change, leader: false, evidence: testCase.evidence)
        let asLeader = check(testCase.current, testCase.change, leader: true, evidence: testCase.evidence)
        #expect(refusal(asOfficer) == testCase.officer, "officer")
        #expect(refusal(asLeader) == testCase.leader, "leader")
    }

    // MARK: Forward, as the officer does it

    @Test func startingLeavesProgressAtZero() throws {
        let transition = try check(task(.notStarted, 0), TaskChange(state: .inProgress)).get()
        #expect(transition.after.state == .inProgress)
        #expect(transition.after.progress == 0)
        #expect(transition.events == [.started])
    }

    @Test func progressAboveZeroStartsATaskNotStarted() throws {
        let transition = try check(task(.notStarted, 0), TaskChange(progress: 40, note: "Đã xây dựng dự thảo")).get()
        #expect(transition.after.state == .inProgress)
        #expect(transition.after.progress == 40)
        #expect(transition.events == [.started, .progressed(from: 0, to: 40)])
        #expect(transition.note == "Đã xây dựng dự thảo")
        #expect(
            transition.summary == [
                Message("transition.event.started"), Message("transition.event.progressed", ["from": "0", "to": "40"]),
            ])
    }

    @Test func progressIsAWholePercentFromZeroToHundred() throws {
        #expect(refusal(check(task(.inProgress, 40), TaskChange(progress: 101))) == .progressOutOfRange(101))
        #expect(refusal(check(task(.inProgress, 40), TaskChange(progress: -1))) == .progressOutOfRange(-1))
        #expect(
            refusal(check(task(.inProgress, 40), TaskChange(progress: 101))).map(\.message)
                == Message("transition.progress_out_of_range", ["value": "101"]))
        // 100 % without marking done is allowed: the evidence may still be on its way.
        #expect(try check(task(.inProgress, 40), TaskChange(progress: 100)).get().after.state == .inProgress)
    }

    @Test func lowerProgressNeedsANote() throws {
        #expect(
            refusal(check(task(.inProgress, 60), TaskChange(progress: 30)))
                == .lowerProgressNeedsNote(from: 60, to: 30))
        #expect(refusal(check(task(.inProgress, 60), TaskChange(progress: 30, note: "   "))) != nil)
        let transition = try check(task(.inProgress, 60), TaskChange(progress: 30, note: "Phải làm lại dự thảo")).get()
        #expect(transition.events == [.progressed(from: 60, to: 30)])
    }

    @Test func completingSetsFullProgressAndTheCompletionTime() throws {
        let transition = try check(task(.inProgress, 60), TaskChange(state: .done), evidence: true).get()
        #expect(transition.after.state == .done)
        #expect(transition.after.progress == 100)
        #expect(transition.after.completedAt == now)
        #expect(transition.before == task(.inProgress, 60))
        #expect(transition.events == [.completed(withEvidence: true)])
        #expect(transition.explanation == nil)
        // Saying 100 along with done is the same thing; anything else contradicts it.
        #expect(
            try check(task(.inProgress, 60), TaskChange(state: .done, progress: 100), evidence: true).get()
                .after.progress == 100)
        #expect(
            refusal(check(task(.inProgress, 60), TaskChange(state: .done, progress: 80), evidence: true))
                == .doneMeansFullProgress(80))
    }

    @Test func completingWithoutEvidenceNeedsARealExplanation() throws {
        let current = task(.inProgress, 60)
        #expect(refusal(check(current, TaskChange(state: .done))) == .completionNeedsEvidenceOrExplanation)
        #expect(
            refusal(check(current, TaskChange(state: .done, explanation: "  \n ")))
                == .completionNeedsEvidenceOrExplanation)
        // Dots and short words are not an explanation: "chưa có." has 5 letters.
        #expect(
            refusal(check(current, TaskChange(state: .done, explanation: "...............")))
                == .explanationTooShort(minimumLetters: 10))
        #expect(
            refusal(check(current, TaskChange(state: .done, explanation: "chưa có.")))
                == .explanationTooShort(minimumLetters: 10))
        // "Đã ký số" + "ban hành" = 13 letters: enough. Vietnamese letters with marks count once each.
        let transition = try check(current, TaskChange(state: .done, explanation: "  Đã ký số, ban hành  ")).get()
        #expect(transition.events == [.completed(withEvidence: false)])
        #expect(transition.explanation == "Đã ký số, ban hành")
        #expect(transition.summary == [Message("transition.event.completed_with_explanation")])
        // "Quyết định" has nine letters and is refused; with a digit it has ten, the least accepted.
        #expect((try? check(current, TaskChange(state: .done, explanation: "Quyết định")).get()) == nil)
        #expect((try? check(current, TaskChange(state: .done, explanation: "Quyết định 1")).get()) != nil)
    }

    @Test func anExplanationBelongsOnlyToACompletion() {
        #expect(
            refusal(check(task(.inProgress, 40), TaskChange(progress: 50, explanation: "Chưa có văn bản ký số")))
                == .explanationOnlyOnCompletion)
        // A blank explanation field sent by a form is no explanation at all.
        #expect((try? check(task(.inProgress, 40), TaskChange(progress: 50, explanation: " ")).get()) != nil)
    }

    @Test func aTaskNotStartedHasNoProgress() {
        #expect(
            refusal(check(task(.notStarted, 0), TaskChange(state: .notStarted, progress: 30)))
                == .notStartedMeansNoProgress(30))
    }

    @Test func anUpdateThatChangesNothingIsRefusedButANoteAloneIsKept() throws {
        #expect(refusal(check(task(.inProgress, 40), TaskChange())) == .noChange)
        #expect(refusal(check(task(.inProgress, 40), TaskChange(state: .inProgress, progress: 40))) == .noChange)
        #expect(refusal(check(task(.inProgress, 40), TaskChange(note: "  "))) == .noChange)
        #expect(
            refusal(check(task(.inProgress, 40), TaskChange(dueDate: due, assignment: assignment), leader: true))
                == .noChange)
        let noted = try check(task(.inProgress, 40), TaskChange(note: "Đã liên hệ Phòng Tư pháp")).get()
        #expect(noted.events == [.noted])
        #expect(noted.after == noted.before)
    }

    // MARK: The leader's acts

    @Test func reopeningNeedsALeaderAndAReasonAndClearsTheCompletion() throws {
        let done = task(.done, 100)
        #expect(refusal(check(done, TaskChange(state: .inProgress))) == .leaderOnly(.reopen))
        #expect(refusal(check(done, TaskChange(state: .inProgress), leader: true)) == .reasonRequired(.reopen))
        let reopened = try check(done, TaskChange(state: .inProgress, note: Self.reason), leader: true).get()
        #expect(reopened.after.state == .inProgress)
        #expect(reopened.after.completedAt == nil)
        #expect(reopened.after.progress == 100)
        #expect(reopened.events == [.reopened])
        let redo = try check(done, TaskChange(state: .inProgress, progress: 50, note: Self.reason), leader: true).get()
        #expect(redo.events == [.reopened, .progressed(from: 100, to: 50)])
    }

    @Test func cancellingNeedsALeaderAndAReasonAndKeepsTheProgress() throws {
        let current = task(.inProgress, 30)
        #expect(refusal(check(current, TaskChange(state: .cancelled), leader: true)) == .reasonRequired(.cancel))
        let cancelled = try check(current, TaskChange(state: .cancelled, note: Self.reason), leader: true).get()
        #expect(cancelled.after.state == .cancelled)
        #expect(cancelled.after.progress == 30)
        #expect(cancelled.events == [.cancelled])
        #expect(
            refusal(check(current, TaskChange(state: .cancelled, progress: 50, note: Self.reason), leader: true))
                == .cancelledTaskIsClosed)
    }

    @Test func restoringNeedsALeaderAndAReason() throws {
        let cancelled = task(.cancelled, 40)
        #expect(refusal(check(cancelled, TaskChange(state: .inProgress), leader: true)) == .reasonRequired(.restore))
        let resumed = try check(cancelled, TaskChange(state: .inProgress, note: Self.reason), leader: true).get()
        #expect(resumed.after.state == .inProgress)
        #expect(resumed.after.progress == 40)
        #expect(resumed.events == [.restored(to: .inProgress)])
        // Back to "not started" means starting again from nothing.
        let fresh = try check(cancelled, TaskChange(state: .notStarted, note: Self.reason), leader: true).get()
        #expect(fresh.after.progress == 0)
        #expect(fresh.events == [.restored(to: .notStarted), .progressed(from: 40, to: 0)])
        #expect(fresh.summary.first == Message("transition.event.restored_not_started"))
    }

    @Test func changingTheDueDateNeedsALeaderAndAReason() throws {
        let current = task(.inProgress, 30)
        let later = LocalDate(year: 2024, month: 9, day: 30)!
        #expect(refusal(check(current, TaskChange(dueDate: later))) == .leaderOnly(.changeDueDate))
        #expect(refusal(check(current, TaskChange(dueDate: later), leader: true)) == .reasonRequired(.changeDueDate))
        let moved = try check(current, TaskChange(note: Self.reason, dueDate: later), leader: true).get()
        #expect(moved.after.dueDate == later)
        #expect(moved.events == [.dueDateChanged(from: due, to: later)])
        #expect(
            moved.summary == [Message("transition.event.due_date_changed", ["from": "30/06/2024", "to": "30/09/2024"])])
    }

    @Test func theDueDateOfADoneTaskNoLongerChanges() {
        let later = LocalDate(year: 2024, month: 9, day: 30)!
        #expect(
            refusal(check(task(.done, 100), TaskChange(note: Self.reason, dueDate: later), leader: true))
                == .dueDateOfDoneTask)
        // Nor in the same update that completes it.
        #expect(
            refusal(
                check(
                    task(.inProgress, 90), TaskChange(state: .done, note: Self.reason, dueDate: later), leader: true,
                    evidence: true)) == .dueDateOfDoneTask)
    }

    @Test func reassigningKeepsALeadPositionAndNoPositionInBothParts() throws {
        let current = task(.inProgress, 30)
        #expect(
            refusal(check(current, TaskChange(assignment: TaskAssignment(leadPositionIDs: [])), leader: true))
                == .leadPositionRequired)
        #expect(
            refusal(
                check(
                    current,
                    TaskChange(assignment: TaskAssignment(leadPositionIDs: [101], cooperatingPositionIDs: [101, 103])),
                    leader: true)) == .positionBothLeadAndCooperating)
        let moved = TaskAssignment(leadPositionIDs: [103], cooperatingPositionIDs: [101], assigneeID: 7)
        let transition = try check(current, TaskChange(assignment: moved), leader: true).get()
        #expect(transition.after.assignment == moved)
        #expect(transition.events == [.reassigned])
    }

    @Test func everyRefusalSpeaksToThePerson() {
        let refusals: [TransitionRefusal] = [
            .noChange, .progressOutOfRange(120), .leaderOnly(.reopen), .reasonRequired(.cancel),
            .lowerProgressNeedsNote(from: 60, to: 30), .completionNeedsEvidenceOrExplanation,
            .explanationTooShort(minimumLetters: 10), .explanationOnlyOnCompletion, .doneTaskIsClosed,
            .cancelledTaskIsClosed, .doneMeansFullProgress(80), .notStartedMeansNoProgress(30), .cannotUnstart,
            .reopenGoesToInProgress, .reopenBeforeCancelling, .restoreBeforeCompleting, .dueDateOfDoneTask,
            .leadPositionRequired, .positionBothLeadAndCooperating,
        ]
        let keys = refusals.map(\.message.key)
        #expect(Set(keys).count == refusals.count, "each refusal has its own sentence")
        #expect(keys.allSatisfy { $0.hasPrefix("transition.") || $0.hasPrefix("access.leader_only.") })
        #expect(TransitionRefusal.leaderOnly(.reopen).message == Message("access.leader_only.reopen"))
        #expect(
            TransitionRefusal.reasonRequired(.changeDueDate).message
                == Message("transition.reason_required.change_due_date"))
    }
}
