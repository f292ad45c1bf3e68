import PartrackDomain
import Testing

/// A small world: district 1 (Phòng Nội vụ) reviews communes 10 and 11; commune 12 belongs to
/// another district. The officer holds position 101 (Tư pháp – Hộ tịch) of commune 10.
private enum World {
    static let officer = ActingUser(userID: 1, role: .officer, unitID: 10, positionIDs: [101])
    static let leader = ActingUser(userID: 2, role: .leader, unitID: 10)
    static let reviewer = ActingUser(userID: 3, role: .reviewer, unitID: 1, reviewedUnitIDs: [10, 11])
    static let admin = ActingUser(userID: 4, role: .admin, unitID: 0)

    static func user(_ role: Role) -> ActingUser {
        switch role {
        case .officer: return officer
        case .leader: return leader
        case .reviewer: return reviewer
        case .admin: return admin
        }
    }

    /// The tasks, from the officer's point of view, in the matrix's column order.
    static let tasks: [(name: String, scope: TaskScope)] = [
        (
            "own position leads",
            TaskScope(unitID: 10, leadPositionIDs: [101], leadPositionTitles: ["Tư pháp – Hộ tịch"])
        ),
        ("own position cooperates", TaskScope(unitID: 10, leadPositionIDs: [102], cooperatingPositionIDs: [101])),
        ("assigned by name", TaskScope(unitID: 10, leadPositionIDs: [102], assigneeID: 1)),
        (
            "another position of the unit",
            TaskScope(unitID: 10, leadPositionIDs: [102], leadPositionTitles: ["Văn phòng – Thống kê"])
        ),
        ("sibling commune 11", TaskScope(unitID: 11, leadPositionIDs: [111])),
        ("commune 12 of another district", TaskScope(unitID: 12, leadPositionIDs: [121])),
        ("the district's own task", TaskScope(unitID: 1, leadPositionIDs: [11])),
    ]

    /// Units in the matrix's column order: own commune, sibling commune, foreign commune, the district.
    static let units = [10, 11, 12, 1]

    static let positionReports = [
        PositionReportScope(unitID: 10, positionID: 101, positionTitle: "Tư pháp – Hộ tịch"),
        PositionReportScope(unitID: 10, positionID: 102, positionTitle: "Văn phòng – Thống kê"),
        PositionReportScope(unitID: 11, positionID: 111, positionTitle: "Tư pháp – Hộ tịch"),
        PositionReportScope(unitID: 12, positionID: 121, positionTitle: "Tư pháp – Hộ tịch"),
    ]

    /// (unit, its office positions): the officer holds commune 10's office position only in the first.
    static let compilations: [(Int, Set<Int>)] = [(10, [101]), (10, [102]), (11, [111]), (12, [121])]
}

/// One line of the policy matrix: an action over every column, and per role which columns allow it
/// ("Y") or deny it ("N"). The letters are written out by hand from the rules, not computed.
struct PolicyRow: Sendable, CustomTestStringConvertible {
    let action: String
    let columns: [AccessAction]
    let expected: [Role: String]

    var testDescription: String { action }

    static func tasks(
        _ action: String, _ make: @Sendable (TaskScope) -> AccessAction, _ expected: [Role: String]
    ) -> PolicyRow {
        PolicyRow(action: action, columns: World.tasks.map { make($0.scope) }, expected: expected)
    }

    static func units(_ action: String, _ make: @Sendable (Int) -> AccessAction, _ expected: [Role: String])
        -> PolicyRow
    {
        PolicyRow(action: action, columns: World.units.map(make), expected: expected)
    }
}

