import Fluent
import Foundation

/// Last year's appraised score of a criterion for a unit, used by the projection for criteria
/// no task covers (recorded by a leader or admin, e.g. from the district's published results).
final class Baseline: Model, @unchecked Sendable {
    static let schema = "baselines"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "unit_id") var unit: OrgUnit
    @Parent(key: "catalog_id") var catalog: Catalog
    @Field(key: "node_code") var nodeCode: String
    @Field(key: "points_hundredths") var pointsHundredths: Int
    /// Where the figure comes from ("Quyết định công bố Chỉ số CCHC năm 2022").
    @Field(key: "source") var source: String
    @Parent(key: "recorded_by") var recordedBy: User
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}
