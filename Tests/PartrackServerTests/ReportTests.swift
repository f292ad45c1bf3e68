import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import VaporTesting

@testable import PartrackServer

/// Issue 4: the quarterly report cycle of seed 001 — positions report to the commune office,
/// which compiles; the chairperson approves and submits; the reviewer locks.
@Suite struct ReportTests {
    static let office = "Văn phòng – Thống kê"
    static let justice = "Tư pháp – Hộ tịch"

    func submitPart(
        _ app: Application, period: Int, position: Int, as auth: HTTPHeaders, narrative: String = "Báo cáo quý I"
    ) async throws -> TestingHTTPResponse {
        try await app.send(
            .POST, "/api/v1/periods/\(period)/positions/\(position)/report/submit", headers: auth,
            json: ReportNarrativeRequest(narrative: narrative))
    }

    @Test(arguments: TestDatabase.available)
    func aPartSubmittedAt2359OnItsDueDayIsOnTimeAndAt0001TheNextDayLate(database: TestDatabase) async throws {
        // Q1 is due 15/03/2023; the positions' parts 5 days earlier, by the end of 10/03/2023.
        let clock = try TestClock.vietnam("10/03/2023 23:59")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            try await app.withoutDemoReports()
            let period = try await app.period(.q1, of: "ba-giang").requireID()
            let justice = try await app.position(Self.justice, of: "ba-giang").requireID()
            let office = try await app.position(Self.office, of: "ba-giang").requireID()
            let onTime = try await submitPart(
                app, period: period, position: justice, as: try await app.signIn("bagiang.tpht"))
            #expect(onTime.status == .ok)
            #expect(try onTime.json(PositionReportDTO.self).status == "on_time")
            try clock.set(vietnam: "11/03/2023 00:01")
            let late = try await submitPart(
                app, period: period, position: office, as: try await app.signIn("bagiang.vptk"))
            #expect(try late.json(PositionReportDTO.self).status == "late")

            let status = try await app.sendRequest(
                .GET, "/api/v1/periods/\(period)", headers: try await app.signIn("bagiang.chutich")
            ).json(PeriodStatusDTO.self)
            #expect(status.positionDue == "2023-03-10")
            #expect(status.due == "2023-03-15")
            let byTitle = Dictionary(uniqueKeysWithValues: status.positions.map { ($0.positionTitle, $0.status) })
            #expect(byTitle[Self.justice] == "on_time")
            #expect(byTitle[Self.office] == "late")
            #expect(byTitle["Văn hóa – Xã hội"] == "missing")
        }
    }

    @Test(arguments: TestDatabase.available)
    func theUnitReportIsCompiledApprovedAndSubmittedByTheRightPeople(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("09/03/2023 10:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            try await app.withoutDemoReports()
            let period = try await app.period(.q1, of: "ba-giang").requireID()
            let officeHolder = try await app.signIn("bagiang.vptk")
            let justiceHolder = try await app.signIn("bagiang.tpht")
            let leader = try await app.signIn("bagiang.chutich")
            let justice = try await app.position(Self.justice, of: "ba-giang").requireID()

            let draft = try await app.sendRequest(
                .GET, "/api/v1/periods/\(period)/positions/\(justice)/report", headers: justiceHolder
            ).json(PositionReportDTO.self)
            #expect(draft.items.count == 5)
            #expect(!draft.generatedText.isEmpty)
            #expect(draft.submittedAt == nil)
            let wrongHolder = try await submitPart(app, period: period, position: justice, as: officeHolder)
            #expect(wrongHolder.status == .forbidden)
            #expect(try await submitPart(app, period: period, position: justice, as: justiceHolder).status == .ok)

            let compileByJustice = try await app.sendRequest(
                .POST, "/api/v1/periods/\(period)/unit-report/compile", headers: justiceHolder)
            #expect(compileByJustice.status == .forbidden)
            let approveTooEarly = try await app.sendRequest(
                .POST, "/api/v1/periods/\(period)/unit-report/approve", headers: leader)
            #expect(approveTooEarly.status == .unprocessableEntity)
            let compiled = try await app.sendRequest(
                .POST, "/api/v1/periods/\(period)/unit-report/compile", headers: officeHolder)
            #expect(compiled.status == .ok)
            let report = try compiled.json(UnitReportDTO.self)
            #expect(report.compiled)
            #expect(report.positions.first { $0.positionTitle == Self.justice }?.status == "on_time")
            #expect(
                report.counts.doneOnTime + report.counts.doneLate + report.counts.inProgress
                    + report.counts.overdue + report.counts.notYetDue == 38)

            let approveByOfficer = try await app.sendRequest(
                .POST, "/api/v1/periods/\(period)/unit-report/approve", headers: officeHolder)
            #expect(approveByOfficer.status == .forbidden)
            let submitUnapproved = try await app.sendRequest(
                .POST, "/api/v1/periods/\(period)/unit-report/submit", headers: leader)
            #expect(submitUnapproved.status == .unprocessableEntity)
            #expect(
                try await app.sendRequest(.POST, "/api/v1/periods/\(period)/unit-report/approve", headers: leader)
                    .status
                    == .ok)
            try clock.set(vietnam: "15/03/2023 23:59")
            let submitted = try await app.sendRequest(
                .POST, "/api/v1/periods/\(period)/unit-report/submit", headers: leader)
            #expect(submitted.status == .ok)
            #expect(try submitted.json(UnitReportDTO.self).status == "on_time")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aLockedPeriodRefusesChangesUntilTheReviewerReopensIt(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("20/03/2023 08:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            try await app.withoutDemoReports()
            let period = try await app.period(.q1, of: "ba-giang").requireID()
            let justice = try await app.position(Self.justice, of: "ba-giang").requireID()
            let reviewer = try await app.signIn("noivu.bato")
            let leader = try await app.signIn("bagiang.chutich")
            let officer = try await app.signIn("bagiang.tpht")

            let byLeader = try await app.send(
                .POST, "/api/v1/periods/\(period)/lock", headers: leader, json: PeriodChangeRequest())
            #expect(byLeader.status == .forbidden)
            let locked = try await app.send(
                .POST, "/api/v1/periods/\(period)/lock", headers: reviewer,
                json: PeriodChangeRequest(reason: "Chốt số liệu quý I"))
            #expect(locked.status == .ok)
            #expect(try locked.json(PeriodStatusDTO.self).lockedBy == "Lê Thị Hồng Nhung")

            let refused = try await submitPart(app, period: period, position: justice, as: officer)
            #expect(refused.status == .conflict)
            #expect(try refused.json(ErrorDTO.self).message.contains("Lê Thị Hồng Nhung"))
            let compile = try await app.sendRequest(
                .POST, "/api/v1/periods/\(period)/unit-report/compile", headers: leader)
            #expect(compile.status == .conflict)
            #expect(try await PeriodReport.query(on: app.db).count() == 0)

            let reopened = try await app.send(
                .POST, "/api/v1/periods/\(period)/reopen", headers: reviewer,
                json: PeriodChangeRequest(reason: "Xã xin bổ sung"))
            #expect(reopened.status == .ok)
            #expect(try await submitPart(app, period: period, position: justice, as: officer).status == .ok)
            let history = try await AuditEvent.query(on: app.db).filter(\.$entity == "period").sort(\.$id).all()
                .filter { $0.outcome == "done" }
            #expect(history.map(\.action) == ["period.lock", "period.reopen"])
            #expect(history.map(\.reason) == ["Chốt số liệu quý I", "Xã xin bổ sung"])
        }
    }
}
