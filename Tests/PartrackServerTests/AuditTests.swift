import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

@testable import PartrackServer

/// Issue 4: every change writes an audit event with the change; reviewers and admins read and
/// export the log; nothing in the application edits or deletes it.
@Suite struct AuditTests {
    @Test(arguments: TestDatabase.available)
    func reviewersReadTheirUnitsLogAndExportItOfficersCannot(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang", state: .inProgress)
            _ = try await app.patchTask(
                task.requireID(), TaskUpdateRequest(baseVersion: task.version, progress: 70, note: "Đang rà soát"),
                as: officer)
            let baGiang = try await app.unit("ba-giang").requireID()

            let refused = try await app.sendRequest(.GET, "/api/v1/audit?unit=\(baGiang)", headers: officer)
            #expect(refused.status == .forbidden)
            let reviewer = try await app.signIn("noivu.bato")
            let log = try await app.sendRequest(.GET, "/api/v1/audit?unit=\(baGiang)", headers: reviewer)
                .json(PageDTO<AuditEventDTO>.self)
            let update = try #require(log.items.first { $0.action == "task.update" })
            #expect(update.actorName == "bagiang.tpht")
            #expect(update.before.contains("\"progress\":50"))
            #expect(update.after.contains("\"progress\":70"))
            #expect(update.reason == "Đang rà soát")
            let otherUnit = try await app.unit("ba-dinh").requireID()
            let elsewhere = try await app.sendRequest(.GET, "/api/v1/audit?unit=\(otherUnit)", headers: reviewer)
                .json(PageDTO<AuditEventDTO>.self)
            #expect(elsewhere.items.allSatisfy { $0.unitID == otherUnit })

            let csv = try await app.sendRequest(.GET, "/api/v1/audit.csv?unit=\(baGiang)", headers: reviewer)
            #expect(csv.status == .ok)
            #expect(Array(Data(buffer: csv.body)).starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(csv.body.string.contains("task.update"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func noRouteChangesOrDeletesTheLog(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let auditRoutes = app.routes.all.filter { route in
                route.path.contains { "\($0)".hasPrefix("audit") }
            }
            #expect(!auditRoutes.isEmpty)
            #expect(auditRoutes.allSatisfy { $0.method == .GET })
        }
    }

    @Test(arguments: TestDatabase.available)
    func aChangeThatFailsLeavesNoAuditEventBehind(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang", state: .inProgress)
            let before = try await app.auditEvents("task.update").count
            // Rejected by the task rules (done without evidence or explanation): nothing is written.
            let response = try await app.patchTask(
                task.requireID(), TaskUpdateRequest(baseVersion: task.version, state: "done"), as: officer)
            #expect(response.status == .unprocessableEntity)
            #expect(try await app.auditEvents("task.update").count == before)
            #expect(try await TaskUpdate.query(on: app.db).filter(\.$task.$id == task.requireID()).count() == 0)
        }
    }
}
