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

private func task(_ state: TaskState, due: LocalDate?, done: Date? = nil) -> ComplianceTaskFacts {
    ComplianceTaskFacts(state: state, due: due, completedAt: done)
}

/// Tỉnh Hà Giang (100) → huyện Vị Xuyên (1) → xã Ba Giang (10), Thanh Thủy (11), Phú Linh (12);
/// and huyện Lâm Bình (2) → xã Hồng Quang (20), whose plan sets Q1 due on 20/03.
/// Q1 2024: cut-off 14/03, the commune's report due 15/03, positions' parts due 10/03 (5 days earlier).
/// Everything is judged on 20/03/2024 at 10:00; tasks as of the end of the cut-off day, 14/03.
private enum District {
    static let asOf = at(day(20, 3), 10)
    static let schedule = ReportingCalendar.defaultPeriods(year: 2024)

    /// Ba Giang: report on time; positions on time, on time (23:59 on 10/03), late (00:01 on 11/03).
    /// Tasks: a1 done on time (due); a2 done late (due); a3 overdue (due 10/03); a4 not yet due;
    /// a5 done early, due 30/06 (not due: out of the rate); a6 cancelled; a7 done 16/03, after the
    /// cut-off, due 14/03: open and overdue at the cut-off (due).
    /// → due 4 (a1, a2, a3, a7), done on time 1 (a1): rate 1/4 = 25,00 %.
    static let baGiang = UnitFacts(
        unitID: 10, parentID: 1, name: "Xã Ba Giang", level: .commune, schedule: schedule, internalLeadDays: 5,
        submittedAt: [.q1: at(day(15, 3), 16)],
        positions: [
            PositionFacts(id: 101, title: "Tư pháp – Hộ tịch", submittedAt: [.q1: at(day(9, 3), 14)]),
            PositionFacts(id: 102, title: "Văn phòng – Thống kê", submittedAt: [.q1: at(day(10, 3), 23, 59)]),
            PositionFacts(id: 103, title: "Địa chính – Xây dựng", submittedAt: [.q1: at(day(11, 3), 0, 1)]),
        ],
        tasks: [
            task(.done, due: day(5, 3), done: at(day(1, 3), 9)),
            task(.done, due: day(5, 3), done: at(day(10, 3), 9)),
            task(.inProgress, due: day(10, 3)),
            task(.notStarted, due: day(30, 6)),
            task(.done, due: day(30, 6), done: at(day(12, 3), 9)),
            task(.cancelled, due: day(1, 3)),
            task(.done, due: day(14, 3), done: at(day(16, 3), 9)),
        ])

    /// Thanh Thủy: report late (16/03); positions missing, on time.
    /// Tasks: b1 on time, b2 late (00:01 the day after its due day), b3 on time at 23:30 on its due
    /// day 14/03 (due at the cut-off), b4 in
    /// progress (due 14/04), b5 in progress with no due date (never due).
    /// → due 3, on time 2: rate 2/3 = 66,67 % (66,666… rounded half up).
    static let thanhThuy = UnitFacts(
        unitID: 11, parentID: 1, name: "Xã Thanh Thủy", level: .commune, schedule: schedule, internalLeadDays: 5,
        submittedAt: [.q1: at(day(16, 3), 8)],
        positions: [
            PositionFacts(id: 111, title: "Tư pháp – Hộ tịch"),
            PositionFacts(id: 112, title: "Văn phòng – Thống kê", submittedAt: [.q1: at(day(10, 3), 11)]),
        ],
        tasks: [
            task(.done, due: day(28, 2), done: at(day(1, 2), 9)),
            task(.done, due: day(28, 2), done: at(day(29, 2), 0, 1)),
            task(.done, due: day(14, 3), done: at(day(14, 3), 23, 30)),
            task(.inProgress, due: day(14, 4)),
            task(.inProgress, due: nil),
        ])

    /// Phú Linh: nothing submitted, all past due: report and both positions missing.
    /// Tasks: c1 not started, due 01/03: overdue (due); c2 done 20/03 09:00, due 31/03: in progress at
    /// the cut-off, not due. → due 1, on time 0: rate 0 %.
    static let phuLinh = UnitFacts(
        unitID: 12, parentID: 1, name: "Xã Phú Linh", level: .commune, schedule: schedule, internalLeadDays: 5,
        positions: [
            PositionFacts(id: 121, title: "Tư pháp – Hộ tịch"), PositionFacts(id: 122, title: "Văn phòng – Thống kê"),
        ],
        tasks: [task(.notStarted, due: day(1, 3)), task(.done, due: day(31, 3), done: at(day(20, 3), 9))])

