import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import VaporTesting

@testable import PartrackServer

/// Issue 4: a leader asks the holder of an overdue task to explain; the officer answers; the
/// request stays listed for the leader until closed.
@Suite struct ExplanationTests {
    @Test(arguments: TestDatabase.available)
    func aLeaderAsksTheHolderAnswersAndTheLeaderCloses(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let leader = try await app.signIn("bagiang.chutich")
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang", state: .inProgress)
            let id = try task.requireID()

            let byOfficer = try await app.send(
                .POST, "/api/v1/tasks/\(id)/explanation-requests", headers: officer,
                json: ExplanationAskRequest(question: "?"))
            #expect(byOfficer.status == .forbidden)

            let asked = try await app.send(
                .POST, "/api/v1/tasks/\(id)/explanation-requests", headers: leader,
                json: ExplanationAskRequest(question: "Vì sao nhiệm vụ quá hạn?"))
            #expect(asked.status == .created)
            let request = try asked.json(ExplanationRequestDTO.self)
            #expect(request.addresseeName == "Nguyễn Văn Bình")

            let openForLeader = try await app.sendRequest(.GET, "/api/v1/explanation-requests?open=1", headers: leader)
                .json([ExplanationRequestDTO].self)
            #expect(openForLeader.map(\.id) == [request.id])
            let openForOfficer = try await app.sendRequest(
                .GET, "/api/v1/explanation-requests?open=1", headers: officer
            )
            .json([ExplanationRequestDTO].self)
            #expect(openForOfficer.map(\.id) == [request.id])
            let notForColleague = try await app.sendRequest(
                .GET, "/api/v1/explanation-requests", headers: try await app.signIn("bagiang.vhxh")
            ).json([ExplanationRequestDTO].self)
            #expect(notForColleague.isEmpty)

            let wrongPerson = try await app.send(
                .POST, "/api/v1/explanation-requests/\(request.id)/answer",
                headers: try await app.signIn("bagiang.vhxh"),
                json: ExplanationAnswerRequest(answer: "Không phải việc của tôi"))
            #expect(wrongPerson.status == .forbidden)
            let empty = try await app.send(
                .POST, "/api/v1/explanation-requests/\(request.id)/answer", headers: officer,
                json: ExplanationAnswerRequest(answer: "   "))
            #expect(empty.status == .badRequest)
            let answered = try await app.send(
                .POST, "/api/v1/explanation-requests/\(request.id)/answer", headers: officer,
                json: ExplanationAnswerRequest(answer: "Chờ văn bản hướng dẫn của huyện"))
            #expect(answered.status == .ok)
            #expect(try answered.json(ExplanationRequestDTO.self).answer == "Chờ văn bản hướng dẫn của huyện")

            let officerCloses = try await app.sendRequest(
                .POST, "/api/v1/explanation-requests/\(request.id)/close", headers: officer)
            #expect(officerCloses.status == .forbidden)
            let closed = try await app.sendRequest(
                .POST, "/api/v1/explanation-requests/\(request.id)/close", headers: leader)
            #expect(closed.status == .ok)
            #expect(try closed.json(ExplanationRequestDTO.self).closedAt != nil)
            let stillOpen = try await app.sendRequest(.GET, "/api/v1/explanation-requests?open=1", headers: leader)
                .json([ExplanationRequestDTO].self)
            #expect(stillOpen.isEmpty)
            let all = try await app.sendRequest(.GET, "/api/v1/explanation-requests?task=\(id)", headers: leader)
                .json([ExplanationRequestDTO].self)
            #expect(all.count == 1)
            let asks = try await app.auditEvents("explanation.request")
            #expect(asks.map(\.outcome) == ["refused", "done"])
            #expect(try await app.auditEvents("explanation.answer").filter { $0.outcome == "done" }.count == 1)
        }
    }
}
