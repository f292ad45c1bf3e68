/// Who may do what (architecture, "Security model"), decided in one place for the API and the pages:
///
/// - inactive users may do nothing; admins may do everything;
/// - officers read the tasks and reports of their own unit, and change only the tasks given to them
///   (a position they hold leads or cooperates, or they are the named assignee): progress, notes,
///   evidence, answers to explanation requests addressed to them; they write the reports of the
///   positions they hold, and compile the unit report when they hold the unit's office position;
/// - leaders do all of that on every task and report of their unit, and direct it: reopen, cancel,
///   restore, reassign, change due dates, request and close explanations, approve and submit the
///   unit's report;
/// - reviewers read their own unit and the units they review (tasks, evidence, reports, compliance,
///   audit log) and lock or reopen those units' report periods; they never change tasks or reports.
public enum AccessPolicy {
    public static func decide(_ user: ActingUser, _ action: AccessAction) -> AccessDecision {
        guard user.active else { return deny(.accessInactive) }
        if user.role == .admin { return .allow }
        switch action {
        case .viewTask(let task), .downloadEvidence(let task):
            return read(user, unitID: task.unitID, otherUnit: .accessTaskOtherUnit)
        case .viewReports(let unitID):
            return read(user, unitID: unitID, otherUnit: .accessReportOtherUnit)
        case .viewCompliance(let unitID):
            return read(user, unitID: unitID, otherUnit: .accessComplianceOtherUnit)

        case .updateTask(let task), .addNote(let task), .uploadEvidence(let task):
            return work(user, on: task)
        case .answerExplanation(let task, let addresseeID):
            if let refusal = changeTaskRefusal(user, unitID: task.unitID) { return .deny(refusal) }
            return addresseeID == user.userID ? .allow : deny(.accessExplanationNotAddressed)

        case .reopenTask(let task): return direct(user, unitID: task.unitID, .reopen)
        case .cancelTask(let task): return direct(user, unitID: task.unitID, .cancel)
        case .restoreTask(let task): return direct(user, unitID: task.unitID, .restore)
        case .reassignPositions(let task): return direct(user, unitID: task.unitID, .reassign)
        case .changeDueDate(let task): return direct(user, unitID: task.unitID, .changeDueDate)
        case .requestExplanation(let task): return direct(user, unitID: task.unitID, .requestExplanation)
        case .closeExplanation(let task): return direct(user, unitID: task.unitID, .closeExplanation)

        case .writePositionReport(let report):
            if let refusal = changeReportRefusal(user, unitID: report.unitID) { return .deny(refusal) }
            if user.role == .leader || user.positionIDs.contains(report.positionID) { return .allow }
            return deny(.accessReportNotYourPosition, ["position": report.positionTitle])
        case .compileUnitReport(let unitID, let officePositionIDs):
            if let refusal = changeReportRefusal(user, unitID: unitID) { return .deny(refusal) }
            if user.role == .leader || !user.positionIDs.isDisjoint(with: officePositionIDs) { return .allow }
            return deny(.accessReportCompileOfficeOnly)
        case .approveUnitReport(let unitID): return direct(user, unitID: unitID, .approveReport)
        case .submitUnitReport(let unitID): return direct(user, unitID: unitID, .submitReport)

        case .lockPeriod(let unitID):
            return review(user, unitID: unitID, otherRoles: .accessPeriodReviewerOnly)
        case .reopenPeriod(let unitID):
            return review(user, unitID: unitID, otherRoles: .accessPeriodReopenReviewerOnly)
        case .viewAuditLog(let unitID):
            return review(user, unitID: unitID, otherRoles: .accessAuditReviewerOnly)
        }
    }

    /// Whether `user` directs `unitID`: its leader, or an admin. `TaskTransitions.check` takes this
    /// as `actorIsLeader`.
    public static func mayDirect(_ user: ActingUser, unitID: Int) -> Bool {
        decide(user, .reopenTask(TaskScope(unitID: unitID))).isAllowed
    }

    // MARK: The rules, one per kind of act

    /// Reading: members read their own unit, reviewers also the units they review.
    private static func read(_ user: ActingUser, unitID: Int, otherUnit: AccountabilityMessageKey) -> AccessDecision {
        if unitID == user.unitID || user.reviews.contains(unitID) { return .allow }
        return deny(user.role == .reviewer ? .accessNotReviewedUnit : otherUnit)
    }

    /// Working on a task: the unit's leader on any of its tasks, an officer on the tasks given to them.
    private static func work(_ user: ActingUser, on task: TaskScope) -> AccessDecision {
        if let refusal = changeTaskRefusal(user, unitID: task.unitID) { return .deny(refusal) }
        if user.role == .leader || task.isGiven(to: user) { return .allow }
        if task.leadPositionTitles.isEmpty { return deny(.accessTaskNotGivenToYou) }
        return deny(.accessTaskNotYourPosition, ["positions": task.leadPositionTitles.joined(separator: ", ")])
    }

    /// Directing: only the leader of the unit.
    private static func direct(_ user: ActingUser, unitID: Int, _ act: LeaderAct) -> AccessDecision {
        guard user.role == .leader || user.role == .admin else { return .deny(leaderOnly(act)) }
        if user.role == .admin || unitID == user.unitID { return .allow }
        return deny(.accessLeaderOtherUnit)
    }

    /// Oversight: a reviewer of the unit (or an admin, handled before).
    private static func review(
        _ user: ActingUser, unitID: Int, otherRoles: AccountabilityMessageKey
    ) -> AccessDecision {
        guard user.role == .reviewer else { return deny(otherRoles) }
        return user.reviews.contains(unitID) ? .allow : deny(.accessNotReviewedUnit)
    }

    /// Why `user` may not change a task of `unitID` at all, whatever the task: reviewers only read,
    /// and nobody changes another unit's tasks.
    private static func changeTaskRefusal(_ user: ActingUser, unitID: Int) -> Message? {
        if user.role == .reviewer { return Message(.accessTaskReviewerReadOnly) }
        if unitID != user.unitID { return Message(.accessTaskOtherUnitChange) }
        return nil
    }

    private static func changeReportRefusal(_ user: ActingUser, unitID: Int) -> Message? {
        if user.role == .reviewer { return Message(.accessReportReviewerReadOnly) }
        if unitID != user.unitID { return Message(.accessReportOtherUnitChange) }
        return nil
    }

    /// "Only the commune's leader may …", one sentence per act; shared with `TransitionRefusal`.
    static func leaderOnly(_ act: LeaderAct) -> Message {
        Message(AccountabilityMessageKey.leaderOnly(act))
    }

    private static func deny(_ key: AccountabilityMessageKey, _ arguments: [String: String] = [:]) -> AccessDecision {
        .deny(Message(key, arguments))
    }
}
