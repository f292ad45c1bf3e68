public struct CatalogSummaryDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var year: Int
    public var level: String
    public var decision: String
    /// Placeholder points that a province replaces with its own annex.
    public var isSample: Bool
    public var maxPoints: Double

    public init(id: Int, name: String, year: Int, level: String, decision: String, isSample: Bool, maxPoints: Double) {
        self.id = id
        self.name = name
        self.year = year
        self.level = level
        self.decision = decision
        self.isSample = isSample
        self.maxPoints = maxPoints
    }
}

public struct CatalogDTO: Codable, Sendable {
    public var summary: CatalogSummaryDTO
    /// Credit for a task done late (0–1).
    public var lateCredit: Double
    public var classes: [ClassThresholdDTO]
    public var areas: [CatalogNodeDTO]

    public init(summary: CatalogSummaryDTO, lateCredit: Double, classes: [ClassThresholdDTO], areas: [CatalogNodeDTO]) {
        self.summary = summary
        self.lateCredit = lateCredit
        self.classes = classes
        self.areas = areas
    }
}

public struct ClassThresholdDTO: Codable, Sendable, Equatable {
    public var name: String
    public var minPercent: Double

    public init(name: String, minPercent: Double) {
        self.name = name
        self.minPercent = minPercent
    }
}

public struct CatalogNodeDTO: Codable, Sendable {
    public var id: Int
    public var code: String
    public var title: String
    public var maxPoints: Double
    /// tasks | report_compliance | survey
    public var measure: String
    public var children: [CatalogNodeDTO]

    public init(id: Int, code: String, title: String, maxPoints: Double, measure: String, children: [CatalogNodeDTO]) {
        self.id = id
        self.code = code
        self.title = title
        self.maxPoints = maxPoints
        self.measure = measure
        self.children = children
    }
}
