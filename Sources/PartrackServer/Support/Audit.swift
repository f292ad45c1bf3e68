import Fluent
import Foundation
import Vapor

/// Writes the audit log. Changes are recorded on the database handle of their own transaction,
/// so the event and the change commit or roll back together; refusals are recorded on their own.
enum Audit {
    enum Outcome: String { case done, refused }

    static func record(
        _ action: String, entity: String, entityID: Int?, unitID: Int?, before: (any Encodable)? = nil,
        after: (any Encodable)? = nil, reason: String = "", outcome: Outcome = .done, by request: Request,
        on db: any Database
    ) async throws {
        let user = request.auth.get(CurrentUser.self)
        let event = AuditEvent()
        event.at = request.partrack.now()
        event.actorID = user?.id
        event.actorName = user?.username ?? "—"
        event.address = request.remoteAddress?.ipAddress ?? ""
        event.action = action
        event.outcome = outcome.rawValue
        event.entity = entity
        event.entityID = entityID
        event.unitID = unitID
        event.beforeJSON = try json(before)
        event.afterJSON = try json(after)
        event.reason = reason
        try await event.create(on: db)
    }

    private static func json(_ value: (any Encodable)?) throws -> String {
        guard let value else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
