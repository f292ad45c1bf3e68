import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing

/// `partrack assessment rounds|scores|ranking` against a round arranged through the API: xã Ba Giang
/// and xã Ba Thành self-assess, the council appraises, the district reviewer publishes.
@Suite struct AssessmentCommandTests {
    @Test(arguments: TestDatabase.available)
    func roundsListTheRoundsAPersonTakesPartIn(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            let builder = try await RoundBuilder.make(cli.app)
            let round = try await builder.open(["ba-giang", "ba-thanh"], closesOn: "10/12/2023")
            try await builder.selfScore(round.id, unit: "ba-giang") { _ in .zero }
            try await builder.submit(round.id, unit: "ba-giang")

            try await cli.login("bagiang.tpht")
            let text = await cli.run(["assessment", "rounds"])
            #expect(text.code == 0, "\(text)")
            let lines = text.stdout.split(separator: "\n").map(String.init)
            #expect(
                lines.first.map(Self.cells)
                    == ["ID", "Đợt đánh giá", "Năm", "Giai đoạn", "Hết hạn tự đánh giá", "Đã gửi/Đơn vị"])
            // The official window, the last minute of the closing day, one of two units submitted.
            #expect(
                lines.dropFirst(2).map(Self.cells) == [
                    [
                        "\(round.id)", "Đánh giá Chỉ số CCHC năm 2023", "2023", "Chạy chính thức", "10/12/2023 23:59",
                        "1/2",
                    ]
                ])

            let json = try await cli.run(["assessment", "rounds", "--format", "json"]).json([AssessmentRoundDTO].self)
            #expect(json.map(\.id) == [round.id])
            #expect(json.first?.phase == .official)

            let english = await cli.run(["assessment", "rounds"], environment: ["PARTRACK_LANG": "en"])
            #expect(english.stdout.contains("Self-assessment closes"))
            #expect(english.stdout.contains("Official"))

            // Xã Ba Dinh is not in the round: its officer takes part in none.
            let other = FileManager.default.temporaryDirectory.appendingPathComponent("ba-dinh-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: other) }
            try await cli.login("badinh.vptk", in: other)
            let none = await cli.run(["assessment", "rounds"], in: other)
            #expect(none.code == 0)
            #expect(none.stdout.isEmpty)
            #expect(none.stderr == "Bạn chưa tham gia đợt đánh giá nào.\n")
        }
    }

    @Test(arguments: TestDatabase.available)
    func scoresShowTheOwnUnitsCriteriaAndRefuseAnotherUnitsToAnOfficer(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            let builder = try await RoundBuilder.make(cli.app)
            let round = try await builder.open(["ba-giang", "ba-thanh"])
            let scored = try #require(builder.catalog.assessedLeafCodes.first { builder.maximum($0) >= Points(1) })
            let leader = try #require(RoundBuilder.leaders["ba-giang"])
            let path = "/assessment-rounds/\(round.id)/units/\(try builder.unitID("ba-giang"))"
            // The chairperson scores one criterion in full, with an explanation; the draft suggests the rest.
            try await builder.call(.POST, path + "/prefill", as: leader)
            try await builder.call(
                .PUT, path + "/scores/\(scored)", as: leader,
                json: SelfScoreRequest(
                    score: builder.maximum(scored).vietnamese, explanation: "Đã ban hành đầy đủ văn bản theo kế hoạch"))

            let expected = try await cli.get(path, as: leader, UnitAssessmentDTO.self)
            // A suggestion lacking nothing but its owner's confirmation.
            let suggested = try #require(
                expected.selfScores.first {
                    $0.value.source == .suggested && ($0.value.score == .zero || !$0.value.evidence.isEmpty)
                }?.key)

            try await cli.login("bagiang.tpht")
            let text = await cli.run(["assessment", "scores", "\(round.id)"])
            #expect(text.code == 0, "\(text)")
            #expect(text.stdout.hasPrefix("UBND xã Ba Giang — Đánh giá Chỉ số CCHC năm 2023 (Chạy chính thức)\n"))
            let lines = text.stdout.split(separator: "\n").map(String.init)
            // Code, criterion, maximum, self score, appraised, source, what is missing.
            let maximum = builder.maximum(scored).vietnamese
            let scoredRow = try #require(lines.map(Self.cells).first { $0.first == scored })
            #expect(Array(scoredRow.dropFirst(2)) == [maximum, maximum, "—", "Đã chấm"], "\(scoredRow)")
            let suggestedRow = try #require(lines.map(Self.cells).first { $0.first == suggested })
            let suggestion = try #require(expected.selfScores[suggested]).score.vietnamese
            #expect(
                Array(suggestedRow.dropFirst(3)) == [suggestion, "—", "Gợi ý, chờ xác nhận", "Chưa xác nhận"],
                "\(suggestedRow)")
            // The server's own sentences say what stops submission.
            #expect(!expected.problems.isEmpty)
            #expect(text.stdout.contains("Chưa gửi thẩm định được vì:\n- " + expected.problems[0]))

            let json = try await cli.run(["assessment", "scores", "\(round.id)", "--format", "json"])
                .json(UnitAssessmentDTO.self)
            #expect(json == expected)

            // An officer of xã Ba Giang may not read xã Ba Thành's self-assessment: the server's words.
            let refused = await cli.run(["assessment", "scores", "\(round.id)", "--unit", "ba-thanh"])
            #expect(refused.code == 1)
            #expect(refused.stdout.isEmpty)
            #expect(
                refused.stderr
                    == "Lỗi: Bạn chỉ xem được kết quả tự đánh giá của đơn vị mình hoặc của đơn vị mình thẩm định.\n")

            // The reviewer belongs to none of the round's units: they choose one.
            let reviewer = FileManager.default.temporaryDirectory.appendingPathComponent("rv-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: reviewer) }
            try await cli.login("noivu.bato", in: reviewer)
            let unchosen = await cli.run(["assessment", "scores", "\(round.id)"], in: reviewer)
            #expect(unchosen.code == 2)
            #expect(unchosen.stderr.contains("--unit"))
            #expect(unchosen.stderr.contains("UBND xã Ba Thành"))
            let chosen = await cli.run(["assessment", "scores", "\(round.id)", "--unit", "ba-thanh"], in: reviewer)
            #expect(chosen.code == 0, "\(chosen)")
            #expect(chosen.stdout.hasPrefix("UBND xã Ba Thành — "))
            #expect(await cli.run(["assessment", "scores", "99999"], in: reviewer).code == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theRankingIsPreviewedByTheReviewerThenPublishedToEveryUnitAndExported(database: TestDatabase)
        async throws
    {
        try await CLIHarness.with(database) { cli in
            let builder = try await RoundBuilder.make(cli.app)
            // Xã Ba Giang claims every criterion in full, xã Ba Thành nothing; the council takes
            // one criterion of Ba Giang's down to zero.
            let round = try await builder.appraisedRound(["ba-giang", "ba-thanh"]) { unit, code in
                unit == "ba-giang" ? builder.maximum(code) : .zero
            }
            let changed = try #require(builder.catalog.assessedLeafCodes.first)
            try await builder.appraise(
                round.id, unit: "ba-giang", criterion: changed, score: .zero,
                reason: "Không có văn bản chứng minh đã thực hiện")
            let fullSelf = builder.catalog.assessedLeafCodes.reduce(Points.zero) { $0 + builder.maximum($1) }

            let reviewer = FileManager.default.temporaryDirectory.appendingPathComponent("rv-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: reviewer) }
            try await cli.login("noivu.bato", in: reviewer)
            let preview = await cli.run(["assessment", "ranking", "\(round.id)"], in: reviewer)
            #expect(preview.code == 0, "\(preview)")
            #expect(preview.stdout.hasPrefix("Đánh giá Chỉ số CCHC năm 2023 — bản xem trước, tổng hợp lúc 10/09/2023"))
            #expect(preview.stderr.contains("chưa công bố"))

            // Before publication an officer sees no results.
            try await cli.login("bagiang.tpht")
            let early = await cli.run(["assessment", "ranking", "\(round.id)"])
            #expect(early.code == 1)
            #expect(early.stderr.hasPrefix("Lỗi: "))

            try await builder.publish(round.id)
            let text = await cli.run(["assessment", "ranking", "\(round.id)"])
            #expect(text.code == 0, "\(text)")
            #expect(text.stdout.hasPrefix("Đánh giá Chỉ số CCHC năm 2023 — kết quả công bố lúc 10/09/2023"))
            let lines = text.stdout.split(separator: "\n").map(String.init)
            #expect(lines[1].hasPrefix("Hạng  Đơn vị"), "\(text)")
            // Rank, unit, self score, appraised, survey, total, percent, class.
            let first = Self.cells(lines[3])
            let second = Self.cells(lines[4])
            let appraised = fullSelf - builder.maximum(changed)
            #expect(
                Array(first.prefix(6)) == [
                    "1/2", "UBND xã Ba Giang", fullSelf.vietnamese, appraised.vietnamese, "0", appraised.vietnamese,
                ], "\(first)")
            #expect(Array(second.prefix(6)) == ["2/2", "UBND xã Ba Thành", "0", "0", "0", "0"], "\(second)")
            #expect(text.stderr.contains("Bằng điểm thì đồng hạng."))

            let results = try await cli.run(["assessment", "ranking", "\(round.id)", "--format", "json"])
                .json(AssessmentResultsDTO.self)
            #expect(results.published)
            #expect(results.results.units.map(\.rank.description) == ["1/2", "2/2"])
            #expect(results.results.units[0].appraisedTotal == appraised)

            // The unit now sees its result and rank with its scores, and the council's change.
            let scores = await cli.run(["assessment", "scores", "\(round.id)"])
            #expect(scores.code == 0, "\(scores)")
            #expect(scores.stdout.contains("Kết quả công bố:"))
            #expect(scores.stdout.contains("hạng 1/2"))
            #expect(scores.stdout.contains("Không có văn bản chứng minh đã thực hiện"))

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rank-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("xep-hang.csv")
            let exported = await cli.run(["assessment", "ranking", "\(round.id)", "-o", file.path])
            #expect(exported.code == 0, "\(exported)")
            #expect(exported.stdout.isEmpty)
            #expect(exported.stderr.hasPrefix("Đã ghi \(file.path)"))
            let bytes = try Data(contentsOf: file)
            #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
            let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(csv.contains("UBND xã Ba Giang"))
            #expect(csv.contains("UBND xã Ba Thành"))
        }
    }

    /// The cells of a table line: columns are at least two spaces apart.
    static func cells(_ line: String) -> [String] {
        line.trimmingCharacters(in: .whitespaces).split(separator: /\s{2,}/).map(String.init)
    }
}
