/// A figure explained in words: a headline ("Tiêu chí 1.2: 7,5/10") and the reasons behind it
/// ("2 nhiệm vụ hoàn thành đúng hạn", "1 nhiệm vụ quá hạn"). Both are `Message`s, so the page and
/// the CLI render them in the reader's language; a reason that would say "0 …" is simply absent.
public struct Explanation: Sendable, Equatable, Codable {
    public var headline: Message
    public var reasons: [Message]

    public init(headline: Message, reasons: [Message] = []) {
        self.headline = headline
        self.reasons = reasons
    }

    /// One line: "headline — reason; reason", with the joining words taken from the locale.
    public func rendered(by catalog: LocaleCatalog) -> String {
        let headline = catalog.render(headline)
        guard !reasons.isEmpty else { return headline }
        let separator = catalog.render(key: ProjectionMessageKey.listSeparator.rawValue)
        return catalog.render(
            key: ProjectionMessageKey.explanation.rawValue,
            arguments: ["headline": headline, "reasons": reasons.map(catalog.render).joined(separator: separator)])
    }
}

/// Every message key the projection uses; `web/locales/{vi,en}/projection.json` define each one.
public enum ProjectionMessageKey: String, CaseIterable, Sendable {
    case explanation = "projection.explanation"
    case listSeparator = "projection.list_separator"

    case headlineTotal = "projection.headline.total"
    case headlineTotalUnclassified = "projection.headline.total_unclassified"
    case headlineArea = "projection.headline.area"
    case headlineCriterion = "projection.headline.criterion"
    case headlineSubCriterion = "projection.headline.sub_criterion"

    case reasonEarned = "projection.reason.earned"
    case reasonCeiling = "projection.reason.ceiling"
    case reasonAtRisk = "projection.reason.at_risk"
    case reasonNotCoveredCount = "projection.reason.not_covered_count"
    case reasonAwaitingSurveyCount = "projection.reason.awaiting_survey_count"

    case reasonTasksDoneOnTime = "projection.reason.tasks_done_on_time"
    case reasonTasksDoneLate = "projection.reason.tasks_done_late"
    case reasonTasksOpen = "projection.reason.tasks_open"
    case reasonTasksOverdue = "projection.reason.tasks_overdue"
    case reasonTasksCancelled = "projection.reason.tasks_cancelled"
    case reasonBaseline = "projection.reason.baseline"
    case reasonNotCovered = "projection.reason.not_covered"
    case reasonReportsOnTime = "projection.reason.reports_on_time"
    case reasonReportsLate = "projection.reason.reports_late"
    case reasonReportsMissing = "projection.reason.reports_missing"
    case reasonReportsUpcoming = "projection.reason.reports_upcoming"
    case reasonSurveyEntered = "projection.reason.survey_entered"
    case reasonAwaitingSurvey = "projection.reason.awaiting_survey"

    case riskOverdue = "projection.risk.overdue"
    case gainNotYetDue = "projection.gain.not_yet_due"
    case gainNoDueDate = "projection.gain.no_due_date"
    case gainOverdue = "projection.gain.overdue"

    case issueDuplicateTask = "projection.issue.duplicate_task"
    case issueUnknownCriterion = "projection.issue.unknown_criterion"
    case issueLinkToParent = "projection.issue.link_to_parent"
    case issueLinkToReportCriterion = "projection.issue.link_to_report_criterion"
    case issueLinkToSurveyCriterion = "projection.issue.link_to_survey_criterion"
    case issueBadWeight = "projection.issue.bad_weight"
    case issueBaselineUnknownCriterion = "projection.issue.baseline_unknown_criterion"
    case issueBaselineOnParent = "projection.issue.baseline_on_parent"
    case issueBaselineOutOfRange = "projection.issue.baseline_out_of_range"
    case issueUnknownTask = "projection.issue.unknown_task"

