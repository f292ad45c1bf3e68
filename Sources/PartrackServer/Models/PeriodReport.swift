import Fluent
import Foundation

/// A report for one period: either a position's part (to the commune office) or the unit's
/// report compiled from them (approved by the chairperson, then sent to the reviewing unit).
final class PeriodReport: Model, @unchecked Sendable {
    static let schema = "period_reports"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "period_id") var period: ReportPeriod
    @Parent(key: "unit_id") var unit: OrgUnit
    /// The position whose part this is; nil for the unit's own report.
    @OptionalParent(key: "position_id") var position: Position?
    /// "unit" or "position:<id>": unique per period, since SQL unique keys treat NULLs as distinct.
    @Field(key: "scope_key") var scopeKey: String
    @Field(key: "narrative") var narrative: String
    /// The figures of the draft as submitted (JSON), so the report reads the same later.
    @Field(key: "summary_json") var summaryJSON: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalParent(key: "submitted_by") var submittedBy: User?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @OptionalParent(key: "approved_by") var approvedBy: User?
    @Field(key: "version") var version: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(periodID: Int, unitID: Int, positionID: Int?) {
        self.$period.id = periodID
        self.$unit.id = unitID
        self.$position.id = positionID
        self.scopeKey = positionID.map { "position:\($0)" } ?? "unit"
        self.narrative = ""
        self.summaryJSON = "{}"
        self.version = 1
    }
}
