import Foundation
import PartrackDomain

/// An assessment round as listed and shown (`GET /api/v1/assessment-rounds[/:id]`).
public struct AssessmentRoundDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var title: String
    public var catalogID: Int
    public var catalogName: String
    public var year: Int
    /// dd/mm/yyyy, or nil when the round has no trial window.
    public var trialFrom: String?
    public var trialTo: String?
    public var officialFrom: String
    public var closesOn: String
    /// The instant self-assessment stops, 23:59:59 Vietnam time on the closing date (ISO 8601).
    public var closesAt: Date
    /// Scores are multiples of this ("0,25").
    public var scoreStep: Points
    public var tieRule: TieRule
    public var phase: RoundPhase
    public var publishedAt: Date?
    public var units: [AssessmentRoundUnitDTO]
    public var council: Council

    public init(
        id: Int, title: String, catalogID: Int, catalogName: String, year: Int, trialFrom: String?, trialTo: String?,
        officialFrom: String, closesOn: String, closesAt: Date, scoreStep: Points, tieRule: TieRule,
        phase: RoundPhase, publishedAt: Date?, units: [AssessmentRoundUnitDTO], council: Council
    ) {
        self.id = id
        self.title = title
        self.catalogID = catalogID
        self.catalogName = catalogName
        self.year = year
        self.trialFrom = trialFrom
        self.trialTo = trialTo
        self.officialFrom = officialFrom
        self.closesOn = closesOn
        self.closesAt = closesAt
        self.scoreStep = scoreStep
        self.tieRule = tieRule
        self.phase = phase
        self.publishedAt = publishedAt
        self.units = units
        self.council = council
    }
}

/// A unit in a round: where it stands.
public struct AssessmentRoundUnitDTO: Codable, Sendable, Equatable {
    public var unitID: Int
    public var name: String
    public var phase: RoundPhase
    public var submittedAt: Date?
    /// dd/mm/yyyy when a reviewer reopened the unit after closing.
    public var reopenedUntil: String?
    /// Self-scored leaves confirmed by their owner, of all leaves the unit scores.
    public var confirmed: Int
    public var leaves: Int

    public init(
        unitID: Int, name: String, phase: RoundPhase, submittedAt: Date?, reopenedUntil: String?, confirmed: Int,
        leaves: Int
    ) {
        self.unitID = unitID
        self.name = name
        self.phase = phase
        self.submittedAt = submittedAt
        self.reopenedUntil = reopenedUntil
        self.confirmed = confirmed
        self.leaves = leaves
    }
}

/// One unit's self-assessment and appraisal in a round
/// (`GET /api/v1/assessment-rounds/:id/units/:unitID`).
public struct UnitAssessmentDTO: Codable, Sendable, Equatable {
    public var roundID: Int
    public var unit: AssessmentRoundUnitDTO
    public var ownership: AreaOwnership
    public var selfScores: [String: SelfScore]
    /// Appraisals still valid against the self score, by leaf code.
    public var appraisals: [String: Appraisal]
    public var evidenceRequests: [EvidenceRequestDTO]
    public var surveyPoints: [String: Points]
    /// What stops submission now, one line per criterion, in the request's language.
    public var problems: [String]
    public var documents: [AssessmentDocumentDTO]
    /// The published result of the unit (total, class, rank), once published.
    public var result: UnitResult?

    public init(
        roundID: Int, unit: AssessmentRoundUnitDTO, ownership: AreaOwnership, selfScores: [String: SelfScore],
        appraisals: [String: Appraisal], evidenceRequests: [EvidenceRequestDTO], surveyPoints: [String: Points],
        problems: [String], documents: [AssessmentDocumentDTO], result: UnitResult?
    ) {
        self.roundID = roundID
        self.unit = unit
        self.ownership = ownership
        self.selfScores = selfScores
        self.appraisals = appraisals
        self.evidenceRequests = evidenceRequests
        self.surveyPoints = surveyPoints
        self.problems = problems
        self.documents = documents
        self.result = result
    }
}

public struct EvidenceRequestDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var request: EvidenceRequest

    public init(id: Int, request: EvidenceRequest) {
        self.id = id
        self.request = request
    }
}

/// A file the unit uploaded for its self-assessment.
public struct AssessmentDocumentDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var filename: String
    public var kind: String
    public var size: Int
    public var sha256: String
    public var uploadedAt: Date

    public init(id: Int, filename: String, kind: String, size: Int, sha256: String, uploadedAt: Date) {
        self.id = id
        self.filename = filename
        self.kind = kind
        self.size = size
        self.sha256 = sha256
        self.uploadedAt = uploadedAt
    }
}

