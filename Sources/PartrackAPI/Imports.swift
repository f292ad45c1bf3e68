import Foundation

/// What an uploaded plan document would become (`POST /api/v1/imports`), for the leader to check
/// before confirming. Nothing is written until `POST /api/v1/imports/{id}/confirm`.
public struct ImportPreviewDTO: Codable, Sendable {
    public var id: Int
    public var unitID: Int
    /// The plan a re-import would update; nil when the import makes a new plan.
    public var planID: Int?
    public var catalogID: Int
    public var filename: String
    /// What the document is, in one sentence of the request's language.
    public var summary: String
    public var number: String?
    public var place: String?
    /// yyyy-mm-dd
    public var documentDate: String?
    public var title: String?
    public var year: Int
    public var targetRank: String?
    public var targetClass: String?
    public var periods: [ImportPeriodDTO]
    /// False when the document states no schedule and the defaults (15/3, 15/6, 15/9, 1/11) apply.
    public var periodsFromDocument: Bool
    public var tasks: [ImportTaskDTO]
    /// Names the document gives as positions that the unit does not have.
    public var unknownPositions: [String]
    /// What was not understood, with where: "dòng 57: …", "Phụ lục!C7: …".
    public var notes: [ImportNoteDTO]
    /// For a re-import: how the document compares with the plan as it stands.
    public var changes: ImportChangesDTO?

    public init(
        id: Int, unitID: Int, planID: Int?, catalogID: Int, filename: String, summary: String, number: String?,
        place: String?, documentDate: String?, title: String?, year: Int, targetRank: String?, targetClass: String?,
        periods: [ImportPeriodDTO], periodsFromDocument: Bool, tasks: [ImportTaskDTO], unknownPositions: [String],
        notes: [ImportNoteDTO], changes: ImportChangesDTO?
    ) {
        self.id = id
        self.unitID = unitID
        self.planID = planID
        self.catalogID = catalogID
        self.filename = filename
        self.summary = summary
        self.number = number
        self.place = place
        self.documentDate = documentDate
        self.title = title
        self.year = year
        self.targetRank = targetRank
        self.targetClass = targetClass
        self.periods = periods
        self.periodsFromDocument = periodsFromDocument
        self.tasks = tasks
        self.unknownPositions = unknownPositions
        self.notes = notes
        self.changes = changes
    }
}

public struct ImportPeriodDTO: Codable, Sendable, Equatable {
    public var kind: String
    public var cutOff: String
    public var due: String

    public init(kind: String, cutOff: String, due: String) {
        self.kind = kind
        self.cutOff = cutOff
        self.due = due
    }
}

public struct ImportTaskDTO: Codable, Sendable, Equatable {
    public var fingerprint: String
    public var title: String
    public var details: String?
    public var areaCode: String?
    public var leadPositions: [String]
    public var cooperatingPositions: [String]
    public var unmatchedPositions: [String]
    /// Criteria the task most likely affects, best first, with a score 0–100.
    public var suggestedCriteria: [ImportCriterionDTO]
    public var expectedOutput: String?
    public var due: String?
    public var dueText: String?
    public var recurrence: String?
    /// The document gives it to no position of the unit: the leader assigns it.
    public var needsAssignment: Bool
    /// "dòng 57" or "Phụ lục!C7"
    public var source: String

    public init(
        fingerprint: String, title: String, details: String?, areaCode: String?, leadPositions: [String],
        cooperatingPositions: [String], unmatchedPositions: [String], suggestedCriteria: [ImportCriterionDTO],
        expectedOutput: String?, due: String?, dueText: String?, recurrence: String?, needsAssignment: Bool,
        source: String
    ) {
        self.fingerprint = fingerprint
        self.title = title
        self.details = details
        self.areaCode = areaCode
        self.leadPositions = leadPositions
        self.cooperatingPositions = cooperatingPositions
        self.unmatchedPositions = unmatchedPositions
        self.suggestedCriteria = suggestedCriteria
        self.expectedOutput = expectedOutput
        self.due = due
        self.dueText = dueText
        self.recurrence = recurrence
        self.needsAssignment = needsAssignment
        self.source = source
    }
}

public struct ImportCriterionDTO: Codable, Sendable, Equatable {
    public var code: String
    public var title: String
    public var score: Int

    public init(code: String, title: String, score: Int) {
        self.code = code
        self.title = title
        self.score = score
    }
}

public struct ImportNoteDTO: Codable, Sendable, Equatable {
    /// error | warning | info
    public var severity: String
    public var location: String
    public var message: String

    public init(severity: String, location: String, message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }
}

/// A re-import compared with the plan: tasks kept as they are, changed, new, and no longer in the
/// document (these are cancelled on confirmation, never deleted).
public struct ImportChangesDTO: Codable, Sendable, Equatable {
    public var unchanged: Int
    public var changed: [String]
    public var added: [String]
    public var removed: [String]

    public init(unchanged: Int, changed: [String], added: [String], removed: [String]) {
        self.unchanged = unchanged
        self.changed = changed
        self.added = added
        self.removed = removed
    }
}

/// `POST /api/v1/imports/{id}/confirm`. Criteria default to the suggestions; a leader may replace
/// them per task (fingerprint → codes).
public struct ImportConfirmRequest: Codable, Sendable {
    public var criteria: [String: [String]]?

    public init(criteria: [String: [String]]? = nil) { self.criteria = criteria }
}

public struct ImportResultDTO: Codable, Sendable, Equatable {
    public var planID: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    public var cancelled: Int

    public init(planID: Int, created: Int, updated: Int, unchanged: Int, cancelled: Int) {
        self.planID = planID
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.cancelled = cancelled
    }
}
