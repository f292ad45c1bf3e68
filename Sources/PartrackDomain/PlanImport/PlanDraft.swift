/// A position of the importing unit as the parser may meet it in a plan
/// ("Công chức Văn phòng – Thống kê", "VP-TK", "Bộ phận Một cửa").
public struct KnownPosition: Sendable, Hashable {
    /// Stable identity of the position, as text (the server's id).
    public var key: String
    /// The position's name, e.g. "Văn phòng – Thống kê".
    public var title: String
    /// Other names the unit uses for it, e.g. "Bộ phận tiếp nhận và trả kết quả".
    public var aliases: [String]

    public init(key: String, title: String, aliases: [String] = []) {
        self.key = key
        self.title = title
        self.aliases = aliases
    }
}

/// What the parser needs to know about the importing unit: its catalog (for areas and
/// criteria), its positions, and the year to assume when the document states none.
public struct PlanImportContext: Sendable {
    public var catalog: CatalogDefinition
    public var positions: [KnownPosition]
    public var fallbackYear: Int

    public init(catalog: CatalogDefinition, positions: [KnownPosition], fallbackYear: Int) {
        self.catalog = catalog
        self.positions = positions
        self.fallbackYear = fallbackYear
    }
}

/// Where something was read: a line of a text document, or a cell of a table ("Sheet1!C7").
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 1-based line of a text document.
    public var line: Int?
    /// Cell reference of a table, with the sheet name when there is one: "Phụ lục!C7" or "C7".
    public var cell: String?

    public init(line: Int? = nil, cell: String? = nil) {
        self.line = line
        self.cell = cell
    }

    public static func line(_ number: Int) -> SourceLocation { SourceLocation(line: number) }
    public static func cell(_ reference: String) -> SourceLocation { SourceLocation(cell: reference) }

    /// "dòng 12" / "ô C7" in messages are rendered by the locale; this is the machine form.
    public var description: String {
        if let cell { return cell }
        if let line { return "line \(line)" }
        return "?"
    }
}

/// The header of a plan document.
public struct PlanHeader: Sendable, Hashable {
    /// "Số: 12/KH-UBND" as written after "Số:" ("/KH-UBND" when the number is left blank for signing).
    public var number: String?
    /// "Ba Giang" from "Ba Giang, ngày … tháng 02 năm 2023".
    public var place: String?
    /// The signing date when day, month and year are all written.
    public var date: LocalDate?
    public var title: String?
    /// The year the plan is for (from the title, else the date line).
    public var year: Int?

    public init(
        number: String? = nil, place: String? = nil, date: LocalDate? = nil, title: String? = nil, year: Int? = nil
    ) {
        self.number = number
        self.place = place
        self.date = date
        self.title = title
        self.year = year
    }
}

/// A rank among peers, "4/19 xã, thị trấn".
public struct RankTarget: Sendable, Hashable {
    public var position: Int
    public var of: Int

    public init(position: Int, of: Int) {
        self.position = position
        self.of = of
    }
}

/// What the plan aims for.
public struct PlanGoals: Sendable, Hashable {
    public var targetRank: RankTarget?
    /// The catalog class aimed for ("Tốt" from "hoàn thành tốt nhiệm vụ trở lên").
    public var targetClass: String?
    public var location: SourceLocation?

    public init(targetRank: RankTarget? = nil, targetClass: String? = nil, location: SourceLocation? = nil) {
        self.targetRank = targetRank
        self.targetClass = targetClass
        self.location = location
    }
}

/// A criterion a task probably affects, for the person importing to confirm.
public struct CriterionSuggestion: Sendable, Hashable {
    /// Catalog code of a leaf criterion, e.g. "1.1.2".
    public var code: String
    /// 0…100: how much of the criterion's wording the task shares (weighted by rarity).
    public var score: Int

    public init(code: String, score: Int) {
        self.code = code
        self.score = score
    }
}

/// A task with no single due date: "Thường xuyên", "Hằng quý".
public struct Recurrence: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Ongoing work whose progress is reported in every report period.
        case everyReportPeriod = "every_report_period"
        case monthly
        case quarterly
        case yearly
    }

    public var kind: Kind
    /// The rule as a sentence: "Thường xuyên: báo cáo tiến độ trong mỗi kỳ báo cáo".
    public var rule: Message

    public init(kind: Kind, rule: Message) {
        self.kind = kind
        self.rule = rule
    }

    public init(kind: Kind) {
        self.init(kind: kind, rule: Message("import.recurrence.\(kind.rawValue)"))
    }
}

