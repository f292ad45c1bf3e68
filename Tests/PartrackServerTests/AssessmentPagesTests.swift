import Fluent
import Foundation
import NIOHTTP1
import PartrackDomain
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

@testable import PartrackServer

/// Issue 8 through its pages, as the people who do each step would use them: every change is a form
/// post carrying the session's CSRF token; a refused step says why on the page and changes nothing;
/// published results have no forms left.
@Suite struct AssessmentPagesTests {
    static let explanation = "Đã thực hiện, hồ sơ lưu tại Văn phòng UBND xã, sẵn sàng cung cấp cho Hội đồng."

    @Test(arguments: TestDatabase.available)
    func oneCommuneGoesFromOpeningToPublishedRankThroughTheForms(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("25/11/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let baGiang = try await app.unit("ba-giang").requireID()
            let catalog = try #require(try await Catalog.query(on: app.db).first()).requireID()

            // The reviewer opens the round; the form without its token is refused and opens nothing.
            var reviewer = Browser(app)
            _ = try await reviewer.signIn("noivu.bato")
            let opening = [
                "title": "Tự đánh giá Chỉ số CCHC năm 2023", "catalogID": "\(catalog)", "year": "2023",
                "unitIDs[]": "\(baGiang)", "trialFrom": "10/11/2023", "trialTo": "20/11/2023",
                "officialFrom": "21/11/2023", "closesOn": "10/12/2023", "scoreStep": "0,25", "tieRule": "share_rank",
            ]
            let forged = try await reviewer.post("/danh-gia", opening)
            #expect(forged.status == .forbidden)
            #expect(try await AssessmentRoundRecord.query(on: app.db).count() == 0)
            let opened = try await reviewer.post("/danh-gia", opening, csrfFrom: "/danh-gia")
            #expect(opened.status == .seeOther)
            let round = try #require(try await AssessmentRoundRecord.query(on: app.db).first()).requireID()
            #expect(opened.headers.first(name: .location) == "/danh-gia/\(round)")
            let roundPage = try await reviewer.get("/danh-gia/\(round)").body.string
            #expect(roundPage.contains("Đã mở đợt"))
            #expect(roundPage.contains("10/12/2023 23:59:59"))

            // The leader gives area 2 to Tư pháp – Hộ tịch, drafts from the plan and confirms.
            let unitPath = "/danh-gia/\(round)/don-vi/\(baGiang)"
            let tpht = try await app.position("Tư pháp – Hộ tịch", of: "ba-giang").requireID()
            var leader = Browser(app)
            _ = try await leader.signIn("bagiang.chutich")
            #expect(try await leader.get("/danh-gia").body.string.contains("href=\"\(unitPath)\""))
            _ = try await leader.post(
                unitPath + "/phan-cong", ["o[0][code]": "2", "o[0][position]": "\(tpht)"], csrfFrom: unitPath)
            #expect(try await leader.get(unitPath).body.string.contains("Đã lưu phân công"))
            _ = try await leader.post(unitPath + "/ban-nhap", [:], csrfFrom: unitPath)
            _ = try await leader.post(unitPath + "/xac-nhan", [:], csrfFrom: unitPath)

            // The officer scores area 2; the leader scores the rest; each with an explanation.
            let snapshot = try await AssessmentSnapshot.load(round, on: app.db)
            let leaves = snapshot.catalog.assessedLeafCodes
            var officer = Browser(app)
            _ = try await officer.signIn("bagiang.tpht")
            for code in leaves {
                let current = try snapshot.unit(baGiang).selfScores[code]?.score.vietnamese ?? "0"
                let fields = ["score": current, "explanation": Self.explanation]
                let saved =
                    code.hasPrefix("2.")
                    ? try await officer.post(unitPath + "/tieu-chi/\(code)", fields, csrfFrom: unitPath)
                    : try await leader.post(unitPath + "/tieu-chi/\(code)", fields, csrfFrom: unitPath)
                #expect(saved.status == .seeOther, "\(code)")
            }
            #expect(try await AssessmentSelfScore.query(on: app.db).filter(\.$source == .owner).count() == leaves.count)
            let ready = try await leader.get(unitPath).body.string
            #expect(ready.contains("Đã đủ điều kiện gửi thẩm định"))
            #expect(try await leader.get(unitPath + "/in").body.string.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
            let csv = try await leader.get(unitPath + "/tu-danh-gia.csv")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)

            // "Gửi thẩm định" with the signed scan freezes the self scores: no score form is left.
            let scan = try Data(
                contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/evidence/scan.tiff"))
            let submitted = try await leader.postFile(
                unitPath + "/gui-tham-dinh", scan, named: "scan.tiff", csrfFrom: unitPath)
            #expect(submitted.status == .seeOther)
            let frozen = try await leader.get(unitPath).body.string
            #expect(frozen.contains("Đã gửi thẩm định"))
            #expect(!Self.main(frozen).contains("/tieu-chi/"))

            // The reviewer sets up the council: Tư pháp appraises areas 1–3, Văn hóa the others.
            let khanh = try #require(try await User.query(on: app.db).filter(\.$username == "tuphap.bato").first())
                .requireID()
            let my = try #require(try await User.query(on: app.db).filter(\.$username == "vanhoa.bato").first())
                .requireID()
            var council = [
                "m[\(khanh)][member]": "1", "m[\(khanh)][office]": "Phòng Tư pháp", "m[\(my)][member]": "1",
                "m[\(my)][office]": "Phòng Văn hóa và Thông tin", "m[\(my)][secretary]": "1",
            ]
            for (key, area) in snapshot.catalog.areas.enumerated() {
                council["a[\(key)][code]"] = area.code
                council["a[\(key)][user]"] = "\(Int(area.code)! <= 3 ? khanh : my)"
            }
            _ = try await reviewer.post("/danh-gia/\(round)/hoi-dong", council, csrfFrom: "/danh-gia/\(round)/hoi-dong")
            let seated = try await AssessmentSnapshot.load(round, on: app.db).council
            #expect(seated.members.count == 2)
            #expect(seated.appraiser(of: "1.1")?.userID == khanh)

            // Tư pháp lowers one score without a reason: refused, shown, nothing written. Then with one.
            let appraisePath = "/danh-gia/\(round)/tham-dinh/\(baGiang)"
            var tuphap = Browser(app)
            _ = try await tuphap.signIn("tuphap.bato")
            let scores = try snapshot.unit(baGiang).selfScores
            let lowered = try #require(
                leaves.first { code in
                    (Int(code.prefix { $0 != "." }) ?? 9) <= 3 && (scores[code]?.score ?? .zero) > .zero
                })
            // Tư pháp asks for more evidence on it; the leader answers on the unit's page.
            _ = try await tuphap.post(
                appraisePath + "/yeu-cau",
                ["code": lowered, "text": "Đề nghị bổ sung bản scan kế hoạch đã ký", "answerBy": "30/11/2023"],
                csrfFrom: appraisePath)
            let asked = try #require(try await AssessmentEvidenceRequest.query(on: app.db).first())
            #expect(try await leader.get(unitPath).body.string.contains("Đề nghị bổ sung bản scan kế hoạch đã ký"))
            _ = try await leader.post(
                "/danh-gia/\(round)/yeu-cau/\(asked.requireID())/tra-loi",
                ["text": "Bản scan đã ký được lưu tại Văn phòng UBND xã, gửi kèm hồ sơ"], csrfFrom: unitPath)
            #expect(try await AssessmentEvidenceRequest.find(asked.id, on: app.db)?.answerText != nil)
            #expect(try await tuphap.get(appraisePath).body.string.contains("Bản scan đã ký được lưu"))

            _ = try await tuphap.post(
                appraisePath + "/tieu-chi/\(lowered)", ["decision": "score", "score": "0", "reason": ""],
                csrfFrom: appraisePath)
            let refusal = try await tuphap.get(appraisePath).body.string
            #expect(refusal.contains("notice error"))
            #expect(try await AssessmentAppraisal.query(on: app.db).count() == 0)
            _ = try await tuphap.post(
                appraisePath + "/tieu-chi/\(lowered)",
                ["decision": "score", "score": "0", "reason": "Tài liệu kiểm chứng chưa thể hiện kết quả thực hiện"],
                csrfFrom: appraisePath)
            #expect(try await AssessmentAppraisal.query(on: app.db).count() == 1)
            _ = try await tuphap.post(appraisePath + "/chap-nhan", [:], csrfFrom: appraisePath)
            var vanhoa = Browser(app)
            _ = try await vanhoa.signIn("vanhoa.bato")
            _ = try await vanhoa.post(appraisePath + "/chap-nhan", [:], csrfFrom: appraisePath)
            #expect(try await AssessmentAppraisal.query(on: app.db).count() == leaves.count)
            #expect(
                try await vanhoa.get("/danh-gia/\(round)/tien-do").body.string.contains(
                    "\(leaves.count)/\(leaves.count)"))

