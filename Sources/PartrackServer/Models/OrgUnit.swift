import Fluent
import Foundation
import PartrackDomain

/// A unit of government (đơn vị): province, district, commune or department.
/// `parent` is whoever reviews the unit (the district, or since 2025 often the province).
/// Named OrgUnit because Foundation already has a `Unit`.
final class OrgUnit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    /// A short stable code used in URLs, the CLI and the demo files ("xa-ba-giang").
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "level") var level: UnitLevel
    @OptionalParent(key: "parent_id") var parent: OrgUnit?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(code: String, name: String, level: UnitLevel, parentID: Int?) {
        self.code = code
        self.name = name
        self.level = level
        self.$parent.id = parentID
    }
}
