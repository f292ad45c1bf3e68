import Foundation
import PartrackDomain
import Testing

private typealias F = ProjectionFixture

@Suite("Every figure explains itself, in both languages")
struct ProjectionWordsTests {
    /// web/locales of the repository (this file is Tests/PartrackDomainTests/Projection/…).
    static let locales = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("web/locales")

    static func templates(_ language: String) throws -> [String: String] {
        let file = locales.appendingPathComponent("\(language)/projection.json")
        return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
    }

    static func catalog(_ language: String) throws -> LocaleCatalog {
        LocaleCatalog(language: language, templates: try templates(language))
    }

    @Test(arguments: ["vi", "en"])
    func localeFileHasExactlyTheKeysAndPlaceholdersTheCodeUses(language: String) throws {
        let templates = try Self.templates(language)
        #expect(Set(templates.keys) == Set(ProjectionMessageKey.allCases.map(\.rawValue)))
        for key in ProjectionMessageKey.allCases {
            let template = try #require(templates[key.rawValue])
            #expect(Self.placeholders(in: template) == key.placeholders, "\(language) \(key.rawValue)")
        }
    }

    @Test func everyMessageOfAProjectionHasAKnownKeyAndItsArguments() {
        let projections = [
            ProjectionEngine.project(F.input),
            WhatIf.apply([.cancelled(99)], to: F.input),
        ]
        for projection in projections {
            var messages = [projection.explanation.headline] + projection.explanation.reasons + projection.issues
            for node in projection.nodes { messages += [node.explanation.headline] + node.explanation.reasons }
            messages += projection.pointsAtRisk.map(\.explanation) + projection.whatIf.map(\.explanation)
            for message in messages {
                let key = ProjectionMessageKey(rawValue: message.key)
                #expect(key != nil, "\(message.key)")
                if let key { #expect(Set(message.arguments.keys) == key.placeholders, "\(message.key)") }
            }
        }
    }

    @Test func leafExplainsItsPointsByItsTasksInVietnamese() throws {
        // The issue's example: 7.5 of 10 from tasks A (w1) and B (w2) done on time and C (w1) overdue:
        // 10 × (1 + 2 + 0)/4 = 7.50.
        let catalog = F.catalog(areas: [F.node("1", 10, [F.leaf("1.2", 10)])])
        let tasks = [
            ProjectionTask(
                id: 1, title: "A", state: .done, due: F.day(1, 5), completedAt: F.at(30, 4),
                links: [CriterionLink(code: "1.2")]),
            ProjectionTask(
                id: 2, title: "B", state: .done, due: F.day(1, 5), completedAt: F.at(1, 5),
                links: [CriterionLink(code: "1.2", weight: 2)]),
            ProjectionTask(
                id: 3, title: "C", state: .inProgress, due: F.day(1, 6), links: [CriterionLink(code: "1.2")]),
        ]
        let projection = ProjectionEngine.project(ProjectionInput(catalog: catalog, tasks: tasks, asOf: F.at(20, 6)))
        let leaf = try #require(projection.node("1.2"))
        #expect(leaf.figures.projected == F.points("7.5"))
        #expect(
            leaf.explanation.rendered(by: try Self.catalog("vi"))
                == "Tiêu chí 1.2: 7,5/10 — 2 nhiệm vụ hoàn thành đúng hạn (“A”, “B”); "
                + "1 nhiệm vụ quá hạn, chưa được tính điểm (“C”)")
        #expect(
            leaf.explanation.rendered(by: try Self.catalog("en"))
                == "Criterion 1.2: 7,5/10 — done on time: 2 (“A”, “B”); overdue, not counted: 1 (“C”)")
        // C is worth 10 × 0.5 × 1/4 = 1.25 if finished now.
        #expect(
            projection.pointsAtRisk.first?.explanation
                == Message(
                    "projection.risk.overdue",
                    ["title": "C", "due": "01/06/2023", "points": "1,25", "late_credit": "50"]))
    }

    @Test func totalAndAreaExplanationsNameEarnedCeilingRiskAndGaps() throws {
        let projection = ProjectionEngine.project(F.input)
        let vi = try Self.catalog("vi")
        #expect(
            projection.explanation.rendered(by: vi)
                == "Tổng điểm dự kiến: 14,75/20 (73,75%), xếp loại Khá — đã đạt 10,28 điểm (51,4%); "
                + "tối đa còn có thể đạt 15,55 điểm (77,75%); 0,8 điểm có nguy cơ mất do 1 nhiệm vụ quá hạn; "
                + "1 tiêu chí chưa được kế hoạch bao phủ (2.3)")
        let area = try #require(projection.node("2"))
        #expect(
            area.explanation.rendered(by: vi)
                == "Lĩnh vực 2: 7,25/10 — đã đạt 7,25 điểm (72,5%); 1 tiêu chí chưa được kế hoạch bao phủ (2.3)")
        let reports = try #require(projection.node("1.1.2"))
        #expect(
            reports.explanation.rendered(by: vi)
                == "Tiêu chí thành phần 1.1.2: 1,5/2 — 1/4 báo cáo định kỳ nộp đúng hạn; "
                + "1 báo cáo nộp quá hạn, không được tính điểm (hạn 15/06/2023); "
                + "2 báo cáo chưa đến hạn, dự kiến nộp đúng hạn (hạn 15/09/2023, 01/11/2023)")
        #expect(
            try #require(projection.node("2.2")).explanation.rendered(by: vi)
                == "Tiêu chí 2.2: 2,5/3 — kế hoạch không có nhiệm vụ cho tiêu chí này; "
                + "lấy điểm thẩm định năm trước (2,5 điểm)")
    }

    @Test func explanationWithoutReasonsIsJustTheHeadline() throws {
        let explanation = Explanation(headline: Message("projection.goal.none"))
        #expect(explanation.rendered(by: try Self.catalog("vi")) == "Kế hoạch chưa đặt mục tiêu xếp hạng hay xếp loại")
    }

    /// The `{name}` placeholders of a template.
    static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
