import Testing

@testable import PartrackDomain

@Suite struct CatalogValidatorTests {
    func node(_ code: String, _ max: Int, line: Int, _ children: [CatalogNodeDefinition] = []) -> CatalogNodeDefinition
    {
        CatalogNodeDefinition(
            code: code, title: "Tiêu chí \(code)", maxPoints: Points(max), children: children, line: line)
    }

    func catalog(_ areas: [CatalogNodeDefinition], classes: [ClassThreshold]? = nil) -> CatalogDefinition {
        CatalogDefinition(
            name: "Thử", year: 2024, level: .commune, decision: "", isSample: false, lateCreditPercent: 50,
            classes: classes ?? [
                ClassThreshold(name: "Tốt", minPercentHundredths: 9000, line: 3),
                ClassThreshold(name: "Khá", minPercentHundredths: 7000, line: 4),
            ],
            areas: areas)
    }

    @Test func acceptsAWellFormedTree() {
        let valid = catalog([
            node("1", 10, line: 5, [node("1.1", 4, line: 6), node("1.2", 6, line: 7, [node("1.2.1", 6, line: 8)])])
        ])
        #expect(CatalogValidator.problems(in: valid, file: "a.yaml").isEmpty)
        #expect(valid.maximum == Points(10))
    }

    @Test func findsDuplicateCodesNamingBothLines() {
        let problems = CatalogValidator.problems(
            in: catalog([node("1", 4, line: 5, [node("1.1", 2, line: 6), node("1.1", 2, line: 9)])]), file: "a.yaml")
        #expect(problems.map(\.kind) == [.duplicateCode])
        #expect(problems.first?.line == 9)
        #expect(problems.first?.node == "1.1")
        #expect(problems.first?.details["first_line"] == "6")
        #expect(problems.first?.message.arguments["file"] == "a.yaml")
    }

    @Test func findsAChildOutsideItsParent() {
        let problems = CatalogValidator.problems(
            in: catalog([node("1", 4, line: 5, [node("2.1", 4, line: 6)])]), file: "a.yaml")
        #expect(problems.map(\.kind) == [.childOutsideParent])
        #expect(problems.first?.node == "2.1")
        #expect(problems.first?.details["parent"] == "1")
    }

    @Test func findsAGrandchildCodeUnderAnArea() {
        let problems = CatalogValidator.problems(
            in: catalog([node("1", 4, line: 5, [node("1.2.3", 4, line: 6)])]), file: "a.yaml")
        #expect(problems.map(\.kind) == [.childOutsideParent])
    }

    @Test func findsChildrenWhosePointsExceedTheParent() {
        let problems = CatalogValidator.problems(
            in: catalog([node("1", 4, line: 5, [node("1.1", 3, line: 6), node("1.2", 2, line: 7)])]), file: "a.yaml")
        #expect(problems.map(\.kind) == [.childrenExceedParent])
        #expect(problems.first?.line == 5)
        #expect(problems.first?.details["sum"] == "5")
    }

    @Test func findsChildrenThatLeavePointsNobodyCanEarn() {
        let problems = CatalogValidator.problems(
            in: catalog([node("1", 4, line: 5, [node("1.1", 3, line: 6)])]), file: "a.yaml")
        #expect(problems.map(\.kind) == [.childrenBelowParent])
    }

    @Test func findsNegativePoints() {
        let problems = CatalogValidator.problems(
            in: catalog([node("1", 0, line: 5, [node("1.1", 2, line: 6), node("1.2", -2, line: 7)])]), file: "a.yaml")
        #expect(problems.map(\.kind) == [.negativePoints])
        #expect(problems.first?.node == "1.2")
    }

    @Test func findsThresholdsOutOfOrder() {
        let problems = CatalogValidator.problems(
            in: catalog(
                [node("1", 1, line: 5)],
                classes: [
                    ClassThreshold(name: "Khá", minPercentHundredths: 7000, line: 3),
                    ClassThreshold(name: "Tốt", minPercentHundredths: 9000, line: 4),
                ]), file: "a.yaml")
        #expect(problems.map(\.kind) == [.thresholdsOutOfOrder])
        #expect(problems.first?.node == "Tốt")
        #expect(problems.first?.line == 4)
    }

    @Test func findsThresholdsOutsideZeroToHundred() {
        let problems = CatalogValidator.problems(
            in: catalog(
                [node("1", 1, line: 5)], classes: [ClassThreshold(name: "Tốt", minPercentHundredths: 12000, line: 3)]),
            file: "a.yaml")
        #expect(problems.map(\.kind) == [.thresholdOutOfRange])
    }

    @Test func findsMalformedCodesAndAnEmptyCatalog() {
        #expect(
            CatalogValidator.problems(in: catalog([node("1.a", 1, line: 5)]), file: "a.yaml").map(\.kind) == [.badCode])
        #expect(CatalogValidator.problems(in: catalog([]), file: "a.yaml").map(\.kind) == [.empty])
    }

    @Test func reportsEveryProblemAtOnceInFileOrder() {
        let broken = catalog([
            node("1", 4, line: 5, [node("1.1", 5, line: 6), node("1.1", -1, line: 7)]), node("1", 1, line: 8),
        ])
        let problems = CatalogValidator.problems(in: broken, file: "a.yaml")
        #expect(problems.map(\.line) == problems.map(\.line).sorted())
        #expect(Set(problems.map(\.kind)) == [.duplicateCode, .negativePoints])
        #expect(throws: CatalogInvalid.self) { try CatalogValidator.validate(broken, file: "a.yaml") }
    }

    @Test func classifiesByTheBestBandReached() {
        let bands = catalog([node("1", 1, line: 1)]).classes
        #expect(ClassThreshold.classify(percentHundredths: 9000, in: bands)?.name == "Tốt")
        #expect(ClassThreshold.classify(percentHundredths: 8999, in: bands)?.name == "Khá")
        #expect(ClassThreshold.classify(percentHundredths: 6999, in: bands) == nil)
    }
}