/// `POST /api/v1/assessment-rounds`: dates as dd/mm/yyyy, the step as "0,25".
public struct OpenRoundRequest: Codable, Sendable {
    public var title: String
    public var catalogID: Int
    public var year: Int
    public var unitIDs: [Int]
    public var trialFrom: String?
    public var trialTo: String?
    public var officialFrom: String
    public var closesOn: String
    public var scoreStep: String?
    public var tieRule: TieRule?

    public init(
        title: String, catalogID: Int, year: Int, unitIDs: [Int], trialFrom: String? = nil, trialTo: String? = nil,
        officialFrom: String, closesOn: String, scoreStep: String? = nil, tieRule: TieRule? = nil
    ) {
        self.title = title
        self.catalogID = catalogID
        self.year = year
        self.unitIDs = unitIDs
        self.trialFrom = trialFrom
        self.trialTo = trialTo
        self.officialFrom = officialFrom
        self.closesOn = closesOn
        self.scoreStep = scoreStep
        self.tieRule = tieRule
    }
}

/// `PUT …/units/:unitID/owners`: the position owning each code; a code left out goes back to the leader.
public struct AreaOwnersRequest: Codable, Sendable {
    public var owners: [String: Int]

    public init(owners: [String: Int]) { self.owners = owners }
}

/// `PUT …/units/:unitID/scores/:code`: the score as written ("7,5"), explanation, evidence.
public struct SelfScoreRequest: Codable, Sendable {
    public var score: String
    public var explanation: String?
    public var evidence: [EvidenceRef]?

    public init(score: String, explanation: String? = nil, evidence: [EvidenceRef]? = nil) {
        self.score = score
        self.explanation = explanation
        self.evidence = evidence
    }
}

/// `POST …/units/:unitID/submit`: the uploaded document holding the signed report.
public struct SubmitSelfAssessmentRequest: Codable, Sendable {
    public var signedDocumentID: Int

    public init(signedDocumentID: Int) { self.signedDocumentID = signedDocumentID }
}

/// `POST …/units/:unitID/reopen`: until a day (dd/mm/yyyy), with the reason.
public struct ReopenUnitRequest: Codable, Sendable {
    public var until: String
    public var reason: String

    public init(until: String, reason: String) {
        self.until = until
        self.reason = reason
    }
}

/// `PUT …/units/:unitID/appraisals/:code`: accept the self score, or set `score` with a reason.
public struct AppraiseRequest: Codable, Sendable {
    public var accept: Bool
    public var score: String?
    public var reason: String?

    public init(accept: Bool, score: String? = nil, reason: String? = nil) {
        self.accept = accept
        self.score = score
        self.reason = reason
    }
}

/// `POST …/units/:unitID/evidence-requests`.
public struct AskEvidenceRequest: Codable, Sendable {
    public var code: String
    public var text: String
    /// dd/mm/yyyy.
    public var answerBy: String?

    public init(code: String, text: String, answerBy: String? = nil) {
        self.code = code
        self.text = text
        self.answerBy = answerBy
    }
}

/// `POST /api/v1/assessment-rounds/:id/evidence-requests/:requestID/answer`.
public struct AnswerEvidenceRequest: Codable, Sendable {
    public var text: String
    public var evidence: [EvidenceRef]?

    public init(text: String, evidence: [EvidenceRef]? = nil) {
        self.text = text
        self.evidence = evidence
    }
}

/// `PUT …/units/:unitID/survey/:code`.
public struct SurveyPointsRequest: Codable, Sendable {
    public var points: String

    public init(points: String) { self.points = points }
}

/// `PUT /api/v1/assessment-rounds/:id/council`: members and who appraises each code.
public struct CouncilRequest: Codable, Sendable {
    public struct Seat: Codable, Sendable {
        public var userID: Int
        public var office: String
        public var secretary: Bool?

        public init(userID: Int, office: String, secretary: Bool? = nil) {
            self.userID = userID
            self.office = office
            self.secretary = secretary
        }
    }

    public var members: [Seat]
    public var assignments: [String: Int]

    public init(members: [Seat], assignments: [String: Int]) {
        self.members = members
        self.assignments = assignments
    }
}

/// How many criteria an action touched (prefill, confirm, accept the remaining).
public struct CountDTO: Codable, Sendable, Equatable {
    public var count: Int

    public init(count: Int) { self.count = count }
}

/// `GET /api/v1/assessment-rounds/:id/results`: the compiled results (a preview until published).
public struct AssessmentResultsDTO: Codable, Sendable, Equatable {
    public var roundID: Int
    public var published: Bool
    public var publishedAt: Date?
    public var results: CompiledResults

    public init(roundID: Int, published: Bool, publishedAt: Date?, results: CompiledResults) {
        self.roundID = roundID
        self.published = published
        self.publishedAt = publishedAt
        self.results = results
    }
}
