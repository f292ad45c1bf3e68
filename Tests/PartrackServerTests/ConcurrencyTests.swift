import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import Vapor

@testable import PartrackServer

/// Issue 4: twenty clients updating one task at once over real HTTP: one winner per version, and
/// every win in the history exactly once.
@Suite struct ConcurrencyTests {
    @Test(arguments: TestDatabase.available)
    func twentyClientsOneTaskOneWinnerPerVersionAndACompleteHistory(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            // Generous timeouts: the suite runs many servers at once on a small machine.
            app.http.client.configuration.timeout = .init(connect: .seconds(120), read: .seconds(120))
            let port = try await app.startLive()
            let auth = try await app.signIn("bagiang.chutich")
            let task = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang", state: .inProgress)
            let taskID = try task.requireID()
            let url = URI(string: "http://127.0.0.1:\(port)/api/v1/tasks/\(taskID)")
            let startVersion = task.version

            // Round one: all twenty based on the same version. Exactly one may win.
            let firstRound = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for client in 1...20 {
                    group.addTask {
                        try await app.client.patch(url, headers: auth) { request in
                            try request.content.encode(
                                TaskUpdateRequest(baseVersion: startVersion, note: "khách \(client) vòng 1"))
                        }.status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(firstRound.filter { $0 == .ok }.count == 1)
            #expect(firstRound.filter { $0 == .conflict }.count == 19)

            // Round two: each client retries on 409 with the version it is told, until it wins.
            let wins = try await withThrowingTaskGroup(of: Int.self) { group in
                for client in 1...20 {
                    group.addTask {
                        var version = startVersion + 1
                        while true {
                            let response = try await app.client.patch(url, headers: auth) { request in
                                try request.content.encode(
                                    TaskUpdateRequest(baseVersion: version, note: "khách \(client) vòng 2"))
                            }
                            if response.status == .ok { return try response.content.decode(TaskDTO.self).version }
                            #expect(response.status == .conflict)
                            version = try response.content.decode(TaskConflictDTO.self).current.version
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(Set(wins).count == 20)
            let history = try await TaskUpdate.query(on: app.db).filter(\.$task.$id == taskID).sort(\.$version).all()
            #expect(history.count == 21)
            #expect(history.map(\.version) == Array((startVersion + 1)...(startVersion + 21)))
            #expect(try await PlanTask.find(taskID, on: app.db)?.version == startVersion + 21)
            let audit = try await app.auditEvents("task.update").filter { $0.outcome == "done" }
            #expect(audit.count == 21)
        }
    }
}
