import Foundation
import PartrackDomain
import Testing

private let clock = CivilClock.vietnam

private func day(_ day: Int, _ month: Int, _ year: Int = 2024) -> LocalDate {
    LocalDate(year: year, month: month, day: day)!
}

private func at(_ date: LocalDate, _ hour: Int, _ minute: Int = 0) -> Date {
    clock.instant(on: date, hour: hour, minute: minute)
}

/// Q1 of 2024 in xã Ba Giang: covers 01/01–14/03, the commune's report due 15/03, the officers'
/// parts due 5 days earlier, 10/03.
private let window = ReportWindow(
    period: ReportPeriodSpec(kind: .q1, cutOff: day(14, 3), due: day(15, 3)), previousCutOff: nil, internalLeadDays: 5)

/// The tasks of Tư pháp – Hộ tịch, with what each is as of the end of the cut-off day (14/03):
private let justiceTasks = [
    // done 20/02, due 28/02: done on time, in this period
    PositionTaskFacts(
        id: 1, title: "Rà soát TTHC", state: .done, due: day(28, 2), progress: 100, completedAt: at(day(20, 2), 10),
        evidenceCount: 1, updatesInPeriod: 2),
    // done 05/03, due 01/03: done late, in this period, no evidence
    PositionTaskFacts(
        id: 2, title: "Niêm yết công khai TTHC", state: .done, due: day(1, 3), progress: 100,
        completedAt: at(day(5, 3), 15), evidenceCount: 0, updatesInPeriod: 1),
    // due 30/06, 50 %: in progress, nobody updated it this period
    PositionTaskFacts(id: 3, title: "Kế hoạch tuyên truyền", state: .inProgress, due: day(30, 6), progress: 50),
    // due 10/03, not started: overdue, no update
    PositionTaskFacts(id: 4, title: "Báo cáo kiểm soát TTHC", state: .notStarted, due: day(10, 3), progress: 0),
    // due 30/09, not started: not yet due
    PositionTaskFacts(id: 5, title: "Số hóa hồ sơ", state: .notStarted, due: day(30, 9), progress: 0),
    // cancelled: counted apart
    PositionTaskFacts(id: 6, title: "Hội nghị đối thoại", state: .cancelled, due: day(30, 4), progress: 20),
    // done 20/12/2023 on time, before this period
    PositionTaskFacts(
        id: 7, title: "Quyết định kiện toàn", state: .done, due: day(31, 12, 2023), progress: 100,
        completedAt: at(day(20, 12, 2023), 9), evidenceCount: 2),
    // due 14/03, done 15/03 — after the cut-off, so at the cut-off it was still open: overdue
    PositionTaskFacts(
        id: 8, title: "Cập nhật CSDL", state: .done, due: day(14, 3), progress: 100, completedAt: at(day(15, 3), 10),
        evidenceCount: 1, updatesInPeriod: 1),
]

private let afterCutOff = at(day(16, 3), 9)