            // The reviewer previews (rank 1/1) and publishes; the results then have no forms.
            let preview = try await reviewer.get("/danh-gia/\(round)/ket-qua").body.string
            #expect(preview.contains("1/1"))
            _ = try await reviewer.post("/danh-gia/\(round)/cong-bo", [:], csrfFrom: "/danh-gia/\(round)/ket-qua")
            #expect(try await AssessmentRoundRecord.find(round, on: app.db)?.publishedAt != nil)
            for (person, path) in [
                (reviewer, "/danh-gia/\(round)/ket-qua"), (leader, "/danh-gia/\(round)/ket-qua"), (leader, unitPath),
                (tuphap, appraisePath), (reviewer, "/danh-gia/\(round)/hoi-dong"),
            ] {
                var reader = person
                let page = try await reader.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!Self.main(page.body.string).contains("<form"), "\(path)")
            }
            let official = try await leader.get("/danh-gia/\(round)/ket-qua").body.string
            #expect(official.contains("UBND xã Ba Giang"))
            #expect(official.contains("xếp hạng 1/1"))
            #expect(try await leader.get(unitPath).body.string.contains("Tài liệu kiểm chứng chưa thể hiện"))
            #expect(try await leader.get("/danh-gia/\(round)/ket-qua.csv").status == .ok)
            #expect(try await leader.get("/danh-gia/\(round)/ket-qua/in").body.string.contains("CỘNG HÒA"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRefusedScoreIsShownOnThePageAndChangesNothing(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("25/11/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let baGiang = try await app.unit("ba-giang").requireID()
            let catalog = try #require(try await Catalog.query(on: app.db).first()).requireID()
            var reviewer = Browser(app)
            _ = try await reviewer.signIn("noivu.bato")
            // Closing before the official window opens is refused: the notice says so, no round exists.
            let bad = try await reviewer.post(
                "/danh-gia",
                [
                    "title": "Đợt sai ngày", "catalogID": "\(catalog)", "year": "2023", "unitIDs[]": "\(baGiang)",
                    "officialFrom": "21/11/2023", "closesOn": "20/11/2023",
                ], csrfFrom: "/danh-gia")
            #expect(bad.headers.first(name: .location) == "/danh-gia")
            #expect(try await reviewer.get("/danh-gia").body.string.contains("notice error"))
            #expect(try await AssessmentRoundRecord.query(on: app.db).count() == 0)

            _ = try await reviewer.post(
                "/danh-gia",
                [
                    "title": "Đợt 2023", "catalogID": "\(catalog)", "year": "2023", "unitIDs[]": "\(baGiang)",
                    "officialFrom": "21/11/2023", "closesOn": "10/12/2023",
                ], csrfFrom: "/danh-gia")
            let round = try #require(try await AssessmentRoundRecord.query(on: app.db).first()).requireID()
            let snapshot = try await AssessmentSnapshot.load(round, on: app.db)
            let leaf = try #require(snapshot.catalog.allNodes.first { $0.isLeaf })
            let unitPath = "/danh-gia/\(round)/don-vi/\(baGiang)"
            var leader = Browser(app)
            _ = try await leader.signIn("bagiang.chutich")
            let tooMuch = (leaf.maxPoints + Points(1)).vietnamese
            let refused = try await leader.post(
                unitPath + "/tieu-chi/\(leaf.code)", ["score": tooMuch, "explanation": Self.explanation],
                csrfFrom: unitPath)
            #expect(refused.status == .seeOther)
            let page = try await leader.get(unitPath).body.string
            #expect(page.contains("notice error"))
            #expect(page.contains(tooMuch))
            #expect(try await AssessmentSelfScore.query(on: app.db).count() == 0)

            // A minute after the closing day the round refuses changes; the reviewer reopens the unit.
            try clock.set(vietnam: "11/12/2023 00:01")
            _ = try await leader.post(
                unitPath + "/tieu-chi/\(leaf.code)", ["score": "0", "explanation": Self.explanation],
                csrfFrom: unitPath)
            #expect(try await leader.get(unitPath).body.string.contains("notice error"))
            #expect(try await AssessmentSelfScore.query(on: app.db).count() == 0)
            _ = try await reviewer.post(
                "/danh-gia/\(round)/mo-lai/\(baGiang)",
                ["until": "15/12/2023", "reason": "Xã bị mất điện diện rộng trong ngày cuối"],
                csrfFrom: "/danh-gia/\(round)")
            #expect(
                try await AssessmentRoundUnit.query(on: app.db).first()?.reopenedUntil
                    == LocalDate(year: 2023, month: 12, day: 15))
            _ = try await leader.post(
                unitPath + "/tieu-chi/\(leaf.code)", ["score": "0", "explanation": Self.explanation],
                csrfFrom: unitPath)
            #expect(try await AssessmentSelfScore.query(on: app.db).count() == 1)

            // An officer who owns nothing gets no form, and a post of theirs is refused without a change.
            var officer = Browser(app)
            _ = try await officer.signIn("bagiang.vhxh")
            #expect(!Self.main(try await officer.get(unitPath).body.string).contains("/tieu-chi/"))
            _ = try await officer.post(
                unitPath + "/tieu-chi/\(leaf.code)", ["score": "1", "explanation": Self.explanation],
                csrfFrom: unitPath)
            #expect(try await AssessmentSelfScore.query(on: app.db).first()?.scoreHundredths == 0)
            // A commune outside the round cannot read it.
            var other = Browser(app)
            _ = try await other.signIn("badinh.chutich")
            #expect(try await other.get(unitPath).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theReviewerEntersAndImportsSurveyPointsOnTheResultsPage(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("25/11/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let fixture = try await AssessmentFixture.make(app, withSurvey: true)
            let round = try await fixture.openRound()
            let results = "/danh-gia/\(round)/ket-qua"
            var reviewer = Browser(app)
            _ = try await reviewer.signIn("noivu.bato")
            #expect(try await reviewer.get(results).body.string.contains("Điểm điều tra xã hội học"))
            func points() async throws -> [Int] {
                try await AssessmentSurveyPoints.query(on: app.db).sort(\.$id).all().map(\.pointsHundredths)
            }
            // Above the criterion's maximum of 5: refused on the page, nothing written.
            let path = "/danh-gia/\(round)/dieu-tra/\(fixture.id("ba-giang"))"
            _ = try await reviewer.post(path, ["p[0][code]": "3.1", "p[0][points]": "7"], csrfFrom: results)
            #expect(try await reviewer.get(results).body.string.contains("notice error"))
            #expect(try await points() == [])
            _ = try await reviewer.post(path, ["p[0][code]": "3.1", "p[0][points]": "4,5"], csrfFrom: results)
            #expect(try await points() == [450])
            let imported = try await reviewer.postFile(
                "/danh-gia/\(round)/dieu-tra", Data("Đơn vị;3.1\nba-giang;3\n".utf8), named: "khao-sat.csv",
                csrfFrom: results)
            #expect(imported.status == .seeOther)
            #expect(
                try await reviewer.get(results).body.string.contains("Đã nhập điểm điều tra xã hội học của 1 đơn vị"))
            #expect(try await points() == [300])
        }
    }

    /// The page's own content, without the site's header (which holds the sign-out form).
    static func main(_ html: String) -> String {
        guard let start = html.range(of: "<main") else { return html }
        return String(html[start.lowerBound...])
    }
}

extension Browser {
    /// Posts a multipart form with one file in the field `file` and the page's CSRF token.
    mutating func postFile(_ path: String, _ data: Data, named filename: String, csrfFrom page: String) async throws
        -> TestingHTTPResponse
    {
        let token = try await csrf(on: page)
        let boundary = "----partrack-\(UUID().uuidString)"
        var body = ByteBuffer()
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = self.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await app.sendRequest(.POST, path, headers: headers, body: body)
    }
}
