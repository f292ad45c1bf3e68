import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

@testable import PartrackServer

/// Issue 3 through the API: upload → preview → confirm, re-import without duplicates, bad input.
@Suite struct ImportTests {
    static let seed001 = repositoryRoot.appendingPathComponent("seeds/plans/001_341dbe7e484b0306.txt")
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/plans")

    func upload(
        _ app: Application, _ data: Data, filename: String, unit: Int, plan: Int? = nil, as auth: HTTPHeaders
    ) async throws -> TestingHTTPResponse {
        let planParameter = plan.map { "&plan=\($0)" } ?? ""
        let name = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? filename
        return try await app.sendRequest(
            .POST, "/api/v1/imports?unit=\(unit)&filename=\(name)\(planParameter)", headers: auth,
            body: ByteBuffer(data: data))
    }

    /// A commune with the demo's positions and no plan: xã Ba Thành's plan is removed first.
    func planlessCommune(_ app: Application) async throws -> Int {
        let unit = try await app.unit("ba-thanh").requireID()
        try await Plan.query(on: app.db).filter(\.$unit.$id == unit).delete()
        return unit
    }

    @Test(arguments: TestDatabase.available)
    func seed001BecomesAPlanWithItsThirtyEightTasksAfterConfirmation(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let unit = try await planlessCommune(app)
            let leader = try await app.signIn("bathanh.chutich")
            let plansBefore = try await Plan.query(on: app.db).count()
            let response = try await upload(
                app, try Data(contentsOf: Self.seed001), filename: "kh-001.txt", unit: unit, as: leader)
            #expect(response.status == .created)
            let preview = try response.json(ImportPreviewDTO.self)
            let positionTasks = preview.tasks.filter { !$0.needsAssignment }
            #expect(positionTasks.count == 38)
            #expect(positionTasks.filter { $0.leadPositions.contains("Văn phòng – Thống kê") }.count == 26)
            #expect(positionTasks.filter { $0.leadPositions.contains("Văn hóa – Xã hội") }.count == 12)
            #expect(preview.periods.map(\.due) == ["2023-03-15", "2023-06-15", "2023-09-15", "2023-11-01"])
            #expect(preview.periodsFromDocument)
            #expect(preview.targetRank == "4/19")
            #expect(preview.tasks.contains { $0.needsAssignment })
            #expect(!preview.summary.isEmpty)
            // A preview writes no plan.
            #expect(try await Plan.query(on: app.db).count() == plansBefore)

            let confirmed = try await app.sendRequest(.POST, "/api/v1/imports/\(preview.id)/confirm", headers: leader)
            #expect(confirmed.status == .ok)
            let result = try confirmed.json(ImportResultDTO.self)
            #expect(result.created == preview.tasks.count)
            let tasks = try await PlanTask.query(on: app.db).filter(\.$plan.$id == result.planID).all()
            #expect(tasks.count == preview.tasks.count)
            #expect(tasks.filter { !$0.needsAssignment }.count == 38)
            let linked = try await TaskCriterion.query(on: app.db).filter(\.$task.$id ~~ tasks.compactMap(\.id)).count()
            #expect(linked >= 30)
            let again = try await app.sendRequest(.POST, "/api/v1/imports/\(preview.id)/confirm", headers: leader)
            #expect(again.status == .conflict)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theWordMarkdownAndTableVersionsGiveTheSameTasks(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let unit = try await planlessCommune(app)
            let leader = try await app.signIn("bathanh.chutich")
            var titleSets: [String: Set<String>] = [:]
            for name in [
                "001-ba-giang.md", "001-ba-giang.docx", "001-ba-giang-appendix.csv", "001-ba-giang-appendix.xlsx",
            ] {
                let response = try await upload(
                    app, try Data(contentsOf: Self.fixtures.appendingPathComponent(name)), filename: name, unit: unit,
                    as: leader)
                #expect(response.status == .created, "\(name)")
                let preview = try response.json(ImportPreviewDTO.self)
                titleSets[name] = Set(preview.tasks.filter { !$0.leadPositions.isEmpty }.map(\.title))
            }
            let text = try await upload(
                app, try Data(contentsOf: Self.seed001), filename: "kh.txt", unit: unit, as: leader)
            let reference = Set(try text.json(ImportPreviewDTO.self).tasks.filter { !$0.needsAssignment }.map(\.title))
            #expect(reference.count == 38)
            for (name, titles) in titleSets {
                #expect(reference.isSubset(of: titles), "\(name)")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func reimportingRecognisesTheDemoTasksKeepsProgressAndCancelsWhatWasRemoved(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let unit = try await app.unit("ba-giang").requireID()
            let plan = try #require(try await Plan.query(on: app.db).filter(\.$unit.$id == unit).first())
            let leader = try await app.signIn("bagiang.chutich")
            let progressed = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang", state: .inProgress)

            // The same document: all 38 recognised, nothing duplicated.
            let same = try await upload(
                app, try Data(contentsOf: Self.seed001), filename: "kh.txt", unit: unit, plan: plan.requireID(),
                as: leader)
            let samePreview = try same.json(ImportPreviewDTO.self)
            let changes = try #require(samePreview.changes)
            #expect(changes.unchanged == 38)
            #expect(changes.removed.isEmpty)

            // A revision: one task's line deleted, one reworded.
            var text = try String(contentsOf: Self.seed001, encoding: .utf8)
            let removedLine =
                "- Tăng cường ứng dụng công nghệ thông tin để nâng cao hiệu quả công tác phổ biến, giáo dục pháp luật."
            #expect(text.contains(removedLine))
            text = text.replacingOccurrences(of: removedLine + "\n", with: "")
            text = text.replacingOccurrences(
                of: "Tham mưu xây dựng kế hoạch, tổ chức tự kiểm tra công tác CCHC tại xã.",
                with: "Tham mưu xây dựng kế hoạch và tổ chức tự kiểm tra công tác CCHC tại xã năm 2023.")
            let revised = try await upload(
                app, Data(text.utf8), filename: "kh-sua.txt", unit: unit, plan: plan.requireID(), as: leader)
            let preview = try revised.json(ImportPreviewDTO.self)
            #expect(preview.changes?.removed.count == 1)
            #expect(preview.changes?.changed.count == 1)
            let result = try await app.sendRequest(.POST, "/api/v1/imports/\(preview.id)/confirm", headers: leader)
                .json(ImportResultDTO.self)
            #expect(result.planID == plan.id)
            #expect(result.cancelled == 1)
            #expect(result.updated == 1)
            let all = try await PlanTask.query(on: app.db).filter(\.$plan.$id == plan.requireID()).all()
            let removed = try #require(all.first { $0.title == String(removedLine.dropFirst(2)) })
            #expect(removed.state == .cancelled)
            #expect(all.filter { !$0.needsAssignment }.count == 38)
            #expect(try await PlanTask.find(progressed.requireID(), on: app.db)?.progress == progressed.progress)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badDocumentsAreRefusedWithAClearMessageAndWriteNothing(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true, maxUploadBytes: 1 << 20)) { app in
            let unit = try await planlessCommune(app)
            let leader = try await app.signIn("bathanh.chutich")
            let plans = try await Plan.query(on: app.db).count()

            let empty = try await upload(app, Data(), filename: "rong.txt", unit: unit, as: leader)
            #expect(empty.status == .badRequest)
            let binary = try await upload(
                app, Data((0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }), filename: "ke-hoach.docx",
                unit: unit,
                as: leader)
            #expect(binary.status == .unprocessableEntity)
            #expect(try binary.json(ErrorDTO.self).message.isEmpty == false)
            let missingColumns = "Số thứ tự;Ghi chú\n1;abc\n"
            let table = try await upload(
                app, Data(missingColumns.utf8), filename: "phu-luc.csv", unit: unit, as: leader)
            #expect(table.status == .unprocessableEntity)
            let badDate =
                "Nhiệm vụ;Thời gian hoàn thành;Cơ quan chủ trì\nRà soát TTHC;31/02/2024;Văn phòng – Thống kê\n"
            let date = try await upload(app, Data(badDate.utf8), filename: "phu-luc.csv", unit: unit, as: leader)
            #expect(date.status == .unprocessableEntity)
            let dateError = try date.json(ErrorDTO.self)
            #expect(dateError.message.contains("31/02/2024"))
            let huge = try await upload(
                app, Data(repeating: 0x41, count: 2 << 20), filename: "lon.txt", unit: unit, as: leader)
            #expect(huge.status == .payloadTooLarge)

            #expect(try await Plan.query(on: app.db).count() == plans)
            #expect(try await PlanImportRecord.query(on: app.db).count() == 0)
            let kept =
                (try? FileManager.default.contentsOfDirectory(
                    atPath: app.partrack.config.dataDirectory.appendingPathComponent("imports").path)) ?? []
            #expect(kept.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPositionTheUnitDoesNotHaveIsReportedNotDropped(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let unit = try await planlessCommune(app)
            let leader = try await app.signIn("bathanh.chutich")
            let text = try String(contentsOf: Self.seed001, encoding: .utf8).replacingOccurrences(
                of: "*** Công chức Tài chính – Kế toán:**", with: "*** Công chức Địa chính – Xây dựng:**")
            let preview = try await upload(app, Data(text.utf8), filename: "kh.txt", unit: unit, as: leader)
                .json(ImportPreviewDTO.self)
            #expect(preview.unknownPositions.contains { $0.contains("Địa chính") })
            let orphaned = preview.tasks.filter { $0.unmatchedPositions.contains { $0.contains("Địa chính") } }
            #expect(orphaned.count == 4)
            #expect(orphaned.allSatisfy { $0.needsAssignment })
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyTheUnitsLeaderImports(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let unit = try await app.unit("ba-giang").requireID()
            for username in ["bagiang.vptk", "badinh.chutich", "noivu.bato"] {
                let response = try await upload(
                    app, try Data(contentsOf: Self.seed001), filename: "kh.txt", unit: unit,
                    as: try await app.signIn(username))
                #expect(response.status == .forbidden, "\(username)")
            }
        }
    }
}