@Suite("Periodic reports drafted from the tasks")
struct PeriodReportTests {
    @Test func aPositionsDraftCountsItsTasksAsOfTheCutOff() {
        let draft = PositionReportBuilder.draft(
            positionID: 101, positionTitle: "Tư pháp – Hộ tịch", window: window, tasks: justiceTasks,
            asOf: afterCutOff, clock: clock)
        var expected = TaskStatusCounts()
        expected.doneOnTime = 2  // 1, 7
        expected.doneLate = 1  // 2
        expected.inProgress = 1  // 3
        expected.overdue = 2  // 4, 8
        expected.notYetDue = 1  // 5
        expected.cancelled = 1  // 6
        #expect(draft.counts == expected)
        #expect(draft.counts.live == 7)
        #expect(draft.completedInPeriod == 2)  // 1 and 2; 7 was done last year, 8 after the cut-off
        #expect(draft.statusesAsOf == at(day(15, 3), 0))
        #expect(draft.groups.map(\.status) == [.doneOnTime, .doneLate, .inProgress, .overdue, .notYetDue, .cancelled])
        #expect(draft.groups.map { $0.items.map(\.taskID) } == [[1, 7], [2], [3], [4, 8], [5], [6]])
        #expect(draft.items.first { $0.taskID == 1 }?.completedInPeriod == true)
        #expect(draft.items.first { $0.taskID == 7 }?.completedInPeriod == false)
        #expect(
            draft.narrative == [
                Message(
                    "report.narrative.position",
                    ["position": "Tư pháp – Hộ tịch", "from": "01/01/2024", "cut_off": "14/03/2024", "total": "7"]),
                Message("report.narrative.done_on_time", ["count": "2", "in_period": "1"]),
                Message("report.narrative.done_late", ["count": "1", "tasks": "“Niêm yết công khai TTHC”"]),
                Message("report.narrative.in_progress", ["count": "1", "tasks": "“Kế hoạch tuyên truyền”"]),
                Message(
                    "report.narrative.overdue", ["count": "2", "tasks": "“Báo cáo kiểm soát TTHC”, “Cập nhật CSDL”"]),
                Message("report.narrative.not_yet_due", ["count": "1", "tasks": "“Số hóa hồ sơ”"]),
                Message("report.narrative.cancelled", ["count": "1", "tasks": "“Hội nghị đối thoại”"]),
                Message(
                    "report.narrative.done_without_evidence", ["count": "1", "tasks": "“Niêm yết công khai TTHC”"]),
                Message(
                    "report.narrative.open_without_updates",
                    ["count": "2", "tasks": "“Kế hoạch tuyên truyền”, “Báo cáo kiểm soát TTHC”"]),
            ])
    }

    @Test func aDraftMadeBeforeTheCutOffIsAsOfTheMomentItIsMade() {
        // Officers' parts are due 10/03, before the cut-off: on 08/03 task 4 (due 10/03) is not yet
        // due and task 8 (done on 15/03) is still in progress.
        let early = at(day(8, 3), 10)
        let draft = PositionReportBuilder.draft(
            positionID: 101, positionTitle: "Tư pháp – Hộ tịch", window: window, tasks: justiceTasks, asOf: early,
            clock: clock)
        #expect(draft.statusesAsOf == early)
        #expect(draft.counts.doneOnTime == 2)
        #expect(draft.counts.doneLate == 1)
        #expect(draft.counts.inProgress == 2)  // 3, 8
        #expect(draft.counts.notYetDue == 2)  // 4, 5
        #expect(draft.counts.overdue == 0)
    }

    @Test func aPositionWithoutTasksSaysSo() {
        let draft = PositionReportBuilder.draft(
            positionID: 105, positionTitle: "Văn hóa – Xã hội", window: window, tasks: [], asOf: afterCutOff,
            clock: clock)
        #expect(
            draft.narrative == [
                Message(
                    "report.narrative.no_tasks",
                    ["position": "Văn hóa – Xã hội", "from": "01/01/2024", "cut_off": "14/03/2024"])
            ])
        #expect(draft.groups.isEmpty)
    }

    @Test func theUnitReportAddsUpDistinctTasksAndTellsWhoReportedLate() {
        let justice = PositionReportBuilder.draft(
            positionID: 101, positionTitle: "Tư pháp – Hộ tịch", window: window, tasks: justiceTasks,
            asOf: afterCutOff, clock: clock)
        // The office shares task 3 (its draft, made later, sees it at 60 %) and has task 9.
        var shared = justiceTasks[2]
        shared.progress = 60
        let office = PositionReportBuilder.draft(
            positionID: 102, positionTitle: "Văn phòng – Thống kê", window: window,
            tasks: [
                shared,
                PositionTaskFacts(
                    id: 9, title: "Báo cáo CCHC quý I", state: .done, due: day(14, 3), progress: 100,
                    completedAt: at(day(12, 3), 16), evidenceCount: 1, updatesInPeriod: 1),
            ], asOf: at(day(16, 3), 12), clock: clock)
        let land = PositionReportBuilder.draft(
            positionID: 103, positionTitle: "Địa chính – Xây dựng", window: window,
            tasks: [
                PositionTaskFacts(
                    id: 10, title: "Chỉnh lý hồ sơ địa chính", state: .inProgress, due: day(30, 6), progress: 30,
                    updatesInPeriod: 1)
            ], asOf: afterCutOff, clock: clock)
        let report = UnitReportCompiler.compile(
            unitName: "UBND xã Ba Giang", window: window,
            positions: [
                PositionReportInput(draft: justice, submittedAt: at(day(10, 3), 20)),  // on time (due 10/03)
                PositionReportInput(draft: office, submittedAt: at(day(11, 3), 8)),  // late
                PositionReportInput(draft: land, submittedAt: nil),  // missing
            ], asOf: afterCutOff, clock: clock)

        // Distinct tasks 1–10, task 3 once: on time 1, 7, 9; late 2; in progress 3, 10; overdue 4, 8;
        // not yet due 5; cancelled 6.
        var expected = TaskStatusCounts()
        expected.doneOnTime = 3
        expected.doneLate = 1
        expected.inProgress = 2
        expected.overdue = 2
        expected.notYetDue = 1
        expected.cancelled = 1
        #expect(report.counts == expected)
        #expect(report.completedInPeriod == 3)  // 1, 2, 9
        #expect(report.items(of: .inProgress).map(\.progress) == [60, 30])  // the later draft's 60 % for task 3
        #expect(report.positions.map(\.status) == [.onTime, .late, .missing])
        #expect(report.positions.allSatisfy { $0.due == day(10, 3) })
        #expect(report.positions(with: .late).map(\.positionTitle) == ["Văn phòng – Thống kê"])
        #expect(
            Array(report.narrative.prefix(5)) == [
                Message(
                    "report.narrative.unit",
                    [
                        "unit": "UBND xã Ba Giang", "from": "01/01/2024", "cut_off": "14/03/2024", "total": "9",
                        "positions": "3",
                    ]),
                Message("report.narrative.positions_on_time", ["count": "1", "total": "3"]),
                Message("report.narrative.positions_late", ["count": "1", "positions": "Văn phòng – Thống kê"]),
                Message("report.narrative.positions_missing", ["count": "1", "positions": "Địa chính – Xây dựng"]),
                Message("report.narrative.done_on_time", ["count": "3", "in_period": "2"]),
            ])
        #expect(
            report.narrative.last
                == Message(
                    "report.narrative.open_without_updates",
                    ["count": "2", "tasks": "“Kế hoạch tuyên truyền”, “Báo cáo kiểm soát TTHC”"]))
    }

    @Test func positionsNotYetDueAreToldApartFromMissingOnes() {
        let draft = PositionReportBuilder.draft(
            positionID: 101, positionTitle: "Tư pháp – Hộ tịch", window: window, tasks: [], asOf: at(day(9, 3), 8),
            clock: clock)
        let report = UnitReportCompiler.compile(
            unitName: "UBND xã Ba Giang", window: window,
            positions: [PositionReportInput(draft: draft, submittedAt: nil)],
            asOf: at(day(9, 3), 8), clock: clock)
        #expect(report.positions.map(\.status) == [.notYetDue])
        #expect(
            report.narrative.contains(
                Message("report.narrative.positions_not_yet_due", ["count": "1", "positions": "Tư pháp – Hộ tịch"])))
        #expect(report.narrative.contains(Message("report.narrative.positions_on_time", ["count": "0", "total": "1"])))
    }
}