@Suite("Who may do what: one policy for the API and the pages")
struct AccessPolicyTests {
    //                      task columns: lead coop named other c11 c12 district
    static let rows: [PolicyRow] = [
        .tasks(
            "view task", { .viewTask($0) },
            [
                .officer: "YYYYNNN", .leader: "YYYYNNN", .reviewer: "YYYYYNY", .admin: "YYYYYYY",
            ]),
        .tasks(
            "download evidence", { .downloadEvidence($0) },
            [
                .officer: "YYYYNNN", .leader: "YYYYNNN", .reviewer: "YYYYYNY", .admin: "YYYYYYY",
            ]),
        .tasks(
            "update progress", { .updateTask($0) },
            [
                .officer: "YYYNNNN", .leader: "YYYYNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        .tasks(
            "add note", { .addNote($0) },
            [
                .officer: "YYYNNNN", .leader: "YYYYNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        .tasks(
            "upload evidence", { .uploadEvidence($0) },
            [
                .officer: "YYYNNNN", .leader: "YYYYNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        // Addressed to the officer (user 1): only they (and an admin) answer, on any task of their unit.
        .tasks(
            "answer explanation addressed to the officer", { .answerExplanation($0, addresseeID: 1) },
            [
                .officer: "YYYYNNN", .leader: "NNNNNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        .tasks(
            "reopen", { .reopenTask($0) },
            [
                .officer: "NNNNNNN", .leader: "YYYYNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        .tasks(
            "cancel", { .cancelTask($0) },
            [
                .officer: "NNNNNNN", .leader: "YYYYNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        .tasks(
            "restore", { .restoreTask($0) },
            [
                .officer: "NNNNNNN", .leader: "YYYYNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        .tasks(
            "reassign positions", { .reassignPositions($0) },
            [
                .officer: "NNNNNNN", .leader: "YYYYNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        .tasks(
            "change due date", { .changeDueDate($0) },
            [
                .officer: "NNNNNNN", .leader: "YYYYNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        .tasks(
            "request explanation", { .requestExplanation($0) },
            [
                .officer: "NNNNNNN", .leader: "YYYYNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        .tasks(
            "close explanation", { .closeExplanation($0) },
            [
                .officer: "NNNNNNN", .leader: "YYYYNNN", .reviewer: "NNNNNNN", .admin: "YYYYYYY",
            ]),
        //                  unit columns: c10 c11 c12 district
        .units(
            "view reports", { .viewReports(unitID: $0) },
            [
                .officer: "YNNN", .leader: "YNNN", .reviewer: "YYNY", .admin: "YYYY",
            ]),
        .units(
            "view compliance", { .viewCompliance(unitID: $0) },
            [
                .officer: "YNNN", .leader: "YNNN", .reviewer: "YYNY", .admin: "YYYY",
            ]),
        .units(
            "approve unit report", { .approveUnitReport(unitID: $0) },
            [
                .officer: "NNNN", .leader: "YNNN", .reviewer: "NNNN", .admin: "YYYY",
            ]),
        .units(
            "submit unit report", { .submitUnitReport(unitID: $0) },
            [
                .officer: "NNNN", .leader: "YNNN", .reviewer: "NNNN", .admin: "YYYY",
            ]),
        .units(
            "lock period", { .lockPeriod(unitID: $0) },
            [
                .officer: "NNNN", .leader: "NNNN", .reviewer: "YYNN", .admin: "YYYY",
            ]),
        .units(
            "reopen period", { .reopenPeriod(unitID: $0) },
            [
                .officer: "NNNN", .leader: "NNNN", .reviewer: "YYNN", .admin: "YYYY",
            ]),
        .units(
            "audit log", { .viewAuditLog(unitID: $0) },
            [
                .officer: "NNNN", .leader: "NNNN", .reviewer: "YYNN", .admin: "YYYY",
            ]),
        // Position reports: own position, another position of the unit, commune 11's, commune 12's.
        PolicyRow(
            action: "write position report", columns: World.positionReports.map { .writePositionReport($0) },
            expected: [.officer: "YNNN", .leader: "YYNN", .reviewer: "NNNN", .admin: "YYYY"]),
        // Compiling: the officer holds the office position, does not, commune 11, commune 12.
        PolicyRow(
            action: "compile unit report",
            columns: World.compilations.map { .compileUnitReport(unitID: $0.0, officePositionIDs: $0.1) },
            expected: [.officer: "YNNN", .leader: "YYNN", .reviewer: "NNNN", .admin: "YYYY"]),
    ]

    @Test(arguments: rows)
    func matrix(row: PolicyRow) {
        for role in Role.allCases {
            let letters = Array(row.expected[role]!)
            #expect(letters.count == row.columns.count, "\(row.action): \(role) has a letter per column")
            for (column, action) in row.columns.enumerated() {
                let decision = AccessPolicy.decide(World.user(role), action)
                #expect(decision.isAllowed == (letters[column] == "Y"), "\(row.action), \(role), column \(column + 1)")
                if !decision.isAllowed { #expect(decision.reason?.key.hasPrefix("access.") == true) }
            }
        }
    }

    @Test(arguments: rows)
    func inactiveUsersMayDoNothing(row: PolicyRow) {
        for role in Role.allCases {
            var user = World.user(role)
            user.active = false
            for action in row.columns {
                #expect(AccessPolicy.decide(user, action) == .deny(Message("access.inactive")), "\(row.action) \(role)")
            }
        }
    }

    @Test func officerIsToldWhosePositionTheTaskIs() {
        let task = World.tasks[3].scope
        #expect(
            AccessPolicy.decide(World.officer, .updateTask(task))
                == .deny(Message("access.task.not_your_position", ["positions": "Văn phòng – Thống kê"])))
        let untitled = TaskScope(unitID: 10, leadPositionIDs: [102])
        #expect(
            AccessPolicy.decide(World.officer, .uploadEvidence(untitled))
                == .deny(Message("access.task.not_given_to_you")))
    }

    @Test func eachRefusalSaysWhy() {
        let sibling = World.tasks[4].scope
        let foreign = World.tasks[5].scope
        let own = World.tasks[0].scope
        #expect(AccessPolicy.decide(World.officer, .viewTask(sibling)).reason?.key == "access.task.other_unit")
        #expect(AccessPolicy.decide(World.leader, .updateTask(sibling)).reason?.key == "access.task.other_unit_change")
        #expect(AccessPolicy.decide(World.reviewer, .updateTask(own)).reason?.key == "access.task.reviewer_read_only")
        #expect(AccessPolicy.decide(World.reviewer, .viewTask(foreign)).reason?.key == "access.not_reviewed_unit")
        #expect(AccessPolicy.decide(World.leader, .reopenTask(sibling)).reason?.key == "access.leader.other_unit")
        #expect(AccessPolicy.decide(World.officer, .reopenTask(own)).reason?.key == "access.leader_only.reopen")
        #expect(AccessPolicy.decide(World.officer, .cancelTask(own)).reason?.key == "access.leader_only.cancel")
        #expect(
            AccessPolicy.decide(World.officer, .changeDueDate(own)).reason?.key == "access.leader_only.change_due_date")
        #expect(
            AccessPolicy.decide(World.reviewer, .approveUnitReport(unitID: 10)).reason?.key
                == "access.leader_only.approve_report")
        #expect(
            AccessPolicy.decide(World.leader, .answerExplanation(own, addresseeID: 1)).reason?.key
                == "access.explanation.not_addressed")
        #expect(
            AccessPolicy.decide(World.officer, .writePositionReport(World.positionReports[1]))
                == .deny(Message("access.report.not_your_position", ["position": "Văn phòng – Thống kê"])))
        #expect(
            AccessPolicy.decide(World.officer, .compileUnitReport(unitID: 10, officePositionIDs: [102])).reason?.key
                == "access.report.compile_office_only")
        #expect(
            AccessPolicy.decide(World.reviewer, .writePositionReport(World.positionReports[0])).reason?.key
                == "access.report.reviewer_read_only")
        #expect(AccessPolicy.decide(World.leader, .lockPeriod(unitID: 10)).reason?.key == "access.period.reviewer_only")
        #expect(
            AccessPolicy.decide(World.officer, .reopenPeriod(unitID: 10)).reason?.key
                == "access.period.reopen_reviewer_only")
        #expect(
            AccessPolicy.decide(World.leader, .viewAuditLog(unitID: 10)).reason?.key == "access.audit.reviewer_only")
        #expect(
            AccessPolicy.decide(World.reviewer, .viewAuditLog(unitID: 12)).reason?.key == "access.not_reviewed_unit")
        #expect(
            AccessPolicy.decide(World.officer, .viewCompliance(unitID: 11)).reason?.key
                == "access.compliance.other_unit")
        #expect(AccessPolicy.decide(World.leader, .viewReports(unitID: 12)).reason?.key == "access.report.other_unit")
    }

