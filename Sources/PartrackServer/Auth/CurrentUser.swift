import Fluent
import PartrackDomain
import SQLKit
import Vapor

/// The signed-in person with what the access policy needs: role, unit, held positions, and the
/// units they review. Loaded once per request by an authenticator.
struct CurrentUser: Authenticatable, Sendable {
    let id: Int
    let username: String
    let displayName: String
    let role: Role
    let unitID: Int
    let positionIDs: Set<Int>
    /// Every unit below the user's own (for reviewers and admins); empty for others.
    let reviewedUnitIDs: Set<Int>
    let active: Bool

    var acting: ActingUser {
        ActingUser(
            userID: id, role: role, unitID: unitID, positionIDs: positionIDs, reviewedUnitIDs: reviewedUnitIDs,
            active: active)
    }

    static func load(userID: Int, on db: any Database) async throws -> CurrentUser? {
        guard let user = try await User.find(userID, on: db) else { return nil }
        let holdings = try await PositionHolder.query(on: db).filter(\.$user.$id == userID).all()
        var reviewed: Set<Int> = []
        if user.role == .reviewer || user.role == .admin {
            reviewed = try await UnitTree.load(on: db).descendants(of: user.$unit.id)
        }
        return CurrentUser(
            id: userID, username: user.username, displayName: user.displayName, role: user.role,
            unitID: user.$unit.id, positionIDs: Set(holdings.map { $0.$position.id }), reviewedUnitIDs: reviewed,
            active: user.active)
    }
}

/// Units by parent, for walking down from a reviewer's unit.
struct UnitTree {
    let childrenByParent: [Int: [Int]]

    init(_ units: [OversightRows.Unit]) {
        var children: [Int: [Int]] = [:]
        for unit in units {
            if let parent = unit.parentID { children[parent, default: []].append(unit.id) }
        }
        childrenByParent = children
    }

    static func load(on db: any Database) async throws -> UnitTree {
        UnitTree(try await OversightRows.units(on: db as! any SQLDatabase))
    }

    /// Children, grandchildren and so on (not the unit itself).
    func descendants(of unitID: Int) -> Set<Int> {
        var found: Set<Int> = []
        var queue = childrenByParent[unitID] ?? []
        while let next = queue.popLast() {
            if found.insert(next).inserted { queue += childrenByParent[next] ?? [] }
        }
        return found
    }
}
