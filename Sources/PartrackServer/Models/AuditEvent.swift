import Fluent
import Foundation

/// One line of the audit log: who did (or was refused) what, when, from where, with the state
/// before and after. Written in the same transaction as the change; never edited or deleted by
/// the application (no route updates or deletes this table).
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: Int?
    /// The actor's username at the time (users can be renamed; the log cannot).
    @Field(key: "actor_name") var actorName: String
    @Field(key: "address") var address: String
    /// e.g. "task.update", "evidence.upload", "period.lock".
    @Field(key: "action") var action: String
    /// "done" or "refused".
    @Field(key: "outcome") var outcome: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: Int?
    /// The unit the change belongs to, so reviewers read the log of their own units.
    @OptionalField(key: "unit_id") var unitID: Int?
    @Field(key: "before_json") var beforeJSON: String
    @Field(key: "after_json") var afterJSON: String
    @Field(key: "reason") var reason: String

    init() {}
}
