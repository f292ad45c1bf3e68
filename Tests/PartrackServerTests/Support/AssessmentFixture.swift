import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

@testable import PartrackServer

/// A district of five communes for the year-end cycle, built by hand on top of the demo: the demo's
/// three communes of Ba Tơ plus two more with their leaders, a small catalog whose figures are easy
/// to work out (area 1: 1.1 of 6 and 1.2 of 4 points; area 2: 2.1 of 10 points; classes from 90, 70,
/// 50 and 0 %), and two council members from the district's offices.
struct AssessmentFixture {
    let app: Application
    let catalogID: Int
    /// Commune code → unit id, in the order A…E of the worked example.
    let communes: [(code: String, id: Int)]
    let reviewer: HTTPHeaders

    static let leaders = [
        "ba-giang": "bagiang.chutich", "ba-dinh": "badinh.chutich", "ba-thanh": "bathanh.chutich",
        "ba-vinh": "bavinh.chutich", "ba-tieu": "batieu.chutich",
    ]
    static let scan = repositoryRoot.appendingPathComponent("Tests/Fixtures/evidence/report.pdf")

    /// `withSurvey` adds area 3 whose one sub-criterion, 3.1 of 5 points, comes from the people's survey.
    static func make(_ app: Application, withSurvey: Bool = false) async throws -> AssessmentFixture {
        let district = try await app.unit("ba-to")
        let template = try await #require(User.query(on: app.db).filter(\.$username == "bagiang.chutich").first())
        for (code, name) in [("ba-vinh", "UBND xã Ba Vinh"), ("ba-tieu", "UBND xã Ba Tiêu")] {
            let unit = OrgUnit(code: code, name: name, level: .commune, parentID: try district.requireID())
            try await unit.create(on: app.db)
            try await User(
                username: leaders[code]!, displayName: "Chủ tịch \(name)", passwordHash: template.passwordHash,
                role: .leader, unitID: try unit.requireID()
            ).create(on: app.db)
        }
        for username in ["hd.tuphap", "hd.vanhoa"] {
            try await User(
                username: username, displayName: username == "hd.tuphap" ? "Võ Văn Khánh" : "Huỳnh Thị Mỹ",
                passwordHash: template.passwordHash, role: .officer, unitID: try district.requireID()
            ).create(on: app.db)
        }
        let catalog = CatalogDefinition(
            name: "Bộ tiêu chí thử", year: 2023, level: .commune, decision: "Thử nghiệm", isSample: true,
            lateCreditPercent: 50,
            classes: [
                ClassThreshold(name: "Tốt", minPercentHundredths: 9000),
                ClassThreshold(name: "Khá", minPercentHundredths: 7000),
                ClassThreshold(name: "Trung bình", minPercentHundredths: 5000),
                ClassThreshold(name: "Kém", minPercentHundredths: 0),
            ],
            areas: [
                CatalogNodeDefinition(
                    code: "1", title: "Chỉ đạo, điều hành", maxPoints: Points(10),
                    children: [
                        CatalogNodeDefinition(code: "1.1", title: "Kế hoạch CCHC", maxPoints: Points(6)),
                        CatalogNodeDefinition(code: "1.2", title: "Báo cáo CCHC", maxPoints: Points(4)),
                    ]),
                CatalogNodeDefinition(
                    code: "2", title: "Cải cách thủ tục hành chính", maxPoints: Points(10),
                    children: [CatalogNodeDefinition(code: "2.1", title: "Một cửa", maxPoints: Points(10))]),
            ]
                + (withSurvey
                    ? [
                        CatalogNodeDefinition(
                            code: "3", title: "Mức độ hài lòng", maxPoints: Points(5),
                            children: [
                                CatalogNodeDefinition(
                                    code: "3.1", title: "Khảo sát người dân", maxPoints: Points(5), measure: .survey)
                            ])
                    ] : []))
        let saved = try await CatalogStore.save(catalog, on: app.db)
        var communes: [(String, Int)] = []
        for code in ["ba-giang", "ba-dinh", "ba-thanh", "ba-vinh", "ba-tieu"] {
            communes.append((code, try await app.unit(code).requireID()))
        }
        return AssessmentFixture(
            app: app, catalogID: try saved.requireID(), communes: communes,
            reviewer: try await app.signIn("noivu.bato"))
    }

    func id(_ code: String) -> Int { communes.first { $0.code == code }!.id }

