import Foundation

/// A task's link to a leaf criterion, with its weight among that criterion's tasks.
public struct CriterionLink: Sendable, Hashable, Codable {
    /// The leaf criterion's code, e.g. "1.2.3".
    public var code: String
    /// Relative weight among the live tasks of the same criterion; 1 unless the plan says otherwise.
    /// Must be at least 1: a link with a smaller weight is left out and reported in `Projection.issues`.
    public var weight: Int

    public init(code: String, weight: Int = 1) {
        self.code = code
        self.weight = weight
    }
}

/// What the projection needs to know of one task of a plan.
public struct ProjectionTask: Sendable, Equatable, Codable {
    /// Unique within the plan; what-if outcomes and the risk and gain lists name tasks by it.
    public var id: Int
    public var title: String
    public var state: TaskState
    /// Due day; a task without one is never late.
    public var due: LocalDate?
    /// When it was marked done. A completion after the projection's `asOf` had not happened yet then.
    public var completedAt: Date?
    public var links: [CriterionLink]

    public init(
        id: Int, title: String, state: TaskState, due: LocalDate?, completedAt: Date? = nil,
        links: [CriterionLink]
    ) {
        self.id = id
        self.title = title
        self.state = state
        self.due = due
        self.completedAt = completedAt
        self.links = links
    }
}

/// One periodic report the unit owes (one per period of the plan's schedule) and when it went up.
public struct ReportSubmissionFact: Sendable, Equatable, Codable {
    public var kind: PeriodKind
    /// Due by the end of this day, Vietnam time.
    public var due: LocalDate
    /// When the unit's report was submitted; nil while it has not been.
    public var submittedAt: Date?

    public init(kind: PeriodKind, due: LocalDate, submittedAt: Date? = nil) {
        self.kind = kind
        self.due = due
        self.submittedAt = submittedAt
    }
}

/// Everything the projection of one unit's plan reads. Not `Codable`, because `CatalogDefinition`
/// and `CivilClock` are not: the server builds it from its stores.
public struct ProjectionInput: Sendable {
    public var catalog: CatalogDefinition
    public var tasks: [ProjectionTask]
    /// Last year's appraised score by leaf code (the baseline of a leaf the plan has no task for),
    /// and the survey points entered for leaves measured by survey.
    public var baselines: [String: Points]
    /// The unit's periodic reports of the plan's year, for leaves measured by report compliance.
    public var reports: [ReportSubmissionFact]
    /// The moment the projection is made for; deadlines are judged as of it.
    public var asOf: Date
    public var clock: CivilClock

    public init(
        catalog: CatalogDefinition, tasks: [ProjectionTask] = [], baselines: [String: Points] = [:],
        reports: [ReportSubmissionFact] = [], asOf: Date, clock: CivilClock = .vietnam
    ) {
        self.catalog = catalog
        self.tasks = tasks
        self.baselines = baselines
        self.reports = reports
        self.asOf = asOf
        self.clock = clock
    }
}
