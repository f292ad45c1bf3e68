import Foundation
import PartrackDomain
import Testing

private typealias F = ProjectionFixture

@Suite("Class of the total at every threshold")
struct ClassThresholdTests {
    /// One leaf of 100 points with no task: the baseline is the total, so the percent is the points.
    func projectedClass(_ total: String, classes: [ClassThreshold] = F.classes) -> (Int, String?) {
        let catalog = F.catalog(
            classes: classes,
            areas: [CatalogNodeDefinition(code: "1", title: "Lĩnh vực 1", maxPoints: Points(100))])
        let projection = ProjectionEngine.project(
            ProjectionInput(catalog: catalog, baselines: ["1": F.points(total)], asOf: F.at(20, 6)))
        return (projection.percent.projected, projection.classes.projected)
    }

    @Test(arguments: [
        ("100", "Tốt"), ("90", "Tốt"), ("89.99", "Khá"),
        ("70", "Khá"), ("69.99", "Trung bình"),
        ("50", "Trung bình"), ("49.99", "Kém"),
        ("0", "Kém"),
    ])
    func classStartsExactlyAtItsMinimum(total: String, expected: String) {
        let (percent, name) = projectedClass(total)
        #expect(percent == F.points(total).hundredths)
        #expect(name == expected)
    }

    @Test func belowEveryClassIsUnclassified() throws {
        let classes = Array(F.classes.prefix(3))  // no "Kém" from 0 %
        #expect(projectedClass("49.99", classes: classes).1 == nil)
        #expect(projectedClass("50", classes: classes).1 == "Trung bình")

        let catalog = F.catalog(
            classes: classes, areas: [CatalogNodeDefinition(code: "1", title: "Lĩnh vực 1", maxPoints: Points(100))])
        let projection = ProjectionEngine.project(
            ProjectionInput(catalog: catalog, baselines: ["1": Points(10)], asOf: F.at(20, 6)))
        #expect(projection.explanation.headline.key == "projection.headline.total_unclassified")
        let decoded = try JSONDecoder().decode(Projection.self, from: JSONEncoder().encode(projection))
        #expect(decoded.classes == Scenarios<String?>(all: nil))
    }

    @Test func classIsTakenFromThePercentRoundedToTheHundredth() {
        // 60.00 of 66.67 = 89.9955 % → 90.00 % as shown, so the class is "Tốt".
        let catalog = F.catalog(areas: [
            CatalogNodeDefinition(code: "1", title: "Lĩnh vực 1", maxPoints: F.points("66.67"))
        ])
        let projection = ProjectionEngine.project(
            ProjectionInput(catalog: catalog, baselines: ["1": Points(60)], asOf: F.at(20, 6)))
        #expect(projection.percent.projected == 9000)
        #expect(projection.classes.projected == "Tốt")
    }
}
