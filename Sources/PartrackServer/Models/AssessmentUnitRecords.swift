import Fluent
import Foundation
import PartrackDomain

/// The position of a unit that self-scores an area (or a criterion inside it) in a round.
final class AssessmentAreaOwner: Model, @unchecked Sendable {
    static let schema = "assessment_area_owners"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_unit_id") var roundUnit: AssessmentRoundUnit
    @Field(key: "code") var code: String
    @Parent(key: "position_id") var position: Position

    init() {}

    init(roundUnitID: Int, code: String, positionID: Int) {
        self.$roundUnit.id = roundUnitID
        self.code = code
        self.$position.id = positionID
    }
}

/// A unit's self score of one sub-criterion. Evidence is a JSON list of `EvidenceRef`: a ref with a
/// task id names that task's evidence; one without names an `AssessmentDocument` of the unit.
final class AssessmentSelfScore: Model, @unchecked Sendable {
    static let schema = "assessment_self_scores"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_unit_id") var roundUnit: AssessmentRoundUnit
    @Field(key: "code") var code: String
    @Field(key: "score_hundredths") var scoreHundredths: Int
    @Field(key: "explanation") var explanation: String
    @Field(key: "evidence_json") var evidenceJSON: String
    @Field(key: "source") var source: ScoreSource
    @Parent(key: "updated_by") var updatedBy: User
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// A file a unit uploads for its self-assessment (evidence no task carries, or the signed report).
/// Stored by content hash beside the tasks' evidence, so the same file is on disk once.
final class AssessmentDocument: Model, @unchecked Sendable {
    static let schema = "assessment_documents"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_unit_id") var roundUnit: AssessmentRoundUnit
    @Field(key: "filename") var filename: String
    @Field(key: "kind") var kind: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Parent(key: "uploader_id") var uploader: User
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

/// A council member's appraisal of one sub-criterion of a unit.
final class AssessmentAppraisal: Model, @unchecked Sendable {
    static let schema = "assessment_appraisals"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_unit_id") var roundUnit: AssessmentRoundUnit
    @Field(key: "code") var code: String
    @Field(key: "score_hundredths") var scoreHundredths: Int
    /// The self score the appraisal was made against: a later change of it makes the appraisal stale.
    @Field(key: "self_score_hundredths") var selfScoreHundredths: Int
    @OptionalField(key: "reason") var reason: String?
    @Parent(key: "appraiser_id") var appraiser: User
    @Field(key: "appraised_at") var appraisedAt: Date

    init() {}
}

/// A council member's request for more evidence on a criterion, and the unit's answer.
final class AssessmentEvidenceRequest: Model, @unchecked Sendable {
    static let schema = "assessment_evidence_requests"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_unit_id") var roundUnit: AssessmentRoundUnit
    @Field(key: "code") var code: String
    @Parent(key: "asked_by") var askedBy: User
    @Field(key: "asked_at") var askedAt: Date
    @Field(key: "text") var text: String
    @OptionalField(key: "answer_by") var answerBy: LocalDate?
    @OptionalField(key: "answer_text") var answerText: String?
    @OptionalField(key: "answer_evidence_json") var answerEvidenceJSON: String?
    @OptionalParent(key: "answered_by") var answeredBy: User?
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}
}

/// Points of a survey sub-criterion (people's satisfaction), entered or imported by the reviewer.
final class AssessmentSurveyPoints: Model, @unchecked Sendable {
    static let schema = "assessment_survey_points"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_unit_id") var roundUnit: AssessmentRoundUnit
    @Field(key: "code") var code: String
    @Field(key: "points_hundredths") var pointsHundredths: Int

    init() {}
}