    case goalMet = "projection.goal.met"
    case goalMissed = "projection.goal.missed"
    case goalUndecided = "projection.goal.undecided"
    case goalNone = "projection.goal.none"
    case goalRankMet = "projection.goal.rank_met"
    case goalRankMissed = "projection.goal.rank_missed"
    case goalRankUnknown = "projection.goal.rank_unknown"
    case goalClassMet = "projection.goal.class_met"
    case goalClassMissed = "projection.goal.class_missed"
    case goalClassMissedUnclassified = "projection.goal.class_missed_unclassified"
    case goalClassNotInCatalog = "projection.goal.class_not_in_catalog"

    /// The placeholders its template must fill, so the locale files can be checked against the code.
    public var placeholders: Set<String> {
        switch self {
        case .explanation: return ["headline", "reasons"]
        case .listSeparator: return []
        case .headlineTotal: return ["projected", "max", "percent", "class"]
        case .headlineTotalUnclassified: return ["projected", "max", "percent"]
        case .headlineArea, .headlineCriterion, .headlineSubCriterion: return ["code", "projected", "max"]
        case .reasonEarned: return ["earned", "percent"]
        case .reasonCeiling: return ["ceiling", "percent"]
        case .reasonAtRisk: return ["points", "count"]
        case .reasonNotCoveredCount, .reasonAwaitingSurveyCount: return ["count", "codes"]
        case .reasonTasksDoneOnTime, .reasonTasksOpen, .reasonTasksOverdue, .reasonTasksCancelled:
            return ["count", "tasks"]
        case .reasonTasksDoneLate: return ["count", "tasks", "late_credit"]
        case .reasonBaseline: return ["baseline"]
        case .reasonNotCovered, .reasonAwaitingSurvey: return []
        case .reasonReportsOnTime: return ["count", "total"]
        case .reasonReportsLate, .reasonReportsMissing, .reasonReportsUpcoming: return ["count", "dates"]
        case .reasonSurveyEntered: return ["points"]
        case .riskOverdue: return ["title", "due", "points", "late_credit"]
        case .gainNotYetDue, .gainOverdue: return ["title", "due", "points"]
        case .gainNoDueDate: return ["title", "points"]
        case .issueDuplicateTask, .issueUnknownTask: return ["task"]
        case .issueUnknownCriterion, .issueLinkToParent, .issueLinkToReportCriterion, .issueLinkToSurveyCriterion:
            return ["task", "title", "code"]
        case .issueBadWeight: return ["task", "title", "code", "weight"]
        case .issueBaselineUnknownCriterion, .issueBaselineOnParent: return ["code"]
        case .issueBaselineOutOfRange: return ["code", "baseline", "max", "used"]
        case .goalMet, .goalMissed, .goalUndecided, .goalNone: return []
        case .goalRankMet, .goalRankMissed: return ["rank", "target"]
        case .goalRankUnknown: return ["target"]
        case .goalClassMet, .goalClassMissed: return ["class", "target"]
        case .goalClassMissedUnclassified, .goalClassNotInCatalog: return ["target"]
        }
    }
}

extension Message {
    init(_ key: ProjectionMessageKey, _ arguments: [String: String] = [:]) {
        self.init(key.rawValue, arguments)
    }
}

/// How numbers, dates and lists appear inside projection messages: Vietnamese decimal comma
/// ("7,5"), dd/mm/yyyy, titles in quotes.
enum ProjectionText {
    static func points(_ points: Points) -> String { points.vietnamese }

    /// 7375 hundredths of a percent → "73,75".
    static func percent(_ hundredths: Int) -> String { Points(hundredths: hundredths).vietnamese }

    static func titles(_ titles: [String]) -> String { titles.map { "“\($0)”" }.joined(separator: ", ") }

    static func dates(_ days: [LocalDate]) -> String { days.map(\.formatted).joined(separator: ", ") }

    static func day(_ day: LocalDate?) -> String { day?.formatted ?? "—" }
}
