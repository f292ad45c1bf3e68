import Fluent
import Foundation

/// The projection's totals at a moment (a period's due date, or on demand): the trend's points.
final class ProjectionSnapshot: Model, @unchecked Sendable {
    static let schema = "projection_snapshots"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "plan_id") var plan: Plan
    /// "Q1", "H1", "9M", "Y" for a period's due date, or "on_demand".
    @Field(key: "occasion") var occasion: String
    @Field(key: "as_of") var asOf: Date
    @Field(key: "earned_hundredths") var earnedHundredths: Int
    @Field(key: "projected_hundredths") var projectedHundredths: Int
    @Field(key: "ceiling_hundredths") var ceilingHundredths: Int
    @Field(key: "maximum_hundredths") var maximumHundredths: Int
    /// The full `TrendSnapshot` as JSON (per-area figures), for drawing the trend by area.
    @Field(key: "snapshot_json") var snapshotJSON: String

    init() {}
}
