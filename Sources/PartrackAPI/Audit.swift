import Foundation

/// One line of the audit log. `before` and `after` are the changed thing as JSON text.
public struct AuditEventDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var at: Date
    public var actorID: Int?
    public var actorName: String
    public var address: String
    public var action: String
    /// done | refused
    public var outcome: String
    public var entity: String
    public var entityID: Int?
    public var unitID: Int?
    public var before: String
    public var after: String
    public var reason: String

    public init(
        id: Int, at: Date, actorID: Int?, actorName: String, address: String, action: String, outcome: String,
        entity: String, entityID: Int?, unitID: Int?, before: String, after: String, reason: String
    ) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.actorName = actorName
        self.address = address
        self.action = action
        self.outcome = outcome
        self.entity = entity
        self.entityID = entityID
        self.unitID = unitID
        self.before = before
        self.after = after
        self.reason = reason
    }
}