    /// Opens a round for the five communes: trial 10–20/11, official from 21/11, closing 10/12/2023.
    func openRound(tieRule: TieRule = .shareRank) async throws -> Int {
        let response = try await app.send(
            .POST, "/api/v1/assessment-rounds", headers: reviewer,
            json: OpenRoundRequest(
                title: "Tự đánh giá năm 2023", catalogID: catalogID, year: 2023, unitIDs: communes.map(\.id),
                trialFrom: "10/11/2023", trialTo: "20/11/2023", officialFrom: "21/11/2023", closesOn: "10/12/2023",
                scoreStep: "0,25", tieRule: tieRule))
        #expect(response.status == .created, "\(response.body.string)")
        return try response.json(AssessmentRoundDTO.self).id
    }

    func path(_ round: Int, _ code: String) -> String { "/api/v1/assessment-rounds/\(round)/units/\(id(code))" }

    func score(
        _ round: Int, _ code: String, _ criterion: String, _ score: String, explanation: String? = nil,
        as auth: HTTPHeaders
    ) async throws -> TestingHTTPResponse {
        try await app.send(
            .PUT, path(round, code) + "/scores/\(criterion)", headers: auth,
            json: SelfScoreRequest(score: score, explanation: explanation))
    }

    /// Scores every criterion of the commune as its leader, each with an explanation, uploads the
    /// signed report and submits.
    func selfAssess(_ round: Int, _ code: String, _ scores: [String: String]) async throws {
        let leader = try await app.signIn(Self.leaders[code]!)
        for (criterion, value) in scores.sorted(by: { $0.key < $1.key }) {
            let response = try await score(
                round, code, criterion, value, explanation: "Đã thực hiện đầy đủ, hồ sơ lưu tại văn phòng",
                as: leader)
            #expect(response.status == .ok, "\(code) \(criterion): \(response.body.string)")
        }
        let submit = try await submitWithScan(round, code, as: leader)
        #expect(submit.status == .ok, "\(code): \(submit.body.string)")
    }

    func uploadScan(_ round: Int, _ code: String, as auth: HTTPHeaders) async throws -> Int {
        let response = try await app.sendRequest(
            .POST, path(round, code) + "/documents?filename=bao-cao-ky.pdf", headers: auth,
            body: ByteBuffer(data: try Data(contentsOf: Self.scan)))
        #expect(response.status == .created || response.status == .ok, "\(response.body.string)")
        return try response.json(AssessmentDocumentDTO.self).id
    }

    func submitWithScan(_ round: Int, _ code: String, as auth: HTTPHeaders) async throws -> TestingHTTPResponse {
        let document = try await uploadScan(round, code, as: auth)
        return try await app.send(
            .POST, path(round, code) + "/submit", headers: auth,
            json: SubmitSelfAssessmentRequest(signedDocumentID: document))
    }

    /// hd.tuphap appraises area 1, hd.vanhoa area 2.
    func setCouncil(_ round: Int) async throws {
        let members = try await User.query(on: app.db).filter(\.$username ~~ ["hd.tuphap", "hd.vanhoa"]).all()
        let byName = Dictionary(uniqueKeysWithValues: members.map { ($0.username, $0.id ?? 0) })
        let response = try await app.send(
            .PUT, "/api/v1/assessment-rounds/\(round)/council", headers: reviewer,
            json: CouncilRequest(
                members: [
                    .init(userID: byName["hd.tuphap"]!, office: "Phòng Tư pháp", secretary: true),
                    .init(userID: byName["hd.vanhoa"]!, office: "Phòng Văn hóa và Thông tin"),
                ],
                assignments: ["1": byName["hd.tuphap"]!, "2": byName["hd.vanhoa"]!]))
        #expect(response.status == .ok, "\(response.body.string)")
    }

    func appraise(
        _ round: Int, _ code: String, _ criterion: String, _ decision: AppraiseRequest, as auth: HTTPHeaders
    ) async throws -> TestingHTTPResponse {
        try await app.send(.PUT, path(round, code) + "/appraisals/\(criterion)", headers: auth, json: decision)
    }

    func acceptRemaining(_ round: Int, _ code: String, as auth: HTTPHeaders) async throws -> TestingHTTPResponse {
        try await app.sendRequest(.POST, path(round, code) + "/appraisals/accept-remaining", headers: auth)
    }
}
