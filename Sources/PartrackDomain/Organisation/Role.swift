/// What a user may do (architecture: security model).
public enum Role: String, CaseIterable, Codable, Sendable {
    /// A civil servant: changes only the tasks of the positions they hold.
    case officer
    /// Chairperson or vice-chair: sees and directs the whole unit.
    case leader
    /// District or province Home Affairs: reads child units, locks periods, appraises.
    case reviewer
    /// Manages catalogs, units and users.
    case admin

    public var nameKey: String { "role.\(rawValue)" }
}

/// Tiers of government. Since 01/07/2025 most provinces have no district tier:
/// a commune's parent is whoever reviews it.
public enum UnitLevel: String, CaseIterable, Codable, Sendable {
    case province
    case district
    case commune
    /// A department (sở, phòng) that is itself assessed.
    case department

    public var nameKey: String { "unit_level.\(rawValue)" }
}