extension UnitReportDraft {
    fileprivate func items(of status: DeadlineStatus) -> [ReportItem] {
        groups.first { $0.status == status }?.items ?? []
    }
}

@Suite("Report periods locked by the reviewer")
struct PeriodLockTests {
    static let reviewer = ActingUser(userID: 3, role: .reviewer, unitID: 1, reviewedUnitIDs: [10, 11])
    static let leader = ActingUser(userID: 2, role: .leader, unitID: 10)
    static let lock = PeriodLock(lockedAt: at(day(16, 3), 8, 0), lockedBy: "Nguyễn Thị Lan (Phòng Nội vụ)")

    @Test func aLockedPeriodRefusesEveryReportChangeSayingWhoLockedItAndSinceWhen() {
        #expect((try? PeriodLocking.checkReportChange(lock: nil, clock: clock).get()) != nil)
        let refusal = PeriodLocking.checkReportChange(lock: Self.lock, clock: clock)
        #expect(
            refusal.failure == .periodLocked(by: "Nguyễn Thị Lan (Phòng Nội vụ)", since: "16/03/2024 08:00"))
        #expect(
            refusal.failure?.message
                == Message(
                    "report.period_locked", ["by": "Nguyễn Thị Lan (Phòng Nội vụ)", "since": "16/03/2024 08:00"]))
    }

    @Test func onlyTheUnitsReviewerLocksIt() throws {
        let now = at(day(16, 3), 8, 0)
        let locked = try PeriodLocking.lock(
            nil, unitID: 10, by: Self.reviewer, userName: "Nguyễn Thị Lan (Phòng Nội vụ)", now: now, clock: clock
        ).get()
        #expect(locked == Self.lock)
        #expect(
            PeriodLocking.lock(Self.lock, unitID: 10, by: Self.reviewer, userName: "X", now: now, clock: clock).failure
                == .alreadyLocked(by: "Nguyễn Thị Lan (Phòng Nội vụ)", since: "16/03/2024 08:00"))
        #expect(
            PeriodLocking.lock(nil, unitID: 10, by: Self.leader, userName: "X", now: now, clock: clock).failure
                == .denied(Message("access.period.reviewer_only")))
        #expect(
            PeriodLocking.lock(nil, unitID: 12, by: Self.reviewer, userName: "X", now: now, clock: clock).failure
                == .denied(Message("access.not_reviewed_unit")))
    }

    @Test func onlyAReviewerOrAnAdminReopensIt() {
        #expect((try? PeriodLocking.reopen(Self.lock, unitID: 10, by: Self.reviewer).get()) != nil)
        let admin = ActingUser(userID: 4, role: .admin, unitID: 0)
        #expect((try? PeriodLocking.reopen(Self.lock, unitID: 10, by: admin).get()) != nil)
        #expect(
            PeriodLocking.reopen(Self.lock, unitID: 10, by: Self.leader).failure
                == .denied(Message("access.period.reopen_reviewer_only")))
        #expect(PeriodLocking.reopen(nil, unitID: 10, by: Self.reviewer).failure == .notLocked)
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
