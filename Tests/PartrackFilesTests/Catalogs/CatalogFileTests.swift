import Foundation
import PartrackDomain
import Testing

@testable import PartrackFiles

@Suite struct CatalogFileTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theSampleCommuneCatalogHasTheSevenAreasOfQD876AndAHundredPoints() throws {
        let catalog = try CatalogFile.load(
            contentsOf: Self.root.appendingPathComponent("seeds/catalogs/commune-sample-2023.yaml"))
        #expect(catalog.areas.count == 7)
        #expect(catalog.maximum == Points(100))
        #expect(catalog.isSample)
        #expect(catalog.level == .commune)
        #expect(catalog.lateCreditPercent == 50)
        #expect(catalog.classes.map(\.name) == ["Tốt", "Khá", "Trung bình", "Kém"])
        #expect(catalog.areas[2].title == "Cải cách thủ tục hành chính")
        let reportLeaf = catalog.allNodes.first { $0.code == "1.2.1" }
        #expect(reportLeaf?.measure == .reportCompliance)
        #expect(catalog.allNodes.first { $0.code == "3.3.1" }?.line ?? 0 > 0)
    }

    func problems(_ yaml: String) -> [CatalogProblem] {
        do {
            _ = try CatalogFile.parse(yaml, file: "tinh.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    let header = """
        name: "Bộ thử"
        year: 2024
        level: commune
        classes:
          - { name: "Tốt", min_percent: 90 }
          - { name: "Khá", min_percent: 70 }
        areas:

        """

    @Test func namesTheFileTheLineAndTheNodeOfADuplicateCode() {
        let found = problems(
            header + """
                  - code: "1"
                    title: "Lĩnh vực 1"
                    max: 4
                    children:
                      - { code: "1.1", title: "A", max: 2 }
                      - { code: "1.1", title: "B", max: 2 }
                """)
        #expect(found.count == 1)
        #expect(found.first?.kind == .duplicateCode)
        #expect(found.first?.file == "tinh.yaml")
        #expect(found.first?.line == 13)
        #expect(found.first?.node == "1.1")
    }

    @Test func findsAChildOutsideItsParentAndChildrenOverTheParentsPoints() {
        let found = problems(
            header + """
                  - code: "1"
                    title: "Lĩnh vực 1"
                    max: 4
                    children:
                      - { code: "2.1", title: "A", max: 3 }
                      - { code: "1.2", title: "B", max: 2 }
                """)
        #expect(found.map(\.kind) == [.childrenExceedParent, .childOutsideParent])
        #expect(found.map(\.line) == [8, 12])
    }

    @Test func findsNegativePointsAndThresholdsOutOfOrder() {
        let found = problems(
            """
            name: "Bộ thử"
            year: 2024
            level: commune
            classes:
              - { name: "Khá", min_percent: 70 }
              - { name: "Tốt", min_percent: 90 }
            areas:
              - { code: "1", title: "Lĩnh vực 1", max: -1 }
            """)
        #expect(found.map(\.kind) == [.thresholdsOutOfOrder, .negativePoints])
        #expect(found.map(\.line) == [6, 8])
        #expect(found.map(\.node) == ["Tốt", "1"])
    }

    @Test func reportsMissingAndBadFieldsWithTheirLines() {
        let found = problems(
            """
            name: "Bộ thử"
            year: hai nghìn
            level: village
            classes:
              - { name: "Tốt", min_percent: 90 }
            areas:
              - { code: "1", max: 3 }
              - { code: "2", title: "B", max: "ba" }
            """)
        #expect(found.map(\.kind) == [.badValue, .badValue, .missingField, .badValue])
        #expect(found.map(\.line) == [2, 3, 7, 8])
    }

    @Test func reportsYAMLThatCannotBeReadWithItsLine() {
        let found = problems("name: \"Bộ thử\nyear: 2024\n  - broken: [")
        #expect(found.first?.kind == .unreadable)
        #expect(found.first?.line ?? 0 >= 1)
        #expect(problems("").first?.kind == .empty)
    }

    @Test func readsTheDemoOrganisationAndPlans() throws {
        let organisation = try DemoOrganisation.load(
            contentsOf: Self.root.appendingPathComponent("seeds/demo/organisation.yaml"))
        #expect(organisation.units.filter { $0.level == .commune }.count >= 3)
        #expect(organisation.communePositions.count == 5)
        #expect(Set(organisation.users.map(\.role)) == Set(Role.allCases))
        let plan = try DemoPlan.load(
            contentsOf: Self.root.appendingPathComponent("seeds/demo/plans/ba-giang-2023.yaml"), clock: .vietnam)
        #expect(plan.tasks.count == 38)
        #expect(plan.periods.map(\.due.formatted) == ["15/03/2023", "15/06/2023", "15/09/2023", "01/11/2023"])
        #expect(plan.tasks.filter { $0.leadPositions.contains("Văn phòng – Thống kê") }.count == 26)
        #expect(plan.tasks.filter { $0.leadPositions.contains("Văn hóa – Xã hội") }.count == 12)
        #expect(plan.tasks.filter { $0.leadPositions.contains("Tư pháp – Hộ tịch") }.count == 5)
        #expect(plan.tasks.filter { $0.leadPositions.contains("Tài chính – Kế toán") }.count == 4)
        #expect(plan.targetRank?.position == 4 && plan.targetRank?.of == 19)
    }
}