    @Test func aLeaderAnswersAnExplanationAddressedToThem() {
        #expect(AccessPolicy.decide(World.leader, .answerExplanation(World.tasks[0].scope, addresseeID: 2)) == .allow)
    }

    @Test func reviewedUnitsCountOnlyForReviewers() {
        // A leader given a reviewed set by mistake gains nothing from it.
        let leader = ActingUser(userID: 2, role: .leader, unitID: 10, reviewedUnitIDs: [11])
        #expect(!AccessPolicy.decide(leader, .viewTask(World.tasks[4].scope)).isAllowed)
        #expect(!AccessPolicy.decide(leader, .lockPeriod(unitID: 11)).isAllowed)
    }

    @Test func mayDirectIsTheUnitsLeaderOrAnAdmin() {
        #expect(AccessPolicy.mayDirect(World.leader, unitID: 10))
        #expect(!AccessPolicy.mayDirect(World.leader, unitID: 11))
        #expect(!AccessPolicy.mayDirect(World.officer, unitID: 10))
        #expect(!AccessPolicy.mayDirect(World.reviewer, unitID: 10))
        #expect(AccessPolicy.mayDirect(World.admin, unitID: 12))
        var former = World.leader
        former.active = false
        #expect(!AccessPolicy.mayDirect(former, unitID: 10))
    }

    @Test func anOfficerMovedToAnotherUnitNoLongerChangesTasksNamingThem() {
        let moved = ActingUser(userID: 1, role: .officer, unitID: 11, positionIDs: [111])
        #expect(!AccessPolicy.decide(moved, .updateTask(World.tasks[2].scope)).isAllowed)
    }
}
