import Fluent
import Foundation
import PartrackDomain

/// An assessment round as stored; `AssessmentSnapshot` turns it into the domain's `AssessmentRound`.
final class AssessmentRoundRecord: Model, @unchecked Sendable {
    static let schema = "assessment_rounds"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    /// "Tự đánh giá Chỉ số CCHC năm 2023": what people call the round.
    @Field(key: "title") var title: String
    @Parent(key: "catalog_id") var catalog: Catalog
    @Field(key: "year") var year: Int
    @OptionalField(key: "trial_from") var trialFrom: LocalDate?
    @OptionalField(key: "trial_to") var trialTo: LocalDate?
    @Field(key: "official_from") var officialFrom: LocalDate
    @Field(key: "closes_on") var closesOn: LocalDate
    @Field(key: "score_step_hundredths") var scoreStepHundredths: Int
    @Field(key: "tie_rule") var tieRule: TieRule
    @Parent(key: "created_by") var createdBy: User
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalParent(key: "published_by") var publishedBy: User?
    @OptionalField(key: "results_json") var resultsJSON: String?

    init() {}
}

/// A unit taking part in a round, with its submission and any reopening by the reviewer.
final class AssessmentRoundUnit: Model, @unchecked Sendable {
    static let schema = "assessment_round_units"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_id") var round: AssessmentRoundRecord
    @Parent(key: "unit_id") var unit: OrgUnit
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalParent(key: "submitted_by") var submittedBy: User?
    /// The `AssessmentDocument` holding the signed scan of the self-assessment report.
    @OptionalField(key: "signed_document_id") var signedDocumentID: Int?
    @OptionalField(key: "reopened_until") var reopenedUntil: LocalDate?

    init() {}

    init(roundID: Int, unitID: Int) {
        self.$round.id = roundID
        self.$unit.id = unitID
    }
}

/// A member of a round's appraisal council (Hội đồng thẩm định), with the office they speak for.
final class AssessmentCouncilMember: Model, @unchecked Sendable {
    static let schema = "assessment_council_members"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_id") var round: AssessmentRoundRecord
    @Parent(key: "user_id") var user: User
    /// "Phòng Tư pháp".
    @Field(key: "office") var office: String
    /// The council's secretary follows progress by member and area.
    @Field(key: "secretary") var secretary: Bool

    init() {}

    init(roundID: Int, userID: Int, office: String, secretary: Bool) {
        self.$round.id = roundID
        self.$user.id = userID
        self.office = office
        self.secretary = secretary
    }
}

/// Which council member appraises an area, criterion or sub-criterion (the nearest code wins).
final class AssessmentCouncilAssignment: Model, @unchecked Sendable {
    static let schema = "assessment_council_assignments"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_id") var round: AssessmentRoundRecord
    @Field(key: "code") var code: String
    @Parent(key: "user_id") var user: User

    init() {}

    init(roundID: Int, code: String, userID: Int) {
        self.$round.id = roundID
        self.code = code
        self.$user.id = userID
    }
}
