/// The signed-in person as the access rules see them. Not named `Actor`, which would shadow
/// Swift concurrency's `Actor` protocol in every file that imports this module.
public struct ActingUser: Sendable, Hashable {
    public var userID: Int
    public var role: Role
    /// The unit the user belongs to (a commune for officers and leaders, the district or province for reviewers).
    public var unitID: Int
    /// The positions the user currently holds in their unit.
    public var positionIDs: Set<Int>
    /// The units this user reviews: for a reviewer every unit below theirs (children, grandchildren).
    /// Honoured only for the reviewer role, so a leader given a stray set by mistake gains nothing.
    public var reviewedUnitIDs: Set<Int>
    /// Deactivated users keep their history but may do nothing.
    public var active: Bool

    public init(
        userID: Int, role: Role, unitID: Int, positionIDs: Set<Int> = [], reviewedUnitIDs: Set<Int> = [],
        active: Bool = true
    ) {
        self.userID = userID
        self.role = role
        self.unitID = unitID
        self.positionIDs = positionIDs
        self.reviewedUnitIDs = reviewedUnitIDs
        self.active = active
    }

    /// The units whose data this user reads as a reviewer (empty for every other role).
    var reviews: Set<Int> { role == .reviewer ? reviewedUnitIDs : [] }
}

/// Whose a task is: everything the access rules need to know about it.
public struct TaskScope: Sendable, Hashable {
    public var unitID: Int
    /// Positions that lead the task (chủ trì).
    public var leadPositionIDs: Set<Int>
    /// Positions that cooperate on it (phối hợp); their holders may update it too.
    public var cooperatingPositionIDs: Set<Int>
    /// A named person the leader assigned beyond the positions.
    public var assigneeID: Int?
    /// Titles of the lead positions ("Tư pháp – Hộ tịch"), only to say in a refusal whose task it is.
    public var leadPositionTitles: [String]

    public init(
        unitID: Int, leadPositionIDs: Set<Int> = [], cooperatingPositionIDs: Set<Int> = [], assigneeID: Int? = nil,
        leadPositionTitles: [String] = []
    ) {
        self.unitID = unitID
        self.leadPositionIDs = leadPositionIDs
        self.cooperatingPositionIDs = cooperatingPositionIDs
        self.assigneeID = assigneeID
        self.leadPositionTitles = leadPositionTitles
    }

    /// Whether `user` is one of the people the task is given to: a holder of a lead or cooperating
    /// position, or the named assignee.
    func isGiven(to user: ActingUser) -> Bool {
        !user.positionIDs.isDisjoint(with: leadPositionIDs)
            || !user.positionIDs.isDisjoint(with: cooperatingPositionIDs)
            || assigneeID == user.userID
    }
}

/// A position's periodic report: whose it is, and the title to name in a refusal.
public struct PositionReportScope: Sendable, Hashable {
    public var unitID: Int
    public var positionID: Int
    public var positionTitle: String

    public init(unitID: Int, positionID: Int, positionTitle: String) {
        self.unitID = unitID
        self.positionID = positionID
        self.positionTitle = positionTitle
    }
}
