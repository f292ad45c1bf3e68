/// Everything a person can ask to do that the access rules decide. The API and the web pages ask
/// `AccessPolicy.decide` with one of these, so there is one place where the rules live.
public enum AccessAction: Sendable, Hashable {
    // MARK: Tasks: reading
    case viewTask(TaskScope)
    /// Downloading a task's evidence file: allowed to whoever may view the task.
    case downloadEvidence(TaskScope)

    // MARK: Tasks: the work of the people a task is given to (and of the unit's leader)
    /// Progress and state forward (not started → in progress → done).
    case updateTask(TaskScope)
    case addNote(TaskScope)
    case uploadEvidence(TaskScope)
    /// Answering an explanation request; only the person it was addressed to answers it.
    case answerExplanation(TaskScope, addresseeID: Int)

    // MARK: Tasks: directing, for the unit's leader
    case reopenTask(TaskScope)
    case cancelTask(TaskScope)
    case restoreTask(TaskScope)
    case reassignPositions(TaskScope)
    case changeDueDate(TaskScope)
    case requestExplanation(TaskScope)
    case closeExplanation(TaskScope)

    // MARK: Periodic reports
    /// Reading the unit's reports (its positions' and its own) and their status.
    case viewReports(unitID: Int)
    /// Drafting, editing and submitting a position's report.
    case writePositionReport(PositionReportScope)
    /// Compiling the unit's report from its positions' reports. `officePositionIDs` are the unit's
    /// positions flagged as compiling the unit report ("Văn phòng – Thống kê" in a commune).
    case compileUnitReport(unitID: Int, officePositionIDs: Set<Int>)
    case approveUnitReport(unitID: Int)
    /// Sending the approved report up to the reviewing unit.
    case submitUnitReport(unitID: Int)
    case lockPeriod(unitID: Int)
    case reopenPeriod(unitID: Int)

    // MARK: Oversight
    case viewCompliance(unitID: Int)
    /// Reading and exporting the audit log of a unit.
    case viewAuditLog(unitID: Int)
}

/// What the rules answer. A refusal says why, in words a civil servant understands.
public enum AccessDecision: Sendable, Equatable {
    case allow
    case deny(Message)

    public var isAllowed: Bool { self == .allow }

    /// The refusal's reason, nil when allowed.
    public var reason: Message? {
        if case .deny(let message) = self { return message }
        return nil
    }
}

/// Acts only a unit's leader may do; each has its own refusal sentence.
public enum LeaderAct: String, CaseIterable, Sendable, Codable {
    case reopen
    case cancel
    case restore
    case reassign
    case changeDueDate = "change_due_date"
    case requestExplanation = "request_explanation"
    case closeExplanation = "close_explanation"
    case approveReport = "approve_report"
    case submitReport = "submit_report"
}