    /// Hồng Quang: Q1 report due 20/03 (not yet due at 10:00 that day); its one position's part was
    /// due 15/03 and is missing. Task e1 done on time (due 12/03). → rate 1/1 = 100 %.
    static let hongQuang = UnitFacts(
        unitID: 20, parentID: 2, name: "Xã Hồng Quang", level: .commune,
        schedule: [ReportPeriodSpec(kind: .q1, cutOff: day(14, 3), due: day(20, 3))], internalLeadDays: 5,
        positions: [PositionFacts(id: 201, title: "Văn phòng – Thống kê")],
        tasks: [task(.done, due: day(12, 3), done: at(day(10, 3), 9))])

    static let viXuyen = UnitFacts(unitID: 1, parentID: 100, name: "Huyện Vị Xuyên", level: .district)
    static let lamBinh = UnitFacts(unitID: 2, parentID: 100, name: "Huyện Lâm Bình", level: .district)
    static let province = UnitFacts(unitID: 100, parentID: nil, name: "Tỉnh Hà Giang", level: .province)

    /// Deliberately not in tree order.
    static let units = [phuLinh, baGiang, viXuyen, hongQuang, province, thanhThuy, lamBinh]

    static func counts(
        onTime: Int = 0, late: Int = 0, inProgress: Int = 0, notYetDue: Int = 0, overdue: Int = 0, cancelled: Int = 0
    ) -> TaskStatusCounts {
        var counts = TaskStatusCounts()
        counts.doneOnTime = onTime
        counts.doneLate = late
        counts.inProgress = inProgress
        counts.notYetDue = notYetDue
        counts.overdue = overdue
        counts.cancelled = cancelled
        return counts
    }
}

@Suite("Compliance: who reported on time, and tasks done on time, rolled up the tree")
struct ComplianceTests {
    static let report = Compliance.compute(for: District.units, period: .q1, asOf: District.asOf, clock: clock)

    @Test func unitsComeParentsFirstInInputOrder() {
        #expect(Self.report.units.map(\.unitID) == [100, 1, 12, 10, 11, 2, 20])
        #expect(Self.report.unit(1)?.childIDs == [12, 10, 11])
        #expect(Self.report.issues.isEmpty)
    }

    @Test func eachCommunesOwnReportAndPositions() throws {
        let baGiang = try #require(Self.report.unit(10))
        #expect(baGiang.report?.status == .onTime)
        #expect(baGiang.report?.due == day(15, 3))
        #expect(baGiang.positions.map(\.status) == [.onTime, .onTime, .late])
        #expect(baGiang.positions.allSatisfy { $0.due == day(10, 3) })
        #expect(Self.report.unit(11)?.report?.status == .late)
        #expect(Self.report.unit(11)?.positions.map(\.status) == [.missing, .onTime])
        #expect(Self.report.unit(12)?.report?.status == .missing)
        #expect(Self.report.unit(12)?.positions.map(\.status) == [.missing, .missing])
        #expect(Self.report.unit(20)?.report?.status == .notYetDue)
        #expect(Self.report.unit(20)?.positions.map(\.status) == [.missing])
        #expect(Self.report.unit(1)?.report == nil)
    }

    @Test func eachCommunesTaskFiguresAsOfTheCutOff() throws {
        let baGiang = try #require(Self.report.unit(10)).own
        #expect(baGiang.tasks == District.counts(onTime: 2, late: 1, notYetDue: 1, overdue: 2, cancelled: 1))
        #expect((baGiang.tasksDue, baGiang.tasksDueDoneOnTime, baGiang.onTimeRate) == (4, 1, 2500))
        #expect(Self.report.unit(10)?.tasksAsOf == at(day(15, 3), 0))

        let thanhThuy = try #require(Self.report.unit(11)).own
        #expect(thanhThuy.tasks == District.counts(onTime: 2, late: 1, inProgress: 2))
        #expect((thanhThuy.tasksDue, thanhThuy.tasksDueDoneOnTime, thanhThuy.onTimeRate) == (3, 2, 6667))

        let phuLinh = try #require(Self.report.unit(12)).own
        #expect(phuLinh.tasks == District.counts(inProgress: 1, overdue: 1))
        #expect((phuLinh.tasksDue, phuLinh.tasksDueDoneOnTime, phuLinh.onTimeRate) == (1, 0, 0))

        let hongQuang = try #require(Self.report.unit(20)).own
        #expect(hongQuang.onTimeRate == 10_000)
    }

