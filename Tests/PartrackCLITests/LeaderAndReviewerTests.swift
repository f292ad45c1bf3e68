import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing

/// The chairperson's and the district reviewer's commands.
@Suite struct LeaderAndReviewerTests {
    @Test(arguments: TestDatabase.available)
    func theLeaderCompilesApprovesAndSubmitsTheUnitReportOnce(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.chutich")
            let approve = await cli.run(["report", "approve", "--period", "9M"])
            #expect(approve.code == 0, "\(approve)")
            #expect(approve.stderr.contains("Đã tổng hợp"))
            #expect(approve.stderr.contains("Đã duyệt"))
            #expect(approve.stdout.contains("Đã gửi Báo cáo 9 tháng của UBND xã Ba Giang"))
            #expect(approve.stdout.contains("Tư pháp – Hộ tịch"))

            let periods = try await cli.get("/periods?kind=9M", as: "bagiang.chutich", [PeriodStatusDTO].self)
            let period = try #require(periods.first)
            #expect(period.unitReport.submittedAt != nil)
            #expect(period.unitReport.status == "on_time")

            let again = await cli.run(["report", "approve", "--period", "9M", "--format", "json"])
            #expect(again.code == 0)
            #expect(try again.json(UnitReportDTO.self).submittedAt == period.unitReport.submittedAt)

            // A leader holds no position: the position's report needs --position.
            let noPosition = await cli.run(["report", "show", "--period", "9M"])
            #expect(noPosition.code == 2)
            let chosen = await cli.run(["report", "show", "--period", "9M", "--position", "TPHT"])
            #expect(chosen.code == 0, "\(chosen)")
            #expect(chosen.stdout.contains("Tư pháp – Hộ tịch"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func theLeaderImportsAPlanAfterAPreview(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.chutich")
            let plans = try await cli.get("/plans", as: "bagiang.chutich", PageDTO<PlanDTO>.self).items
            let plan = try #require(plans.first)
            let document = repositoryRoot.appendingPathComponent("seeds/plans/001_341dbe7e484b0306.txt")

            let preview = await cli.run(["plan", "import", document.path, "--plan", "\(plan.id)"])
            #expect(preview.code == 0, "\(preview)")
            #expect(preview.stdout.contains("Tư pháp – Hộ tịch"))
            #expect(preview.stderr.contains("--confirm"))
            let unchanged = try await cli.get("/plans/\(plan.id)", as: "bagiang.chutich", PlanDTO.self)
            #expect(unchanged.taskCount == plan.taskCount)

            let confirmed = await cli.run(
                ["plan", "import", document.path, "--plan", "\(plan.id)", "--confirm", "--format", "json"])
            #expect(confirmed.code == 0, "\(confirmed)")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(confirmed.stdout.utf8)) as? [String: Any])
            let result = try #require(json["result"] as? [String: Any])
            #expect(result["planID"] as? Int == plan.id)
            let preview2 = try #require(json["preview"] as? [String: Any])
            #expect((preview2["tasks"] as? [Any])?.isEmpty == false)
        }
    }

    @Test(arguments: TestDatabase.available)
    func projectionAndWhatIfShowTheUnitsFiguresAndTasksToPush(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.vptk")
            let expected = try await cli.get("/projection", as: "bagiang.vptk", UnitProjectionDTO.self)

            let text = await cli.run(["projection"])
            #expect(text.code == 0, "\(text)")
            #expect(text.stdout.contains("UBND xã Ba Giang — kế hoạch năm 2023, tính đến 10/09/2023"))
            #expect(text.stdout.contains("Dự kiến:"))
            #expect(text.stdout.contains(expected.projection.total.projected.vietnamese + " / 100"))
            for area in expected.projection.areas { #expect(text.stdout.contains(area.code + "   ")) }

            let json = await cli.run(["projection", "--unit", "ba-giang", "--format", "json"])
            let decoded = try json.json(UnitProjectionDTO.self)
            #expect(decoded.projection == expected.projection)

            let whatIf = await cli.run(["projection", "--what-if", "--format", "json"])
            let gains = try whatIf.json([TaskGain].self)
            #expect(gains == expected.projection.whatIf)
            let table = await cli.run(["projection", "--what-if"])
            let first = try #require(gains.first)
            #expect(table.stdout.contains("Nhiệm vụ nên đẩy trước"))
            #expect(table.stdout.split(separator: "\n")[3].contains("\(first.taskID)"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func theReviewerSeesComplianceAndExportsCSVForExcel(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("noivu.bato")
            let compliance = await cli.run(["compliance", "--period", "H1", "--year", "2023"])
            #expect(compliance.code == 0, "\(compliance)")
            #expect(compliance.stdout.contains("UBND huyện Ba Tơ"))
            #expect(compliance.stdout.contains("  UBND xã Ba Giang"))
            let report = try await cli.run(
                ["compliance", "--period", "H1", "--year", "2023", "--unit", "ba-to", "--format", "json"]
            ).json(ComplianceReport.self)
            #expect(report.period == .h1)
            #expect(report.units.map(\.name).contains("UBND xã Ba Thành"))

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let matrix = folder.appendingPathComponent("tuan-thu.csv")
            let exported = await cli.run(["export", "compliance", "--year", "2023", "-o", matrix.path])
            #expect(exported.code == 0, "\(exported)")
            let matrixBytes = try Data(contentsOf: matrix)
            #expect(matrixBytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
            #expect(String(decoding: matrixBytes, as: UTF8.self).contains("UBND xã Ba Giang"))

            let table = folder.appendingPathComponent("du-kien.csv")
            let projection = await cli.run(
                ["export", "projection", "--year", "2023", "--period", "H1", "-o", table.path])
            #expect(projection.code == 0, "\(projection)")
            let rows = String(decoding: try Data(contentsOf: table).dropFirst(3), as: UTF8.self)
                .split(separator: "\r\n").map(String.init)
            let expected = try await cli.get(
                "/projections?year=2023&as_of=14/06/2023", as: "noivu.bato", [ProjectionRowDTO].self)
            #expect(rows.count == expected.count + 1)
            #expect(rows[0].hasPrefix("Đơn vị,Đã đạt,Dự kiến"))
            #expect(rows[1].hasPrefix(expected[0].unitName + ","))
            #expect(try Data(contentsOf: table).prefix(3) == Data([0xEF, 0xBB, 0xBF]))

            // An officer may not see the district's table.
            let officer = folder.appendingPathComponent("officer")
            try await cli.login("bagiang.tpht", in: officer)
            let refused = await cli.run(
                ["export", "projection", "--year", "2023", "--unit", "ba-to", "-o", table.path], in: officer)
            #expect(refused.code == 1)
        }
    }
}
