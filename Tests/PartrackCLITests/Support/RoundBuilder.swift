import Foundation
import NIOCore
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

@testable import PartrackCLI

/// Arranges assessment rounds on the demo data through the API, each step done by the person
/// whose step it is: the district reviewer opens the round, seats the council, enters survey
/// points and publishes; the commune's chairperson scores and submits; a council member appraises.
/// Every step must succeed: this arranges, it does not test.
struct RoundBuilder {
    let app: Application
    /// Signed-in headers by username, made once.
    let headers: [String: HTTPHeaders]
    let catalog: CatalogDefinition
    let catalogID: Int
    let units: [String: Int]

    static let reviewer = "noivu.bato"
    /// The demo has no district office staff besides the reviewer, so the council member is a civil
    /// servant of xã Ba Dinh, which the rounds here never include (nobody appraises their own unit).
    static let member = "badinh.tpht"
    static let leaders = ["ba-giang": "bagiang.chutich", "ba-thanh": "bathanh.chutich"]

    static func make(_ app: Application, signedIn: [String: HTTPHeaders] = [:]) async throws -> RoundBuilder {
        var headers = signedIn
        for username in [reviewer, member, "admin"] + leaders.values where headers[username] == nil {
            headers[username] = try await app.signIn(username)
        }
        let admin = try #require(headers["admin"])
        func get<T: Decodable>(_ path: String, _ type: T.Type) async throws -> T {
            try await app.sendRequest(.GET, "/api/v1" + path, headers: admin).json(T.self)
        }
        var units: [String: Int] = [:]
        for code in ["ba-giang", "ba-thanh", "ba-dinh"] {
            units[code] = try await get("/units/\(code)", UnitDTO.self).id
        }
        let plan = try #require(try await get("/plans?unit=\(units["ba-giang"]!)", PageDTO<PlanDTO>.self).items.first)
        let catalog = try await get("/catalogs/\(plan.catalogID)", CatalogDTO.self)
        return RoundBuilder(
            app: app, headers: headers, catalog: catalog.definition, catalogID: plan.catalogID,
            units: units)
    }

    func maximum(_ code: String) -> Points { catalog.allNodes.first { $0.code == code }?.maxPoints ?? .zero }

    func unitID(_ code: String) throws -> Int { try #require(units[code], "unit \(code)") }

    /// A request that must succeed; its answer.
    @discardableResult
    func call(
        _ method: HTTPMethod, _ path: String, as username: String, json: (any Encodable)? = nil, bytes: Data? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = try #require(self.headers[username], "headers of \(username)")
        var body: ByteBuffer?
        if let json {
            headers.replaceOrAdd(name: .contentType, value: "application/json")
            body = ByteBuffer(data: try JSONEncoder().encode(json))
        } else if let bytes {
            headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
            body = ByteBuffer(data: bytes)
        }
        let response = try await app.sendRequest(method, "/api/v1" + path, headers: headers, body: body)
        #expect(
            (200..<300).contains(response.status.code),
            "arranging \(method) \(path) as \(username): \(response.status) \(response.body.string.prefix(300))")
        return response
    }

    // MARK: Steps

    /// Opens a 2023 round for the units; by default its official window runs through September
    /// (the demo's clock stands at 10/09/2023), `closesOn` in the past makes it closed at once.
    func open(
        _ unitCodes: [String], title: String = "Đánh giá Chỉ số CCHC năm 2023", officialFrom: String = "01/09/2023",
        closesOn: String = "30/09/2023", as username: String = reviewer
    ) async throws -> AssessmentRoundDTO {
        try await call(
            .POST, "/assessment-rounds", as: username,
            json: OpenRoundRequest(
                title: title, catalogID: catalogID, year: 2023, unitIDs: try unitCodes.map(unitID),
                officialFrom: officialFrom, closesOn: closesOn)
        ).json(AssessmentRoundDTO.self)
    }

