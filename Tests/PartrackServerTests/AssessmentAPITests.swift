import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import VaporTesting

@testable import PartrackServer

/// Issue 8 through the API on both databases: the closing instant, submission checks, who may score
/// and appraise, the worked five-commune district, and publication freezing everything.
@Suite struct AssessmentAPITests {
    @Test(arguments: TestDatabase.available)
    func theWindowClosesAt235959VietnamTimeAndOnlyAReviewerReopensAUnit(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("10/12/2023 23:59")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let fixture = try await AssessmentFixture.make(app)
            let round = try await fixture.openRound()
            let leader = try await app.signIn("bagiang.chutich")

            clock.set(try #require(LocalDate(year: 2023, month: 12, day: 10)), 23, 59, 59)
            let last = try await fixture.score(round, "ba-giang", "1.1", "5", as: leader)
            #expect(last.status == .ok, "\(last.body.string)")

            clock.set(try #require(LocalDate(year: 2023, month: 12, day: 11)), 0, 0, 1)
            let late = try await fixture.score(round, "ba-giang", "1.1", "6", as: leader)
            #expect(late.status == .unprocessableEntity)
            let error = try late.json(ErrorDTO.self)
            #expect(error.code == "assessment.window.closed")
            #expect(error.message.contains("10/12/2023"), "\(error.message)")
            let unit = try await app.sendRequest(.GET, fixture.path(round, "ba-giang"), headers: leader)
                .json(UnitAssessmentDTO.self)
            #expect(unit.selfScores["1.1"]?.score == Points(5), "the refused change wrote nothing")
            #expect(unit.unit.phase == .closed)

            // The leader cannot reopen; the reviewer can, with a reason, and it is logged.
            let reopen = ReopenUnitRequest(until: "12/12/2023", reason: "Xã bị mất điện, gửi bổ sung hồ sơ")
            let byLeader = try await app.send(
                .POST, fixture.path(round, "ba-giang") + "/reopen", headers: leader, json: reopen)
            #expect(byLeader.status == .forbidden)
            let byReviewer = try await app.send(
                .POST, fixture.path(round, "ba-giang") + "/reopen", headers: fixture.reviewer, json: reopen)
            #expect(byReviewer.status == .ok, "\(byReviewer.body.string)")
            #expect(try byReviewer.json(UnitAssessmentDTO.self).unit.phase == .reopened)
            let again = try await fixture.score(round, "ba-giang", "1.1", "6", as: leader)
            #expect(again.status == .ok)
            let events = try await app.auditEvents("assessment.unit.reopen")
            #expect(events.contains { $0.outcome == "done" && $0.reason.contains("mất điện") })
            #expect(events.contains { $0.outcome == "refused" })
            // Another commune stays closed.
            let other = try await fixture.score(
                round, "ba-dinh", "1.1", "6", as: try await app.signIn("badinh.chutich"))
            #expect(other.status == .unprocessableEntity)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aCriterionWithoutEvidenceOrExplanationCannotBeSubmitted(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("25/11/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let fixture = try await AssessmentFixture.make(app)
            let round = try await fixture.openRound()
            let leader = try await app.signIn("bagiang.chutich")
            for (code, score) in [("1.1", "6"), ("1.2", "0"), ("2.1", "7,5")] {
                let response = try await fixture.score(round, "ba-giang", code, score, as: leader)
                #expect(response.status == .ok, "\(response.body.string)")
            }
            let refused = try await fixture.submitWithScan(round, "ba-giang", as: leader)
            #expect(refused.status == .unprocessableEntity)
            let problems = try refused.json(ErrorDTO.self)
            #expect(problems.code == "assessment.submit.problems")
            #expect(problems.details["problems"]?.contains("2.1") == true, "every problem is listed")
            var unit = try await app.sendRequest(.GET, fixture.path(round, "ba-giang"), headers: leader)
                .json(UnitAssessmentDTO.self)
            #expect(unit.unit.submittedAt == nil, "nothing was submitted")
            #expect(unit.problems.count == 2, "\(unit.problems)")
            #expect(unit.problems.contains { $0.contains("1.1") } && unit.problems.contains { $0.contains("2.1") })

            // A score off the round's steps or above the maximum is refused and changes nothing.
            #expect(try await fixture.score(round, "ba-giang", "2.1", "7,3", as: leader).status == .unprocessableEntity)
            #expect(try await fixture.score(round, "ba-giang", "2.1", "11", as: leader).status == .unprocessableEntity)
            #expect(try await fixture.score(round, "ba-giang", "9.9", "1", as: leader).status == .unprocessableEntity)

            // Explanations for both; then the submission goes through and freezes the scores.
            for (code, score) in [("1.1", "6"), ("2.1", "7,5")] {
                let response = try await fixture.score(
                    round, "ba-giang", code, score, explanation: "Đã ban hành kế hoạch, lưu tại văn phòng", as: leader)
                #expect(response.status == .ok)
            }
            let submitted = try await fixture.submitWithScan(round, "ba-giang", as: leader)
            #expect(submitted.status == .ok, "\(submitted.body.string)")
            unit = try submitted.json(UnitAssessmentDTO.self)
            #expect(unit.unit.submittedAt != nil && unit.problems.isEmpty)
            let frozen = try await fixture.score(round, "ba-giang", "1.2", "4", as: leader)
            #expect(frozen.status == .unprocessableEntity)
            #expect(try frozen.json(ErrorDTO.self).code == "assessment.self.submitted")
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyAnAreasOwnerScoresItAndOnlyItsAssignedMemberAppraisesIt(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("25/11/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let fixture = try await AssessmentFixture.make(app)
            let round = try await fixture.openRound()
            let leader = try await app.signIn("bagiang.chutich")
            let justice = try await app.position("Tư pháp – Hộ tịch", of: "ba-giang")
            let owners = try await app.send(
                .PUT, fixture.path(round, "ba-giang") + "/owners", headers: leader,
                json: AreaOwnersRequest(owners: ["2": try justice.requireID()]))
            #expect(owners.status == .ok, "\(owners.body.string)")
            #expect(try owners.json(UnitAssessmentDTO.self).ownership.owner(of: "2.1")?.title == "Tư pháp – Hộ tịch")

            let owner = try await app.signIn("bagiang.tpht")
            let office = try await app.signIn("bagiang.vptk")
            #expect(try await fixture.score(round, "ba-giang", "2.1", "8", as: office).status == .forbidden)
            #expect(try await fixture.score(round, "ba-giang", "2.1", "8", as: leader).status == .forbidden)
            #expect(try await fixture.score(round, "ba-dinh", "1.1", "1", as: leader).status == .forbidden)
            #expect(try await fixture.score(round, "ba-giang", "1.1", "6", as: owner).status == .forbidden)
            let byOwner = try await fixture.score(
                round, "ba-giang", "2.1", "8", explanation: "Bộ phận một cửa hoạt động đúng quy định", as: owner)
            #expect(byOwner.status == .ok, "\(byOwner.body.string)")
            for code in ["1.1", "1.2"] {
                let response = try await fixture.score(
                    round, "ba-giang", code, "4", explanation: "Đã thực hiện theo kế hoạch của xã", as: leader)
                #expect(response.status == .ok)
            }
            #expect(try await fixture.submitWithScan(round, "ba-giang", as: owner).status == .forbidden)
            #expect(try await fixture.submitWithScan(round, "ba-giang", as: leader).status == .ok)

            try await fixture.setCouncil(round)
            let tuphap = try await app.signIn("hd.tuphap")
            let vanhoa = try await app.signIn("hd.vanhoa")
            let wrongMember = try await fixture.appraise(
                round, "ba-giang", "2.1", AppraiseRequest(accept: true), as: tuphap)
            #expect(wrongMember.status == .forbidden)
            #expect(
                try await fixture.appraise(
                    round, "ba-giang", "2.1", AppraiseRequest(accept: true), as: fixture.reviewer
                )
                .status == .forbidden)
            // A changed score needs a reason; with one it is kept and logged.
            let noReason = try await fixture.appraise(
                round, "ba-giang", "2.1", AppraiseRequest(accept: false, score: "6"), as: vanhoa)
            #expect(noReason.status == .unprocessableEntity)
            #expect(try noReason.json(ErrorDTO.self).code == "assessment.appraisal.reason_required")
            let reason = "Chưa có số liệu khảo sát mức độ hài lòng"
            let changed = try await fixture.appraise(
                round, "ba-giang", "2.1", AppraiseRequest(accept: false, score: "6", reason: reason), as: vanhoa)
            #expect(changed.status == .ok, "\(changed.body.string)")
            #expect(try changed.json(Appraisal.self).score == Points(6))
            let logged = try await app.auditEvents("assessment.appraise")
            #expect(logged.contains { $0.outcome == "done" && $0.reason == reason && $0.afterJSON.contains("2.1") })
            #expect(logged.contains { $0.outcome == "refused" })
            // The unit sees the council's reason beside the criterion.
            let unit = try await app.sendRequest(.GET, fixture.path(round, "ba-giang"), headers: leader)
                .json(UnitAssessmentDTO.self)
            #expect(unit.appraisals["2.1"]?.reason == reason)
        }
    }

    @Test(arguments: TestDatabase.available)
    func fiveCommunesCompileAndRankAsWorkedOutByHandAndPublishedResultsRefuseEdits(database: TestDatabase)
        async throws
    {
        let clock = try TestClock.vietnam("25/11/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let fixture = try await AssessmentFixture.make(app)
            let round = try await fixture.openRound()
            // Self scores (1.1 of 6, 1.2 of 4, 2.1 of 10):
            //   Ba Giang 6 + 4 + 10 = 20 · Ba Dinh 6 + 4 + 10 = 20 · Ba Thành 5 + 4 + 9 = 18
            //   Ba Vinh 3 + 2 + 5 = 10 · Ba Tiêu 6 + 4 + 6 = 16
            let selfScores = [
                "ba-giang": ["1.1": "6", "1.2": "4", "2.1": "10"], "ba-dinh": ["1.1": "6", "1.2": "4", "2.1": "10"],
                "ba-thanh": ["1.1": "5", "1.2": "4", "2.1": "9"], "ba-vinh": ["1.1": "3", "1.2": "2", "2.1": "5"],
                "ba-tieu": ["1.1": "6", "1.2": "4", "2.1": "6"],
            ]
            for (code, scores) in selfScores { try await fixture.selfAssess(round, code, scores) }

            try await fixture.setCouncil(round)
            let tuphap = try await app.signIn("hd.tuphap")
            let vanhoa = try await app.signIn("hd.vanhoa")
            // The council lowers Ba Dinh's 2.1 to 8 and Ba Tiêu's 1.1 to 4, and accepts the rest:
            //   Ba Giang 20 (100 %, Tốt) · Ba Dinh 18 (90 %, Tốt) · Ba Thành 18 (90 %, Tốt)
            //   Ba Tiêu 14 (70 %, Khá) · Ba Vinh 10 (50 %, Trung bình)
            let lower = [("ba-dinh", "2.1", "8", vanhoa), ("ba-tieu", "1.1", "4", tuphap)]
            for (code, criterion, score, member) in lower {
                let response = try await fixture.appraise(
                    round, code, criterion,
                    AppraiseRequest(accept: false, score: score, reason: "Hồ sơ chưa đủ minh chứng"), as: member)
                #expect(response.status == .ok, "\(response.body.string)")
            }
            let early = try await app.sendRequest(
                .GET, "/api/v1/assessment-rounds/\(round)/results", headers: fixture.reviewer)
            #expect(early.status == .unprocessableEntity, "results wait for the whole appraisal")
            for (code, _) in fixture.communes {
                #expect(try await fixture.acceptRemaining(round, code, as: tuphap).status == .ok)
                let accepted = try await fixture.acceptRemaining(round, code, as: vanhoa)
                // Ba Dinh's only criterion of area 2 is already appraised: nothing is left to accept.
                #expect(accepted.status == (code == "ba-dinh" ? .unprocessableEntity : .ok), "\(code)")
            }
            let progress = try await app.sendRequest(
                .GET, "/api/v1/assessment-rounds/\(round)/progress", headers: tuphap)
            #expect(progress.status == .ok, "the secretary follows progress")
            #expect(try progress.json(AppraisalProgress.self).isComplete)

            let preview = try await app.sendRequest(
                .GET, "/api/v1/assessment-rounds/\(round)/results", headers: fixture.reviewer)
            #expect(preview.status == .ok, "\(preview.body.string)")
            let results = try preview.json(AssessmentResultsDTO.self)
            #expect(!results.published)
            let expected: [String: (total: Int, percent: Int, className: String, rank: String)] = [
                "ba-giang": (20, 10000, "Tốt", "1/5"), "ba-dinh": (18, 9000, "Tốt", "2/5"),
                "ba-thanh": (18, 9000, "Tốt", "2/5"), "ba-tieu": (14, 7000, "Khá", "4/5"),
                "ba-vinh": (10, 5000, "Trung bình", "5/5"),
            ]
            for (code, want) in expected {
                let unit = try #require(results.results.unit(fixture.id(code)))
                #expect(unit.total == Points(want.total), "\(code)")
                #expect(unit.percentHundredths == want.percent, "\(code)")
                #expect(unit.className == want.className, "\(code)")
                #expect(unit.rank.description == want.rank, "\(code)")
            }
            let baDinh = try #require(results.results.unit(fixture.id("ba-dinh")))
            #expect(baDinh.selfTotal == Points(20) && baDinh.appraisedTotal == Points(18))
            #expect(baDinh.node("2")?.appraised == Points(8) && baDinh.node("2.1")?.selfScore == Points(10))

            // A leader cannot preview or publish; the reviewer publishes.
            let leader = try await app.signIn("badinh.chutich")
            #expect(
                try await app.sendRequest(.GET, "/api/v1/assessment-rounds/\(round)/results", headers: leader).status
                    == .forbidden)
            #expect(
                try await app.sendRequest(.POST, "/api/v1/assessment-rounds/\(round)/publish", headers: leader).status
                    == .forbidden)
            let published = try await app.sendRequest(
                .POST, "/api/v1/assessment-rounds/\(round)/publish", headers: fixture.reviewer)
            #expect(published.status == .ok, "\(published.body.string)")

            // Published: each unit reads its rank; nothing can change any more.
            let own = try await app.sendRequest(.GET, fixture.path(round, "ba-dinh"), headers: leader)
                .json(UnitAssessmentDTO.self)
            #expect(own.result?.rank.description == "2/5")
            #expect(own.unit.phase == .published)
            let csv = try await app.sendRequest(
                .GET, "/api/v1/assessment-rounds/\(round)/results.csv", headers: leader)
            #expect(csv.status == .ok && csv.body.string.contains("UBND xã Ba Dinh"))
            let edits = [
                try await fixture.score(round, "ba-dinh", "1.1", "5", as: leader),
                try await fixture.appraise(
                    round, "ba-dinh", "1.1", AppraiseRequest(accept: false, score: "5", reason: "Sửa sau công bố"),
                    as: tuphap),
                try await app.sendRequest(
                    .POST, "/api/v1/assessment-rounds/\(round)/publish", headers: fixture.reviewer),
                try await app.send(
                    .POST, fixture.path(round, "ba-dinh") + "/reopen", headers: fixture.reviewer,
                    json: ReopenUnitRequest(until: "30/11/2023", reason: "Mở lại sau khi công bố")),
            ]
            for edit in edits {
                #expect(edit.status == .unprocessableEntity, "\(edit.body.string)")
                #expect(try edit.json(ErrorDTO.self).code == "assessment.round.published")
            }
            let after = try await app.sendRequest(.GET, fixture.path(round, "ba-dinh"), headers: leader)
                .json(UnitAssessmentDTO.self)
            #expect(after.selfScores["1.1"]?.score == Points(6) && after.appraisals["1.1"]?.score == Points(6))

            // The appraised scores are next year's baselines.
            let baselines = try await Baseline.query(on: app.db).filter(\.$unit.$id == fixture.id("ba-tieu"))
                .filter(\.$catalog.$id == fixture.catalogID).all()
            #expect(
                Dictionary(uniqueKeysWithValues: baselines.map { ($0.nodeCode, $0.pointsHundredths) })
                    == ["1.1": 400, "1.2": 400, "2.1": 600])
        }
    }

    @Test(arguments: TestDatabase.available)
    func theDraftComesFromThePlansProgressWithTheTasksEvidence(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("25/11/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let reviewer = try await app.signIn("noivu.bato")
            let plan = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == app.unit("ba-giang").requireID()).first())
            let opened = try await app.send(
                .POST, "/api/v1/assessment-rounds", headers: reviewer,
                json: OpenRoundRequest(
                    title: "Tự đánh giá năm 2023", catalogID: plan.$catalog.id, year: plan.year,
                    unitIDs: [try app.unit("ba-giang").requireID()], officialFrom: "21/11/2023",
                    closesOn: "10/12/2023"))
            #expect(opened.status == .created, "\(opened.body.string)")
            let round = try opened.json(AssessmentRoundDTO.self)
            let baGiang = try await app.unit("ba-giang").requireID()
            let path = "/api/v1/assessment-rounds/\(round.id)/units/\(baGiang)"
            let leader = try await app.signIn("bagiang.chutich")
            let officer = try await app.signIn("bagiang.vptk")
            // The office has put a report on one of its tasks.
            let task = try await app.task(of: "Văn phòng – Thống kê", in: "ba-giang")
            let upload = try await app.sendRequest(
                .POST, "/api/v1/tasks/\(try task.requireID())/evidence?filename=bao-cao.pdf", headers: officer,
                body: ByteBuffer(data: try Data(contentsOf: AssessmentFixture.scan)))
            #expect(upload.status == .created)
            #expect(try await app.sendRequest(.POST, path + "/prefill", headers: officer).status == .forbidden)
            let filled = try await app.sendRequest(.POST, path + "/prefill", headers: leader)
            #expect(filled.status == .ok, "\(filled.body.string)")
            #expect(try filled.json(CountDTO.self).count > 10)
            let unit = try await app.sendRequest(.GET, path, headers: leader).json(UnitAssessmentDTO.self)
            #expect(unit.selfScores.values.allSatisfy { $0.source == .suggested })
            #expect(unit.selfScores.values.contains { $0.score > .zero })
            #expect(unit.problems.contains { $0.contains("1.1") }, "suggestions wait for their owner")
            let withEvidence = try #require(unit.selfScores.first { !$0.value.evidence.isEmpty })
            // The evidence offered is the tasks' own, readable by the unit and the council alike.
            let reference = try #require(withEvidence.value.evidence.first)
            let file = try await app.sendRequest(
                .GET, path + "/files/evidence/\(reference.evidenceID)", headers: leader)
            #expect(file.status == .ok)

            let confirmed = try await app.sendRequest(.POST, path + "/confirm", headers: leader)
            #expect(try confirmed.json(CountDTO.self).count == unit.selfScores.count)
            let after = try await app.sendRequest(.GET, path, headers: leader).json(UnitAssessmentDTO.self)
            #expect(after.selfScores.values.allSatisfy { $0.source == .owner })
            #expect(after.unit.confirmed == after.unit.leaves)
        }
    }

    @Test(arguments: TestDatabase.available)
    func surveyPointsImportWhollyOrNotAtAll(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("25/11/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let fixture = try await AssessmentFixture.make(app, withSurvey: true)
            let round = try await fixture.openRound()
            func upload(_ csv: String, as auth: HTTPHeaders) async throws -> TestingHTTPResponse {
                try await app.sendRequest(
                    .POST, "/api/v1/assessment-rounds/\(round)/survey?filename=khao-sat.csv", headers: auth,
                    body: ByteBuffer(string: csv))
            }
            // One bad cell (C3 is above the maximum of 5): refused, naming the cell, nothing written.
            let bad = try await upload("Đơn vị;3.1\nUBND xã Ba Giang;4,5\nba-dinh;7\n", as: fixture.reviewer)
            #expect(bad.status == .unprocessableEntity, "\(bad.body.string)")
            #expect(bad.body.string.contains("B3"), "\(bad.body.string)")
            let leader = try await app.signIn("bagiang.chutich")
            let before = try await app.sendRequest(.GET, fixture.path(round, "ba-giang"), headers: leader)
                .json(UnitAssessmentDTO.self)
            #expect(before.surveyPoints.isEmpty)
            #expect(try await upload("Đơn vị;3.1\nba-giang;4\n", as: leader).status == .forbidden)

            let good = try await upload("Đơn vị;3.1\nUBND xã Ba Giang;4,5\nba-dinh;3\n", as: fixture.reviewer)
            #expect(good.status == .ok, "\(good.body.string)")
            #expect(try good.json(CountDTO.self).count == 2)
            let after = try await app.sendRequest(.GET, fixture.path(round, "ba-giang"), headers: leader)
                .json(UnitAssessmentDTO.self)
            #expect(after.surveyPoints == ["3.1": Points(hundredths: 450)])
            // A single figure may be corrected by hand.
            let corrected = try await app.send(
                .PUT, fixture.path(round, "ba-dinh") + "/survey/3.1", headers: fixture.reviewer,
                json: SurveyPointsRequest(points: "3,5"))
            #expect(try corrected.json(UnitAssessmentDTO.self).surveyPoints["3.1"] == Points(hundredths: 350))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aUnitsDocumentsAreCheckedByContentAndKeptOnce(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("25/11/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let fixture = try await AssessmentFixture.make(app)
            let round = try await fixture.openRound()
            let leader = try await app.signIn("bagiang.chutich")
            func upload(_ name: String, _ data: Data, as auth: HTTPHeaders) async throws -> TestingHTTPResponse {
                try await app.sendRequest(
                    .POST, fixture.path(round, "ba-giang") + "/documents?filename=\(name)", headers: auth,
                    body: ByteBuffer(data: data))
            }
            let pdf = try Data(contentsOf: AssessmentFixture.scan)
            #expect(try await upload("rong.pdf", Data(), as: leader).status == .badRequest)
            #expect(
                try await upload("gia.pdf", Data("không phải PDF".utf8), as: leader).status == .unsupportedMediaType)
            #expect(try await upload("bao-cao.pdf", pdf, as: fixture.reviewer).status == .forbidden)
            let first = try await upload("bao-cao.pdf", pdf, as: leader)
            #expect(first.status == .created)
            let again = try await upload("ban-sao.pdf", pdf, as: leader)
            #expect(again.status == .ok, "the same file is kept once")
            #expect(try again.json(AssessmentDocumentDTO.self).id == first.json(AssessmentDocumentDTO.self).id)
            let unit = try await app.sendRequest(.GET, fixture.path(round, "ba-giang"), headers: leader)
                .json(UnitAssessmentDTO.self)
            #expect(unit.documents.map(\.filename) == ["bao-cao.pdf"], "refused uploads left nothing")
        }
    }
}
