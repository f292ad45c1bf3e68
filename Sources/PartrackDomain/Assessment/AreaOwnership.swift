/// A position (or office) of the unit that self-scores part of the catalog.
public struct AreaOwner: Sendable, Hashable, Codable {
    public var positionID: Int
    /// "Tư pháp – Hộ tịch", "Sở Tư pháp": to say in a refusal whose criterion it is.
    public var title: String

    public init(positionID: Int, title: String) {
        self.positionID = positionID
        self.title = title
    }
}

/// Who self-scores what within one unit (seed 002: Sở Nội vụ owns areas 1, 4 and 5, Sở Tư pháp area 2,
/// Văn phòng UBND area 3 …). Owners are usually set per area; a criterion may have an owner of its own
/// (seed 002 gives Văn phòng UBND "the tasks assigned by the Government", a criterion inside area 1),
/// and the nearest assignment wins. Criteria with no owner are scored by the unit's leader.
public struct AreaOwnership: Sendable, Equatable, Codable {
    /// Owner by node code ("1", "2", "1.6").
    public var owners: [String: AreaOwner]

    public init(owners: [String: AreaOwner] = [:]) { self.owners = owners }

    /// The owner of the criterion `code`: the one set on it or on its nearest ancestor.
    public func owner(of code: String) -> AreaOwner? { CriterionCode.nearest(code, in: owners)?.value }

    /// Assignments to codes the catalog does not have, in code order; an empty list means it fits.
    public func problems(for catalog: CatalogDefinition) -> [Message] {
        let criteria = AssessedCriteria(catalog)
        return owners.keys.sorted(by: CriterionCode.precedes).compactMap { code in
            criteria.node(code) == nil ? Message(.ownershipUnknownCriterion, ["code": code]) : nil
        }
    }
}

extension CriterionCode {
    /// Catalog order of codes: "1.2" before "1.10", "1" before "1.1".
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.split(separator: ".").map { Int($0) ?? Int.max }
        let right = rhs.split(separator: ".").map { Int($0) ?? Int.max }
        return left.lexicographicallyPrecedes(right) || (left == right && lhs < rhs)
    }
}