/// One task as read from the document, before the person importing confirms it.
public struct DraftTask: Sendable, Hashable {
    /// Stable identity for re-import: derived from the task's wording, not its position in the file.
    public var fingerprint: String
    public var title: String
    /// The rest of the text when the task is longer than its first sentence.
    public var details: String?
    /// Catalog code of the area ("1"…"7") the task was listed under.
    public var areaCode: String?
    public var leadPositionKeys: [String]
    public var cooperatingPositionKeys: [String]
    /// Names given as lead or cooperating that are not positions of the unit (kept, reported).
    public var unmatchedPositionNames: [String]
    public var suggestedCriteria: [CriterionSuggestion]
    public var expectedOutput: String?
    public var due: LocalDate?
    /// The deadline as written ("Quý II", "Trước 30/6/2024", "Thường xuyên").
    public var dueText: String?
    public var recurrence: Recurrence?
    /// True when the document does not give the task to a position of the unit:
    /// the leader assigns it (general tasks, duties of a desk, district-plan duties).
    public var needsAssignment: Bool
    /// Who the document addresses the task to when that is not a position ("UBND các xã, thị trấn").
    public var addressee: String?
    /// Why the task was taken: a position's task, a general task, a duty, a dated item, a table row.
    public var origin: Origin
    public var source: SourceLocation

    public enum Origin: String, Sendable, Hashable, Codable, CaseIterable {
        /// Listed under a position in an area ("* Công chức …:" then bullets).
        case positionTask = "position_task"
        /// A plan-wide task not given to a position ("Nhiệm vụ và giải pháp chung").
        case generalTask = "general_task"
        /// A duty from the "Tổ chức thực hiện" part.
        case duty
        /// An item of a document that is not a task list, kept because it has a time mark.
        case datedItem = "dated_item"
        /// A row of an appendix table.
        case tableRow = "table_row"
    }

    public init(
        fingerprint: String = "", title: String, details: String? = nil, areaCode: String? = nil,
        leadPositionKeys: [String] = [], cooperatingPositionKeys: [String] = [],
        unmatchedPositionNames: [String] = [], suggestedCriteria: [CriterionSuggestion] = [],
        expectedOutput: String? = nil, due: LocalDate? = nil, dueText: String? = nil, recurrence: Recurrence? = nil,
        needsAssignment: Bool = false, addressee: String? = nil, origin: Origin, source: SourceLocation
    ) {
        self.fingerprint = fingerprint
        self.title = title
        self.details = details
        self.areaCode = areaCode
        self.leadPositionKeys = leadPositionKeys
        self.cooperatingPositionKeys = cooperatingPositionKeys
        self.unmatchedPositionNames = unmatchedPositionNames
        self.suggestedCriteria = suggestedCriteria
        self.expectedOutput = expectedOutput
        self.due = due
        self.dueText = dueText
        self.recurrence = recurrence
        self.needsAssignment = needsAssignment
        self.addressee = addressee
        self.origin = origin
        self.source = source
    }

    /// Title and details together: the whole wording of the task.
    public var fullText: String {
        guard let details, !details.isEmpty else { return title }
        return title + ". " + details
    }
}

/// Something the parser noticed and the preview should show.
public struct ImportDiagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error
        case warning
        case info

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .info]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: Message

    public init(location: SourceLocation, severity: Severity, message: Message) {
        self.location = location
        self.severity = severity
        self.message = message
    }
}

/// A name written where a position was expected that the unit does not have.
public struct UnknownPosition: Sendable, Hashable {
    /// As written, e.g. "Địa chính – Xây dựng".
    public var name: String
    /// Where it was first met.
    public var location: SourceLocation
    /// How many tasks name it.
    public var taskCount: Int

    public init(name: String, location: SourceLocation, taskCount: Int) {
        self.name = name
        self.location = location
        self.taskCount = taskCount
    }
}

/// Everything read from one plan document, for the person importing to confirm.
public struct PlanDraft: Sendable {
    public var header: PlanHeader
    public var goals: PlanGoals
    public var tasks: [DraftTask]
    /// The reporting schedule: from the document when it states one, else the defaults.
    public var periods: [ReportPeriodSpec]
    public var periodsFromDocument: Bool
    public var unknownPositions: [UnknownPosition]
    public var diagnostics: [ImportDiagnostic]
    /// What the document is, in one sentence.
    public var summary: Message

    public init(
        header: PlanHeader, goals: PlanGoals, tasks: [DraftTask], periods: [ReportPeriodSpec],
        periodsFromDocument: Bool, unknownPositions: [UnknownPosition], diagnostics: [ImportDiagnostic],
        summary: Message
    ) {
        self.header = header
        self.goals = goals
        self.tasks = tasks
        self.periods = periods
        self.periodsFromDocument = periodsFromDocument
        self.unknownPositions = unknownPositions
        self.diagnostics = diagnostics
        self.summary = summary
    }

    /// Tasks given to positions of the unit by the document itself.
    public var positionTasks: [DraftTask] { tasks.filter { !$0.needsAssignment } }
    /// Tasks the leader must assign.
    public var tasksToAssign: [DraftTask] { tasks.filter(\.needsAssignment) }
}