    @Test func aDistrictIsTheSumOfItsCommunes() throws {
        let district = try #require(Self.report.unit(1))
        // Tasks: on time 2+2+0, late 1+1+0, in progress 0+2+1, not yet due 1, overdue 2+0+1, cancelled 1.
        #expect(
            district.total.tasks
                == District.counts(onTime: 4, late: 2, inProgress: 3, notYetDue: 1, overdue: 3, cancelled: 1))
        // Due 4+3+1 = 8, on time 1+2+0 = 3: 3/8 = 37,50 %.
        #expect((district.total.tasksDue, district.total.tasksDueDoneOnTime, district.total.onTimeRate) == (8, 3, 3750))
        #expect(district.total.unitReports == SubmissionCounts(onTime: 1, late: 1, missing: 1))
        // Positions: on time 2+1+0, late 1, missing 0+1+2.
        #expect(district.total.positionReports == SubmissionCounts(onTime: 3, late: 1, missing: 3))
        #expect(district.unitsBelow.onTime == [10])
        #expect(district.unitsBelow.late == [11])
        #expect(district.unitsBelow.missing == [12])
        #expect(district.unitsBelow.notYetDue == [])
        // The district has nothing of its own.
        #expect(district.own == ComplianceFigures())
        #expect(district.tasksAsOf == nil)
    }

    @Test func aProvinceIsTheSumOfItsDistricts() throws {
        let province = try #require(Self.report.unit(100))
        // Vị Xuyên plus Hồng Quang's one task done on time: due 8+1 = 9, on time 3+1 = 4: 44,44 %.
        #expect((province.total.tasksDue, province.total.tasksDueDoneOnTime, province.total.onTimeRate) == (9, 4, 4444))
        #expect(province.total.tasks.live == 13 + 1)
        #expect(province.total.unitReports == SubmissionCounts(onTime: 1, late: 1, missing: 1, notYetDue: 1))
        #expect(province.total.positionReports == SubmissionCounts(onTime: 3, late: 1, missing: 4))
        #expect(province.unitsBelow.onTime == [10])
        #expect(province.unitsBelow.late == [11])
        #expect(province.unitsBelow.missing == [12])
        #expect(province.unitsBelow.notYetDue == [20])
    }

    @Test func beforeTheCutOffTasksAreJudgedAsOfNow() throws {
        // On 08/03 at noon, a2 (done 10/03), a5 (done 12/03) and a7 (done 16/03) had not been done
        // yet: a2, due 05/03, was overdue; a5 and a7 in progress; a3 (due 10/03) in progress, not yet
        // overdue. Due by then: a1 and a2 (both due 05/03), a1 done on time.
        let early = Compliance.compute(for: District.units, period: .q1, asOf: at(day(8, 3), 12), clock: clock)
        let baGiang = try #require(early.unit(10))
        #expect(baGiang.own.tasks == District.counts(onTime: 1, inProgress: 3, notYetDue: 1, overdue: 1, cancelled: 1))
        #expect((baGiang.own.tasksDue, baGiang.own.tasksDueDoneOnTime) == (2, 1))
        #expect(baGiang.report?.status == .notYetDue)
        // Tư pháp – Hộ tịch submitted on 09/03: not yet then.
        #expect(baGiang.positions.map(\.status) == [.notYetDue, .notYetDue, .notYetDue])
        #expect(baGiang.tasksAsOf == at(day(8, 3), 12))
    }

    @Test func aUnitWithoutThePeriodHasNoReportLine() throws {
        let h1OnlyQ1 = Compliance.compute(for: [District.hongQuang], period: .h1, asOf: District.asOf, clock: clock)
        let unit = try #require(h1OnlyQ1.unit(20))
        #expect(unit.report == nil)
        #expect(unit.positions.isEmpty)
        #expect(unit.own.unitReports.total == 0)
        // Its tasks are still counted, as of now.
        #expect(unit.own.tasks.doneOnTime == 1)
    }

    @Test func badTreesAreReportedNotTrusted() {
        let units = [
            UnitFacts(unitID: 1, parentID: nil, name: "Huyện A", level: .district),
            UnitFacts(unitID: 1, parentID: nil, name: "Huyện A (bản sao)", level: .district),
            UnitFacts(unitID: 2, parentID: 99, name: "Xã mồ côi", level: .commune),
            UnitFacts(unitID: 3, parentID: 3, name: "Xã tự trỏ", level: .commune),
            UnitFacts(unitID: 50, parentID: 51, name: "Xã X", level: .commune),
            UnitFacts(unitID: 51, parentID: 50, name: "Xã Y", level: .commune),
            UnitFacts(unitID: 52, parentID: 50, name: "Xã Z", level: .commune),
        ]
        let report = Compliance.compute(for: units, period: .q1, asOf: District.asOf, clock: clock)
        #expect(report.units.map(\.unitID) == [1, 2, 3])
        #expect(
            report.issues == [
                Message("compliance.issue.duplicate_unit", ["unit": "1", "name": "Huyện A (bản sao)"]),
                Message("compliance.issue.unknown_parent", ["unit": "2", "name": "Xã mồ côi", "parent": "99"]),
                Message("compliance.issue.unknown_parent", ["unit": "3", "name": "Xã tự trỏ", "parent": "3"]),
                Message("compliance.issue.parent_loop", ["unit": "50", "name": "Xã X"]),
                Message("compliance.issue.parent_loop", ["unit": "51", "name": "Xã Y"]),
                Message("compliance.issue.parent_loop", ["unit": "52", "name": "Xã Z"]),
            ])
    }

    @Test func theReportEncodesAsJSONWithTheRate() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(Self.report)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""onTimeRate":3750"#))
        #expect(text.contains(#""status":"on_time""#))
        #expect(text.contains(#""due":"2024-03-15""#))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(ComplianceReport.self, from: data) == Self.report)
    }

    @Test func theMatrixHasARowPerCommuneAndColumnsPerPeriod() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let catalog = try LocaleCatalog.load(language: "vi", from: root.appendingPathComponent("web/locales"))
        let reports = [PeriodKind.q1, .h1].map {
            Compliance.compute(for: District.units, period: $0, asOf: District.asOf, clock: clock)
        }
        let rows = ComplianceMatrix.rows(reports, catalog: catalog, clock: clock)
        #expect(rows.count == 1 + 4)
        #expect(rows.allSatisfy { $0.count == 2 + 2 * 8 + 3 })
        #expect(
            Array(rows[0].prefix(4)) == ["Đơn vị", "Cấp", "Báo cáo quý I: tình trạng", "Báo cáo quý I: thời điểm nộp"])
        #expect(rows[0].last == "Số kỳ chưa nộp")
        #expect(rows.dropFirst().map { $0[0] } == ["Xã Phú Linh", "Xã Ba Giang", "Xã Thanh Thủy", "Xã Hồng Quang"])
        // Ba Giang, Q1: on time at 15/03 16:00; positions 2 on time, 1 late, 0 missing; 4 tasks due,
        // 1 done on time, 25 %. H1 (due 15/06): not yet due; as of 20/03 a1, a2, a3 and a7 (done late
        // on 16/03) were due, a1 on time: 25 %.
        #expect(
            rows[2] == [
                "Xã Ba Giang", "Xã",
                "Nộp đúng hạn", "15/03/2024 16:00", "2", "1", "0", "4", "1", "25",
                "Chưa đến hạn", "", "0", "0", "0", "4", "1", "25",
                "1", "0", "0",
            ])
        #expect(
            Array(rows[3].prefix(10)) == [
                "Xã Thanh Thủy", "Xã", "Nộp trễ hạn", "16/03/2024 08:00", "1", "0", "1", "3", "2", "66,67",
            ])
        #expect(Array(rows[4].suffix(3)) == ["0", "0", "0"])
        let csv = String(decoding: CSVWriter.document(rows: rows, bom: true), as: UTF8.self)
        #expect(csv.contains("\r\nXã Phú Linh,Xã,Chưa nộp,,0,0,2,1,0,0,"))
    }
}