    /// One council member (`member`) appraising every area.
    func seatCouncil(_ roundID: Int, secretary: Bool = false) async throws {
        let memberID = try await app.sendRequest(.GET, "/api/v1/me", headers: try #require(headers[Self.member]))
            .json(MeDTO.self).id
        try await call(
            .PUT, "/assessment-rounds/\(roundID)/council", as: Self.reviewer,
            json: CouncilRequest(
                members: [.init(userID: memberID, office: "Phòng Tư pháp", secretary: secretary)],
                assignments: Dictionary(uniqueKeysWithValues: catalog.areas.map { ($0.code, memberID) })))
    }

    /// The chairperson scores every criterion the unit scores, with `score(code)` and a written
    /// explanation (so no score lacks its justification).
    func selfScore(_ roundID: Int, unit code: String, _ score: (String) -> Points) async throws {
        let leader = try #require(Self.leaders[code])
        for leaf in catalog.assessedLeafCodes {
            try await call(
                .PUT, "/assessment-rounds/\(roundID)/units/\(try unitID(code))/scores/\(leaf)", as: leader,
                json: SelfScoreRequest(
                    score: score(leaf).vietnamese, explanation: "Đã thực hiện đầy đủ theo kế hoạch của đơn vị"))
        }
    }

    /// The chairperson uploads the signed report (a PDF whose bytes differ per call); its id.
    func uploadSignedReport(_ roundID: Int, unit code: String) async throws -> Int {
        let leader = try #require(Self.leaders[code])
        var scan = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/evidence/report.pdf"))
        scan.append(Data("\n% \(code) \(roundID) \(UUID().uuidString)\n".utf8))
        return try await call(
            .POST, "/assessment-rounds/\(roundID)/units/\(try unitID(code))/documents?filename=bao-cao-ky.pdf",
            as: leader, bytes: scan
        ).json(AssessmentDocumentDTO.self).id
    }

    /// Uploads the signed report and sends the self-assessment for appraisal.
    func submit(_ roundID: Int, unit code: String) async throws {
        let document = try await uploadSignedReport(roundID, unit: code)
        try await call(
            .POST, "/assessment-rounds/\(roundID)/units/\(try unitID(code))/submit",
            as: try #require(Self.leaders[code]),
            json: SubmitSelfAssessmentRequest(signedDocumentID: document))
    }

    /// A round of the unit seated, self-scored (zero everywhere) and submitted: ready to appraise.
    func submittedRound(_ code: String = "ba-giang") async throws -> AssessmentRoundDTO {
        let round = try await open([code])
        try await seatCouncil(round.id)
        try await selfScore(round.id, unit: code) { _ in .zero }
        try await submit(round.id, unit: code)
        return round
    }

    /// The council member accepts every self score of the unit.
    func acceptAll(_ roundID: Int, unit code: String) async throws {
        try await call(
            .POST, "/assessment-rounds/\(roundID)/units/\(try unitID(code))/appraisals/accept-remaining",
            as: Self.member)
    }

    /// The council member sets another score on one criterion, with the reason.
    func appraise(_ roundID: Int, unit code: String, criterion: String, score: Points, reason: String) async throws {
        try await call(
            .PUT, "/assessment-rounds/\(roundID)/units/\(try unitID(code))/appraisals/\(criterion)", as: Self.member,
            json: AppraiseRequest(accept: false, score: score.vietnamese, reason: reason))
    }

    /// The reviewer enters the survey points of every survey criterion.
    func enterSurvey(_ roundID: Int, unit code: String, _ points: (String) -> Points) async throws {
        for leaf in catalog.surveyLeafCodes {
            try await call(
                .PUT, "/assessment-rounds/\(roundID)/units/\(try unitID(code))/survey/\(leaf)", as: Self.reviewer,
                json: SurveyPointsRequest(points: points(leaf).vietnamese))
        }
    }

    /// A round of the units scored, submitted, appraised (every self score accepted) and with its
    /// survey points: ready to compile and publish.
    func appraisedRound(_ unitCodes: [String], score: (String, String) -> Points = { _, _ in .zero }) async throws
        -> AssessmentRoundDTO
    {
        let round = try await open(unitCodes)
        try await seatCouncil(round.id)
        for code in unitCodes {
            try await selfScore(round.id, unit: code) { score(code, $0) }
            try await submit(round.id, unit: code)
            try await acceptAll(round.id, unit: code)
            try await enterSurvey(round.id, unit: code) { _ in .zero }
        }
        return round
    }

    func publish(_ roundID: Int) async throws {
        try await call(.POST, "/assessment-rounds/\(roundID)/publish", as: Self.reviewer)
    }
}
