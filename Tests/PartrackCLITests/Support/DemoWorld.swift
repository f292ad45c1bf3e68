import Foundation
import NIOCore
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

/// The demo data seen by the permission matrix: one signed-in person per role and the objects of
/// xã Ba Giang the examples act on — a task of Tư pháp – Hộ tịch, its position, the nine-month
/// period, the plan, its catalog. Objects a request uses up (a token to revoke, an explanation to
/// close, an import to confirm) are made fresh for each role by the admin.
struct DemoWorld {
    static let users = [
        "officer": "bagiang.tpht", "leader": "bagiang.chutich", "reviewer": "noivu.bato", "admin": "admin",
        "council": RoundBuilder.member,
    ]

    let app: Application
    let headers: [String: HTTPHeaders]
    let unitID: Int
    let districtID: Int
    let planID: Int
    let catalogID: Int
    let leafCode: String
    let taskID: Int
    let positionID: Int
    let periodID: Int

    static func make(_ app: Application) async throws -> DemoWorld {
        var headers: [String: HTTPHeaders] = ["anonymous": [:]]
        for (role, username) in users { headers[role] = try await app.signIn(username) }
        let admin = try #require(headers["admin"])
        func get<T: Decodable>(_ path: String, _ type: T.Type) async throws -> T {
            try await app.sendRequest(.GET, "/api/v1" + path, headers: admin).json(T.self)
        }
        let unit = try await get("/units/ba-giang", UnitDTO.self)
        let district = try await get("/units/ba-to", UnitDTO.self)
        let plan = try #require(try await get("/plans?unit=\(unit.id)", PageDTO<PlanDTO>.self).items.first)
        let catalog = try await get("/catalogs/\(plan.catalogID)", CatalogDTO.self)
        func leaves(_ nodes: [CatalogNodeDTO]) -> [CatalogNodeDTO] {
            nodes.flatMap { $0.children.isEmpty ? [$0] : leaves($0.children) }
        }
        let leaf = try #require(leaves(catalog.areas).first { $0.measure == "tasks" })
        let positions = try await get("/units/\(unit.id)/positions", [PositionDTO].self)
        let position = try #require(positions.first { $0.title == "Tư pháp – Hộ tịch" })
        let tasks = try await get("/tasks?position=\(position.id)&per=100", PageDTO<TaskDTO>.self).items
        let task = try #require(
            tasks.first { $0.leadPositionIDs == [position.id] && ["not_started", "in_progress"].contains($0.state) })
        let period = try #require(try await get("/periods?unit=\(unit.id)&kind=9M", [PeriodStatusDTO].self).first)
        return DemoWorld(
            app: app, headers: headers, unitID: unit.id, districtID: district.id, planID: plan.id,
            catalogID: plan.catalogID, leafCode: leaf.code, taskID: task.id, positionID: position.id,
            periodID: period.id)
    }

    var admin: HTTPHeaders { headers["admin"] ?? [:] }

    /// A request as the admin, which must succeed: arranging, not testing.
    @discardableResult
    func arrange(
        _ method: HTTPMethod, _ path: String, as role: String = "admin", json: (any Encodable)? = nil,
        bytes: Data? = nil
    ) async throws -> TestingHTTPResponse {
        var request = ExampleRequest(path: path)
        if let json { request.body = .json(json) }
        if let bytes { request.body = .bytes(bytes) }
        let response = try await send(method, request, as: role)
        #expect((200..<300).contains(response.status.code), "arranging \(method) \(path): \(response.status)")
        return response
    }

    func send(_ method: HTTPMethod, _ request: ExampleRequest, as role: String) async throws -> TestingHTTPResponse {
        var headers = self.headers[role] ?? [:]
        var body: ByteBuffer?
        switch request.body {
        case .none: break
        case .json(let value):
            headers.replaceOrAdd(name: .contentType, value: "application/json")
            body = ByteBuffer(data: try JSONEncoder().encode(value))
        case .bytes(let data):
            headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
            body = ByteBuffer(data: data)
        }
        return try await app.sendRequest(method, "/api/v1" + request.path, headers: headers, body: body)
    }

    // MARK: Objects made for one request

    func currentVersion() async throws -> Int {
        try await app.sendRequest(.GET, "/api/v1/tasks/\(taskID)", headers: admin).json(TaskDTO.self).version
    }

    /// A PDF whose bytes differ per call, so each upload is a new file rather than a duplicate.
    func uniquePDF(_ tag: String) throws -> Data {
        var data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/evidence/report.pdf"))
        data.append(Data("\n% \(tag) \(UUID().uuidString)\n".utf8))
        return data
    }

    func evidenceID() async throws -> Int {
        try await arrange(
            .POST, "/tasks/\(taskID)/evidence?filename=bien-ban.pdf", bytes: try uniquePDF("arranged")
        ).json(EvidenceDTO.self).id
    }

    /// An open explanation request of the leader to the officer.
    func explanationID() async throws -> Int {
        try await arrange(
            .POST, "/tasks/\(taskID)/explanation-requests", as: "leader",
            json: ExplanationAskRequest(question: "Vì sao nhiệm vụ chậm tiến độ?")
        ).json(ExplanationRequestDTO.self).id
    }

    func importID() async throws -> Int {
        let plan = try Data(contentsOf: repositoryRoot.appendingPathComponent("seeds/plans/001_341dbe7e484b0306.txt"))
        return try await arrange(
            .POST, "/imports?unit=\(unitID)&filename=ke-hoach.txt&plan=\(planID)", as: "leader", bytes: plan
        ).json(ImportPreviewDTO.self).id
    }

    /// Another token of the officer's.
    func spareTokenID() async throws -> Int {
        try await arrange(
            .POST, "/tokens", as: "anonymous",
            json: TokenCreateRequest(username: "bagiang.tpht", password: demoPassword, name: "spare")
        ).json(TokenIssuedDTO.self).id
    }

    /// Arranges assessment rounds for one request, with the people already signed in.
    func rounds() async throws -> RoundBuilder {
        var signedIn: [String: HTTPHeaders] = [:]
        for (role, username) in Self.users { signedIn[username] = headers[role] }
        return try await RoundBuilder.make(app, signedIn: signedIn)
    }

    func period() async throws -> PeriodStatusDTO {
        try await app.sendRequest(.GET, "/api/v1/periods/\(periodID)", headers: admin).json(PeriodStatusDTO.self)
    }

    func setLocked(_ locked: Bool) async throws {
        guard (try await period().lockedAt != nil) != locked else { return }
        try await arrange(
            .POST, "/periods/\(periodID)/\(locked ? "lock" : "reopen")",
            json: PeriodChangeRequest(reason: "Chuẩn bị kiểm thử"))
    }
}

/// One request of an example: the path with its parameters and query, and its body.
struct ExampleRequest {
    enum Body {
        case none
        case json(any Encodable)
        case bytes(Data)
    }

    var path: String
    var body: Body = .none
}
