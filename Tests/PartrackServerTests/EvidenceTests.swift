import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

@testable import PartrackServer

/// Issue 4: evidence files — stored by content, checked, refused cleanly, never half-written.
@Suite struct EvidenceTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/evidence")

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
    }

    func upload(
        _ app: Application, taskID: Int, filename: String, data: Data, as auth: HTTPHeaders
    ) async throws -> TestingHTTPResponse {
        let name = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? filename
        return try await app.sendRequest(
            .POST, "/api/v1/tasks/\(taskID)/evidence?filename=\(name)", headers: auth, body: ByteBuffer(data: data))
    }

    /// Every stored evidence file and every upload still in the staging folder.
    func filesOnDisk(_ app: Application) -> (stored: [String], staging: [String]) {
        let store = EvidenceStore(dataDirectory: app.partrack.config.dataDirectory)
        let all = (FileManager.default.enumerator(atPath: store.root.path)?.allObjects as? [String]) ?? []
        let staging = all.filter { $0.hasPrefix("incoming/") }
        let stored = all.filter { !$0.hasPrefix("incoming") && $0.split(separator: "/").count == 3 }
        return (stored, staging)
    }

    @Test(arguments: TestDatabase.available)
    func aPDFIsStoredByContentOnceHoweverOftenItIsAttached(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let first = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang", index: 0)
            let second = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang", index: 1)
            let pdf = try fixture("report.pdf")

            let created = try await upload(
                app, taskID: first.requireID(), filename: "Kế hoạch số 12.pdf", data: pdf, as: officer)
            #expect(created.status == .created)
            let evidence = try created.json(EvidenceDTO.self)
            #expect(evidence.kind == "pdf")
            #expect(evidence.size == pdf.count)
            #expect(evidence.filename == "Kế hoạch số 12.pdf")

            let again = try await upload(
                app, taskID: first.requireID(), filename: "ban-sao.pdf", data: pdf, as: officer)
            #expect(again.status == .ok)
            #expect(try again.json(EvidenceDTO.self).id == evidence.id)
            let elsewhere = try await upload(
                app, taskID: second.requireID(), filename: "kh.pdf", data: pdf, as: officer)
            #expect(elsewhere.status == .created)

            #expect(try await Evidence.query(on: app.db).count() == 2)
            #expect(filesOnDisk(app).stored.count == 1)
            #expect(filesOnDisk(app).staging.isEmpty)

            let download = try await app.sendRequest(.GET, "/api/v1/evidence/\(evidence.id)", headers: officer)
            #expect(download.status == .ok)
            #expect(Data(buffer: download.body) == pdf)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFileWhoseContentDoesNotMatchItsNameIsRefusedAndNothingIsKept(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang")
            let png = try fixture("photo.png")
            let response = try await upload(
                app, taskID: task.requireID(), filename: "bao-cao.pdf", data: png, as: officer)
            #expect(response.status == .unsupportedMediaType)
            let error = try response.json(ErrorDTO.self)
            #expect(error.message.contains("PNG"))
            let text = try await upload(
                app, taskID: task.requireID(), filename: "ghi-chu.pdf", data: Data("chỉ là chữ".utf8), as: officer)
            #expect(text.status == .unsupportedMediaType)
            #expect(try await Evidence.query(on: app.db).count() == 0)
            #expect(filesOnDisk(app).stored.isEmpty && filesOnDisk(app).staging.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anOversizeFileIsRefusedWithTheLimitAndNothingIsKept(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true, maxUploadBytes: 64 * 1024)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang")
            var big = try fixture("report.pdf")
            big.append(Data(repeating: 0x20, count: 100 * 1024))
            let response = try await upload(app, taskID: task.requireID(), filename: "lon.pdf", data: big, as: officer)
            #expect(response.status == .payloadTooLarge)
            #expect(try response.json(ErrorDTO.self).code == "upload.too_large")
            #expect(try await Evidence.query(on: app.db).count() == 0)
            #expect(filesOnDisk(app).stored.isEmpty && filesOnDisk(app).staging.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anUploadCutOffMidwayLeavesNeitherARowNorAFile(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang")
            let port = try await app.startLive()
            let pdf = try fixture("report.pdf")
            let declared = pdf.count + 2_000_000
            let head = """
                POST /api/v1/tasks/\(try task.requireID())/evidence?filename=dang-do.pdf HTTP/1.1\r
                Host: 127.0.0.1:\(port)\r
                Authorization: \(officer.first(name: .authorization) ?? "")\r
                Content-Type: application/pdf\r
                Content-Length: \(declared)\r
                \r

                """
            // Half a megabyte of a two-megabyte body, then the connection drops.
            var partial = pdf
            partial.append(Data(repeating: 0x20, count: 500_000))
            try RawHTTP.sendAndHangUp(port: port, head: head, body: partial)
            // The server notices the hang-up asynchronously; give it a moment, then look.
            for _ in 0..<50 where !filesOnDisk(app).staging.isEmpty {
                try await Task.sleep(for: .milliseconds(100))
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await Evidence.query(on: app.db).count() == 0)
            #expect(filesOnDisk(app).stored.isEmpty)
            #expect(filesOnDisk(app).staging.isEmpty)
            // And the server is still well.
            let health = try await app.client.get("http://127.0.0.1:\(port)/api/v1/health")
            #expect(health.status == .ok)
        }
    }

    @Test(arguments: TestDatabase.available)
    func downloadingEvidenceOfAnotherUnitsTaskIsForbidden(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang")
            let created = try await upload(
                app, taskID: task.requireID(), filename: "kh.pdf", data: try fixture("report.pdf"), as: officer)
            let evidence = try created.json(EvidenceDTO.self)
            let stranger = try await app.sendRequest(
                .GET, "/api/v1/evidence/\(evidence.id)", headers: try await app.signIn("badinh.tpht"))
            #expect(stranger.status == .forbidden)
            let reviewer = try await app.sendRequest(
                .GET, "/api/v1/evidence/\(evidence.id)", headers: try await app.signIn("noivu.bato"))
            #expect(reviewer.status == .ok)
            let colleague = try await app.sendRequest(
                .GET, "/api/v1/evidence/\(evidence.id)", headers: try await app.signIn("bagiang.vhxh"))
            #expect(colleague.status == .ok)
            let uploadElsewhere = try await upload(
                app, taskID: task.requireID(), filename: "x.pdf", data: try fixture("report.pdf"),
                as: try await app.signIn("badinh.tpht"))
            #expect(uploadElsewhere.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.available)
    func evidenceLetsATaskBeMarkedDoneWithoutAnExplanation(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang", state: .inProgress)
            _ = try await upload(
                app, taskID: task.requireID(), filename: "kh.docx", data: try fixture("minutes.docx"), as: officer)
            let current = try await PlanTask.find(task.requireID(), on: app.db)!
            let done = try await app.patchTask(
                task.requireID(), TaskUpdateRequest(baseVersion: current.version, state: "done"), as: officer)
            #expect(done.status == .ok)
            let history = try await app.sendRequest(.GET, "/api/v1/tasks/\(task.requireID())/history", headers: officer)
                .json([TaskHistoryDTO].self)
            #expect(history.map(\.kind) == ["evidence", "completed"])
        }
    }
}
