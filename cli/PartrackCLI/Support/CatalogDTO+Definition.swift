import PartrackAPI
import PartrackDomain

extension CatalogDTO {
    /// The catalog as the domain's rules read it, so the CLI asks the same rules the server does
    /// (which criteria a unit scores, what stops a self-assessment) instead of restating them.
    var definition: CatalogDefinition {
        CatalogDefinition(
            name: summary.name, year: summary.year, level: UnitLevel(rawValue: summary.level) ?? .commune,
            decision: summary.decision, isSample: summary.isSample,
            lateCreditPercent: Int((lateCredit * 100).rounded()),
            classes: classes.map {
                ClassThreshold(name: $0.name, minPercentHundredths: Int(($0.minPercent * 100).rounded()))
            },
            areas: areas.map(\.definition))
    }
}

extension CatalogNodeDTO {
    var definition: CatalogNodeDefinition {
        CatalogNodeDefinition(
            code: code, title: title, maxPoints: Points(hundredths: Int((maxPoints * 100).rounded())),
            measure: CriterionMeasure(rawValue: measure) ?? .tasks, children: children.map(\.definition))
    }
}
