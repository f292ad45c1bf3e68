import Fluent
import Foundation

/// A post within a unit (vị trí việc làm), e.g. "Tư pháp – Hộ tịch" of xã Ba Giang.
/// Tasks belong to positions, not only to people: staff rotate, the duty stays.
final class Position: Model, @unchecked Sendable {
    static let schema = "positions"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "unit_id") var unit: OrgUnit
    @Field(key: "title") var title: String
    /// Short forms people write in plans ("VP-TK"), separated by "|"; used to match imported text.
    @Field(key: "aliases") var aliases: String
    /// The position that compiles the unit's periodic report from the others' parts (the commune office).
    @Field(key: "compiles_unit_report") var compilesUnitReport: Bool
    @Siblings(through: PositionHolder.self, from: \.$position, to: \.$user) var holders: [User]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(unitID: Int, title: String, aliases: [String]) {
        self.$unit.id = unitID
        self.title = title
        self.aliases = aliases.joined(separator: "|")
        self.compilesUnitReport = false
    }

    var aliasList: [String] { aliases.split(separator: "|").map(String.init) }
}

/// Who currently holds a position. A position can have several holders (a deputy) or none (vacant).
final class PositionHolder: Model, @unchecked Sendable {
    static let schema = "position_holders"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "position_id") var position: Position
    @Parent(key: "user_id") var user: User

    init() {}

    init(positionID: Int, userID: Int) {
        self.$position.id = positionID
        self.$user.id = userID
    }
}
