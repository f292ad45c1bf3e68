import Foundation
import PartrackAPI
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

/// Every error of /api/v1 is one JSON shape — `code`, `message` in the request's language,
/// `details` — with the HTTP status meaning what HTTP says.
@Suite struct ErrorShapeTests {
    func error(_ response: TestingHTTPResponse, _ status: HTTPResponseStatus) throws -> ErrorDTO {
        #expect(response.status == status, "\(response.body.string.prefix(200))")
        #expect(response.headers.first(name: .contentType)?.hasPrefix("application/json") == true)
        let error = try response.json(ErrorDTO.self)
        #expect(!error.code.isEmpty)
        #expect(!error.message.isEmpty)
        return error
    }

    @Test(arguments: TestDatabase.available)
    func statusesMeanWhatHTTPSaysInTheReadersLanguage(database: TestDatabase) async throws {
        try await withGatedTestApp(database, TestAppOptions(demo: true, maxUploadBytes: 64 * 1024)) { app in
            let world = try await DemoWorld.make(app)
            let officer = try #require(world.headers["officer"])

            // 400: a malformed query, named.
            let badQuery = try error(
                try await app.sendRequest(.GET, "/api/v1/tasks?state=finished", headers: officer), .badRequest)
            #expect(badQuery.code == "bad_query")
            #expect(badQuery.details["parameter"] == "state")
            let english = try error(
                try await app.sendRequest(
                    .GET, "/api/v1/tasks?state=finished", headers: officer.adding("Accept-Language", "en")),
                .badRequest)
            #expect(english.message != badQuery.message)

            // 401: no token, and a token that is not one.
            #expect(try error(try await app.sendRequest(.GET, "/api/v1/me"), .unauthorized).code == "auth.required")
            let unknown = try error(
                try await app.sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer ptk_nope"]),
                .unauthorized)
            #expect(unknown.code == "auth.token_unknown")

            // 403: the reason in words.
            let positions = try await app.sendRequest(.GET, "/api/v1/units/ba-giang/positions", headers: world.admin)
                .json([PositionDTO].self)
            let office = try #require(positions.first { $0.title == "Văn phòng – Thống kê" })
            let officeTasks = try await app.sendRequest(
                .GET, "/api/v1/tasks?position=\(office.id)", headers: world.admin
            ).json(PageDTO<TaskDTO>.self).items
            let theirs = try #require(officeTasks.first { $0.state != "done" && $0.leadPositionIDs == [office.id] })
            let forbidden = try error(
                try await app.send(
                    .PATCH, "/api/v1/tasks/\(theirs.id)", headers: officer,
                    json: TaskUpdateRequest(baseVersion: theirs.version, progress: 10)), .forbidden)
            #expect(forbidden.message.contains("Văn phòng – Thống kê"))

            // 404: an unknown thing, and an unknown route, in the same shape.
            #expect(
                try error(try await app.sendRequest(.GET, "/api/v1/tasks/999999", headers: officer), .notFound).code
                    == "not_found")
            _ = try error(try await app.sendRequest(.GET, "/api/v1/no-such-thing", headers: officer), .notFound)

            // 409: a stale version, with the task as it now is.
            let version = try await world.currentVersion()
            let stale = try await app.send(
                .PATCH, "/api/v1/tasks/\(world.taskID)", headers: officer,
                json: TaskUpdateRequest(baseVersion: version - 1, note: "Cũ"))
            #expect(stale.status == .conflict)
            let conflict = try stale.json(TaskConflictDTO.self)
            #expect(conflict.code == "task.stale_version")
            #expect(conflict.current.version == version)

            // 413: an upload over the limit.
            let big = try error(
                try await app.sendRequest(
                    .POST, "/api/v1/tasks/\(world.taskID)/evidence?filename=lon.pdf", headers: officer,
                    body: ByteBuffer(data: Data(repeating: 0x25, count: 100 * 1024))), .payloadTooLarge)
            #expect(big.code == "upload.too_large")

            // 415: a body of a type the operation does not read.
            var xml = HTTPHeaders()
            xml.add(name: .contentType, value: "application/xml")
            #expect(
                try error(
                    try await app.sendRequest(.POST, "/api/v1/tokens", headers: xml, body: ByteBuffer(string: "<a/>")),
                    .unsupportedMediaType
                ).code == "http_415")

            // 422: well formed, refused by a rule of the domain (done needs evidence or an explanation).
            let rule = try error(
                try await app.send(
                    .PATCH, "/api/v1/tasks/\(world.taskID)", headers: officer,
                    json: TaskUpdateRequest(baseVersion: try await world.currentVersion(), state: "done")),
                .unprocessableEntity)
            #expect(rule.details.isEmpty || !rule.code.isEmpty)

            // 429: too many wrong passwords, with when to try again.
            var throttled: TestingHTTPResponse?
            for _ in 0..<6 {
                throttled = try await app.send(
                    .POST, "/api/v1/tokens", headers: [:],
                    json: TokenCreateRequest(username: "bagiang.vhxh", password: "sai", name: "x"))
            }
            let tooMany = try error(try #require(throttled), .tooManyRequests)
            #expect(tooMany.code == "auth.too_many_attempts")
            let retry = try #require(throttled?.headers.first(name: .retryAfter))
            #expect(Int(retry) ?? 0 > 0)
            #expect(tooMany.details["retry_after_seconds"] == retry)
        }
    }

    /// The statuses where HTTP's meaning is easy to get wrong: an evidence file of a kind not kept
    /// is 415, a body of another type gets a translated 415, a change to a locked period is 409.
    @Test(arguments: TestDatabase.available)
    func unsupportedKindsTranslatedTypesAndLockedPeriodsUseTheirHTTPStatus(database: TestDatabase) async throws {
        try await withGatedTestApp(database, TestAppOptions(demo: true)) { app in
            let world = try await DemoWorld.make(app)
            let officer = try #require(world.headers["officer"])

            let notes = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/evidence/notes.txt"))
            let unknownKind = try await app.sendRequest(
                .POST, "/api/v1/tasks/\(world.taskID)/evidence?filename=notes.txt", headers: officer,
                body: ByteBuffer(data: notes))
            #expect(unknownKind.status == .unsupportedMediaType)

            var xml = HTTPHeaders()
            xml.add(name: .contentType, value: "application/xml")
            let vietnamese = try await app.sendRequest(
                .POST, "/api/v1/tokens", headers: xml, body: ByteBuffer(string: "<a/>")
            ).json(ErrorDTO.self)
            xml.add(name: .acceptLanguage, value: "en")
            let english = try await app.sendRequest(
                .POST, "/api/v1/tokens", headers: xml, body: ByteBuffer(string: "<a/>")
            ).json(ErrorDTO.self)
            #expect(vietnamese.message != english.message)

            try await world.setLocked(true)
            let locked = try await world.send(
                .PUT,
                ExampleRequest(
                    path: "/periods/\(world.periodID)/positions/\(world.positionID)/report",
                    body: .json(ReportNarrativeRequest(narrative: "Muộn"))), as: "officer")
            #expect(locked.status == .conflict)
        }
    }
}
