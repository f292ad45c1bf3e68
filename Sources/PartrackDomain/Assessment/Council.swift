/// A member of the appraisal council (Hội đồng thẩm định / Tổ công tác): a person acting for an office.
public struct CouncilMember: Sendable, Hashable, Codable {
    public var userID: Int
    /// The person's name, as shown on progress tables.
    public var name: String
    /// The office they act for: "Phòng Tư pháp", "Văn phòng HĐND&UBND huyện".
    public var office: String

    public init(userID: Int, name: String, office: String) {
        self.userID = userID
        self.name = name
        self.office = office
    }

    /// "Nguyễn Văn A (Phòng Tư pháp)".
    var label: String { office.isEmpty ? name : "\(name) (\(office))" }
}

/// The council of a round: its members, which criteria each appraises, and its secretary. Each office
/// appraises the areas it manages (seed 000: Văn phòng HĐND&UBND, Phòng Tư pháp, Phòng Văn hóa và Thông
/// tin, Phòng Tài chính – Kế hoạch, with Phòng Nội vụ leading). Assignments are made per area, or per
/// criterion where one office appraises a criterion inside another's area; the nearest one applies.
/// One member per assignment, so for every criterion exactly one person answers for the appraisal.
public struct Council: Sendable, Equatable, Codable {
    public var members: [CouncilMember]
    /// Appraising member's user id by node code.
    public var assignments: [String: Int]
    /// The secretary (thư ký) follows progress by member and area; they need not be a member.
    public var secretaryUserIDs: Set<Int>

    public init(members: [CouncilMember], assignments: [String: Int], secretaryUserIDs: Set<Int> = []) {
        self.members = members
        self.assignments = assignments
        self.secretaryUserIDs = secretaryUserIDs
    }

    public func member(_ userID: Int) -> CouncilMember? { members.first { $0.userID == userID } }

    /// The member who appraises the criterion `code`, nil when nobody is assigned.
    public func appraiser(of code: String) -> CouncilMember? {
        CriterionCode.nearest(code, in: assignments).flatMap { member($0.value) }
    }

    public func isMember(_ userID: Int) -> Bool { member(userID) != nil }

    /// What stops the council from appraising the catalog: assignments to unknown codes or to people
    /// who are not members, a member listed twice, and scored leaves nobody appraises. Empty when ready.
    public func problems(for catalog: CatalogDefinition) -> [Message] {
        let criteria = AssessedCriteria(catalog)
        var problems: [Message] = []
        var seen: Set<Int> = []
        for member in members where !seen.insert(member.userID).inserted {
            problems.append(Message(.councilMemberTwice, ["member": member.label]))
        }
        for code in assignments.keys.sorted(by: CriterionCode.precedes) {
            if criteria.node(code) == nil {
                problems.append(Message(.councilUnknownCriterion, ["code": code]))
            } else if member(assignments[code]!) == nil {
                problems.append(Message(.councilAssigneeNotMember, ["code": code]))
            }
        }
        let unassigned = criteria.scoredLeaves.map(\.code).filter { appraiser(of: $0) == nil }
        if !unassigned.isEmpty {
            problems.append(Message(.councilUnassigned, ["codes": unassigned.joined(separator: ", ")]))
        }
        return problems
    }
}
