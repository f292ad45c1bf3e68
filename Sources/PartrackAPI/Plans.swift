public struct PlanDTO: Codable, Sendable {
    public var id: Int
    public var unitID: Int
    public var catalogID: Int
    public var year: Int
    public var number: String
    /// yyyy-mm-dd
    public var documentDate: String?
    public var title: String
    public var targetRank: Int?
    public var targetRankOf: Int?
    public var targetClass: String?
    /// draft | active | closed
    public var state: String
    public var periods: [ReportPeriodDTO]
    public var taskCount: Int

    public init(
        id: Int, unitID: Int, catalogID: Int, year: Int, number: String, documentDate: String?, title: String,
        targetRank: Int?, targetRankOf: Int?, targetClass: String?, state: String, periods: [ReportPeriodDTO],
        taskCount: Int
    ) {
        self.id = id
        self.unitID = unitID
        self.catalogID = catalogID
        self.year = year
        self.number = number
        self.documentDate = documentDate
        self.title = title
        self.targetRank = targetRank
        self.targetRankOf = targetRankOf
        self.targetClass = targetClass
        self.state = state
        self.periods = periods
        self.taskCount = taskCount
    }
}

public struct ReportPeriodDTO: Codable, Sendable, Equatable {
    public var id: Int
    /// Q1 | H1 | 9M | Y
    public var kind: String
    /// yyyy-mm-dd
    public var cutOff: String
    /// yyyy-mm-dd; due by the end of this day, Vietnam time.
    public var due: String

    public init(id: Int, kind: String, cutOff: String, due: String) {
        self.id = id
        self.kind = kind
        self.cutOff = cutOff
        self.due = due
    }
}
