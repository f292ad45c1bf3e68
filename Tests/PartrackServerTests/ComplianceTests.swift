import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import VaporTesting

@testable import PartrackServer

/// Issue 4: compliance for a small district, with the figures worked out by hand.
@Suite struct ComplianceTests {
    /// The demo district Ba Tơ has three communes with 2023 plans. Here, for Q1 (due 15/03/2023):
    /// - Ba Giang's report goes in on 14/03 → on time; its Tư pháp – Hộ tịch part on 09/03 → on time
    ///   (parts are due 10/03), its Văn phòng – Thống kê part on 12/03 → late;
    /// - Ba Dinh's report goes in on 16/03 at 08:00 → late;
    /// - Ba Thành sends nothing → missing.
    /// As of 20/03/2023 the district sees 1 on time, 1 late, 1 missing among its communes; of Ba
    /// Giang's five positions 1 part is on time, 1 late, 3 missing.
    @Test(arguments: TestDatabase.available)
    func aDistrictSeesWhichCommunesReportedOnTimeLateOrNotAtAll(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("09/03/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            try await app.withoutDemoReports()
            try await submit(app, unit: "ba-giang", position: "Tư pháp – Hộ tịch", by: "bagiang.tpht")
            try clock.set(vietnam: "12/03/2023 09:00")
            try await submit(app, unit: "ba-giang", position: "Văn phòng – Thống kê", by: "bagiang.vptk")
            try clock.set(vietnam: "14/03/2023 16:00")
            try await sendUnitReport(app, unit: "ba-giang", office: "bagiang.vptk", leader: "bagiang.chutich")
            try clock.set(vietnam: "16/03/2023 08:00")
            try await sendUnitReport(app, unit: "ba-dinh", office: "badinh.vptk", leader: "badinh.chutich")
            try clock.set(vietnam: "20/03/2023 08:00")

            let reviewer = try await app.signIn("noivu.bato")
            let district = try await app.unit("ba-to").requireID()
            let response = try await app.sendRequest(
                .GET, "/api/v1/compliance?unit=\(district)&period=Q1&year=2023", headers: reviewer)
            #expect(response.status == .ok)
            let report = try response.json(ComplianceReport.self)
            let top = try #require(report.unit(district))
            #expect(top.total.unitReports == SubmissionCounts(onTime: 1, late: 1, missing: 1, notYetDue: 0))
            let names = { (ids: [Int]) in ids.compactMap { id in report.unit(id)?.name }.sorted() }
            #expect(names(top.unitsBelow.onTime) == ["UBND xã Ba Giang"])
            #expect(names(top.unitsBelow.late) == ["UBND xã Ba Dinh"])
            #expect(names(top.unitsBelow.missing) == ["UBND xã Ba Thành"])
            let baGiang = try #require(report.unit(try await app.unit("ba-giang").requireID()))
            #expect(baGiang.own.positionReports == SubmissionCounts(onTime: 1, late: 1, missing: 3, notYetDue: 0))
            // Every live task of the three plans is counted once in the district's total.
            #expect(top.total.tasks.live == 114)

            let officer = try await app.sendRequest(
                .GET, "/api/v1/compliance?unit=\(district)&period=Q1&year=2023",
                headers: try await app.signIn("bagiang.tpht"))
            #expect(officer.status == .forbidden)

            let csv = try await app.sendRequest(
                .GET, "/api/v1/compliance.csv?unit=\(district)&year=2023", headers: reviewer)
            #expect(csv.status == .ok)
            let bytes = Array(Data(buffer: csv.body))
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.contains("UBND xã Ba Thành"))
        }
    }

    func submit(_ app: Application, unit: String, position: String, by username: String) async throws {
        let period = try await app.period(.q1, of: unit).requireID()
        let positionID = try await app.position(position, of: unit).requireID()
        let response = try await app.send(
            .POST, "/api/v1/periods/\(period)/positions/\(positionID)/report/submit",
            headers: try await app.signIn(username), json: ReportNarrativeRequest(narrative: nil))
        #expect(response.status == .ok)
    }

    func sendUnitReport(_ app: Application, unit: String, office: String, leader: String) async throws {
        let period = try await app.period(.q1, of: unit).requireID()
        let officeAuth = try await app.signIn(office)
        let leaderAuth = try await app.signIn(leader)
        for (step, auth) in [("compile", officeAuth), ("approve", leaderAuth), ("submit", leaderAuth)] {
            let response = try await app.sendRequest(
                .POST, "/api/v1/periods/\(period)/unit-report/\(step)", headers: auth)
            #expect(response.status == .ok, "\(step)")
        }
    }
}
