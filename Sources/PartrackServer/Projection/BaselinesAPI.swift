import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// Last year's appraised scores, recorded per criterion by a unit's leader or an admin.
enum BaselinesAPI {
    /// PUT /api/v1/baselines — record (or correct) one criterion's baseline.
    @Sendable static func record(_ request: Request) async throws -> BaselineDTO {
        try await save(try request.content.decode(BaselineRequest.self), request: request)
    }

    /// Records one baseline; the API and the baselines page alike.
    static func save(_ body: BaselineRequest, request: Request) async throws -> BaselineDTO {
        let user = try request.currentUser
        guard user.role == .admin || AccessPolicy.mayDirect(user.acting, unitID: body.unitID) else {
            let reason = Message("projection.baseline_not_allowed")
            try await Audit.record(
                "baseline.record", entity: "unit", entityID: body.unitID, unitID: body.unitID,
                reason: request.localized(reason), outcome: .refused, by: request, on: request.db)
            throw PartrackError(status: .forbidden, code: reason.key, message: reason)
        }
        guard let catalog = try await Catalog.find(body.catalogID, on: request.db) else {
            throw PartrackError.notFound("catalog", id: "\(body.catalogID)")
        }
        let leaf = try await CatalogStore.load(catalog, on: request.db).allNodes.first { $0.code == body.code }
        guard let leaf, leaf.isLeaf else {
            throw PartrackError(
                status: .unprocessableEntity, code: "projection.baseline_unknown_criterion",
                message: Message("projection.baseline_unknown_criterion", ["code": body.code]))
        }
        guard let points = Points(parsing: body.points), points >= .zero, points <= leaf.maxPoints else {
            throw PartrackError(
                status: .unprocessableEntity, code: "projection.baseline_out_of_range",
                message: Message(
                    "projection.baseline_out_of_range",
                    ["code": body.code, "value": body.points, "max": leaf.maxPoints.vietnamese]))
        }
        let existing = try await Baseline.query(on: request.db).filter(\.$unit.$id == body.unitID)
            .filter(\.$catalog.$id == body.catalogID).filter(\.$nodeCode == body.code).first()
        let baseline = existing ?? Baseline()
        let before = existing.map {
            ["points": Points(hundredths: $0.pointsHundredths).description, "source": $0.source]
        }
        baseline.$unit.id = body.unitID
        baseline.$catalog.id = body.catalogID
        baseline.nodeCode = body.code
        baseline.pointsHundredths = points.hundredths
        baseline.source = body.source
        baseline.$recordedBy.id = user.id
        baseline.recordedAt = request.partrack.now()
        try await request.db.transaction { db in
            try await baseline.save(on: db)
            try await Audit.record(
                "baseline.record", entity: "baseline", entityID: baseline.id, unitID: body.unitID, before: before,
                after: ["code": body.code, "points": points.description, "source": body.source], by: request, on: db)
        }
        return baseline.dto
    }

    /// GET /api/v1/baselines?unit=&catalog=
    @Sendable static func list(_ request: Request) async throws -> [BaselineDTO] {
        let user = try request.currentUser
        let unitID = try request.query.positiveInt("unit") ?? user.unitID
        try await request.authorize(
            .viewReports(unitID: unitID), audit: "baseline.view", entity: "unit", entityID: unitID, unitID: unitID)
        let query = Baseline.query(on: request.db).filter(\.$unit.$id == unitID).sort(\.$nodeCode)
        if let catalog = try request.query.positiveInt("catalog") { query.filter(\.$catalog.$id == catalog) }
        return try await query.all().map(\.dto)
    }
}

extension Baseline {
    var dto: BaselineDTO {
        BaselineDTO(
            unitID: $unit.id, catalogID: $catalog.id, code: nodeCode, points: Points(hundredths: pointsHundredths),
            source: source, recordedAt: recordedAt)
    }
}
