/// A criteria set (bộ chỉ số) as loaded from a catalog file, before it is stored.
/// Provinces re-issue their sets every year, so a catalog is data, never code.
public struct CatalogDefinition: Sendable, Equatable {
    public var name: String
    public var year: Int
    public var level: UnitLevel
    /// The issuing decision, e.g. "QĐ 876/QĐ-BNV ngày 10/11/2022".
    public var decision: String
    /// True when the points are a placeholder that a province replaces with its own annex.
    public var isSample: Bool
    /// Credit for a task done late, in hundredths (50 = half credit).
    public var lateCreditPercent: Int
    /// Classes from best to worst; each applies from its minimum percent up.
    public var classes: [ClassThreshold]
    /// The areas (lĩnh vực), each a tree of criteria.
    public var areas: [CatalogNodeDefinition]

    public init(
        name: String, year: Int, level: UnitLevel, decision: String, isSample: Bool,
        lateCreditPercent: Int, classes: [ClassThreshold], areas: [CatalogNodeDefinition]
    ) {
        self.name = name
        self.year = year
        self.level = level
        self.decision = decision
        self.isSample = isSample
        self.lateCreditPercent = lateCreditPercent
        self.classes = classes
        self.areas = areas
    }

    /// The catalog's maximum: the sum of its areas.
    public var maximum: Points { areas.reduce(.zero) { $0 + $1.maxPoints } }

    /// Every node, depth first, parents before children.
    public var allNodes: [CatalogNodeDefinition] { areas.flatMap(\.selfAndDescendants) }

    /// The class a percentage (in hundredths of a percent) falls in.
    public func classification(percentHundredths: Int) -> ClassThreshold? {
        ClassThreshold.classify(percentHundredths: percentHundredths, in: classes)
    }
}

/// How a leaf criterion earns its points when projecting.
public enum CriterionMeasure: String, Codable, Sendable, CaseIterable {
    /// From the tasks linked to it (the default).
    case tasks
    /// From the share of periodic reports submitted on time.
    case reportCompliance = "report_compliance"
    /// From the sociological survey (SIPAS): entered, never projected from tasks.
    case survey
}

public struct CatalogNodeDefinition: Sendable, Equatable {
    /// "1", "1.2", "1.2.3".
    public var code: String
    public var title: String
    public var maxPoints: Points
    public var measure: CriterionMeasure
    public var children: [CatalogNodeDefinition]
    /// Where the node was written, for error messages (1-based; 0 when unknown).
    public var line: Int

    public init(
        code: String, title: String, maxPoints: Points, measure: CriterionMeasure = .tasks,
        children: [CatalogNodeDefinition] = [], line: Int = 0
    ) {
        self.code = code
        self.title = title
        self.maxPoints = maxPoints
        self.measure = measure
        self.children = children
        self.line = line
    }

    public var isLeaf: Bool { children.isEmpty }

    public var selfAndDescendants: [CatalogNodeDefinition] {
        [self] + children.flatMap(\.selfAndDescendants)
    }

    /// Depth of the code: 1 for an area, 2 for a criterion, 3 for a sub-criterion.
    public var depth: Int { code.split(separator: ".").count }
}

/// A classification band (xếp loại), e.g. "Tốt" from 90 %.
public struct ClassThreshold: Sendable, Equatable, Codable {
    public var name: String
    /// Lowest percent that reaches this class, in hundredths of a percent (9000 = 90 %).
    public var minPercentHundredths: Int
    public var line: Int

    public init(name: String, minPercentHundredths: Int, line: Int = 0) {
        self.name = name
        self.minPercentHundredths = minPercentHundredths
        self.line = line
    }

    /// The best class whose minimum the percentage reaches; `classes` run best to worst.
    public static func classify(percentHundredths: Int, in classes: [ClassThreshold]) -> ClassThreshold? {
        classes.first { percentHundredths >= $0.minPercentHundredths }
    }
}
