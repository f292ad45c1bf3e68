import Fluent
import Foundation

/// An uploaded plan document awaiting confirmation. The file is kept under the data directory so
/// confirming re-reads exactly what was previewed; nothing else is written until then.
final class PlanImportRecord: Model, @unchecked Sendable {
    static let schema = "plan_imports"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "unit_id") var unit: OrgUnit
    /// The plan a re-import updates; nil for a new plan.
    @OptionalParent(key: "plan_id") var plan: Plan?
    @Parent(key: "catalog_id") var catalog: Catalog
    @Field(key: "filename") var filename: String
    /// Path of the kept file, relative to the data directory.
    @Field(key: "stored_path") var storedPath: String
    @Parent(key: "uploader_id") var uploader: User
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "result_plan_id") var resultPlanID: Int?

    init() {}
}
