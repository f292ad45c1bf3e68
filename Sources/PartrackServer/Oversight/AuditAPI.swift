import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// Reading the audit log: reviewers for the units they review, admins for all. There is no route
/// that changes or deletes an event.
enum AuditAPI {
    /// GET /api/v1/audit?unit=ID&action=task.update&page=&per=
    @Sendable static func list(_ request: Request) async throws -> PageDTO<AuditEventDTO> {
        let query = try await scopedQuery(request)
        return try await PageRequest(request).fetch(query) { $0.map(\.dto) }
    }

    /// GET /api/v1/audit.csv?unit=ID — the same, as CSV for Excel.
    @Sendable static func csv(_ request: Request) async throws -> Response {
        let events = try await scopedQuery(request).limit(100_000).all()
        let clock = request.partrack.clock
        let header = [
            "audit.csv.at", "audit.csv.actor", "audit.csv.address", "audit.csv.action", "audit.csv.outcome",
            "audit.csv.entity", "audit.csv.entity_id", "audit.csv.unit_id", "audit.csv.before", "audit.csv.after",
            "audit.csv.reason",
        ].map { request.localized($0) }
        let rows =
            [header]
            + events.map { event in
                [
                    clock.formatDateTime(event.at), event.actorName, event.address, event.action, event.outcome,
                    event.entity,
                    event.entityID.map(String.init) ?? "", event.unitID.map(String.init) ?? "", event.beforeJSON,
                    event.afterJSON, event.reason,
                ]
            }
        return CSVResponse.make(rows, filename: "nhat-ky.csv")
    }

    static func scopedQuery(_ request: Request) async throws -> QueryBuilder<AuditEvent> {
        let user = try request.currentUser
        let unitID = try request.query.positiveInt("unit") ?? user.unitID
        try await request.authorize(
            .viewAuditLog(unitID: unitID), audit: "audit.view", entity: "unit", entityID: unitID, unitID: unitID)
        let askedUnit = try request.query.positiveInt("unit")
        let everywhere = user.role == .admin && askedUnit == nil
        let units =
            everywhere
            ? nil
            : Array(try await UnitTree.load(on: request.db).descendants(of: unitID).union([unitID]))
        let query = AuditEvent.query(on: request.db).sort(\.$at, .descending).sort(\.$id, .descending)
        if let units { query.filter(\.$unitID ~~ units) }
        if let action = request.query.string("action") { query.filter(\.$action == action) }
        return query
    }
}

extension AuditEvent {
    var dto: AuditEventDTO {
        AuditEventDTO(
            id: id ?? 0, at: at, actorID: actorID, actorName: actorName, address: address, action: action,
            outcome: outcome, entity: entity, entityID: entityID, unitID: unitID, before: beforeJSON, after: afterJSON,
            reason: reason)
    }
}
