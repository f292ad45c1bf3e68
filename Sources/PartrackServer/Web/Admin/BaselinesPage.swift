import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// Last year's appraised scores of a unit, one criterion per row: for the unit's leader or an admin.
enum BaselinesPage {
    struct Row: Encodable {
        let code: String
        let title: String
        let maximum: String
        let points: String
        let source: String
    }

    struct Context: Encodable {
        let chrome: Chrome
        let unitName: String
        let unitID: Int
        let catalogID: Int
        let catalogName: String
        let rows: [Row]
        let action: String
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let (unit, plan) = try await PlanChoice.resolve(request)
        let catalog = try await requireValue(Catalog.find(plan.$catalog.id, on: request.db))
        let definition = try await CatalogStore.load(catalog, on: request.db)
        let recorded = try await Baseline.query(on: request.db).filter(\.$unit.$id == unit.requireID())
            .filter(\.$catalog.$id == catalog.requireID()).all()
        let byCode = Dictionary(recorded.map { ($0.nodeCode, $0) }, uniquingKeysWith: { a, _ in a })
        return try await request.view.render(
            "baselines",
            Context(
                chrome: Chrome(request), unitName: unit.name, unitID: try unit.requireID(),
                catalogID: try catalog.requireID(), catalogName: catalog.name,
                rows: definition.allNodes.filter { $0.isLeaf && $0.measure != .reportCompliance }.map {
                    Row(
                        code: $0.code, title: $0.title, maximum: $0.maxPoints.vietnamese,
                        points: byCode[$0.code].map { Points(hundredths: $0.pointsHundredths).vietnamese } ?? "",
                        source: byCode[$0.code]?.source ?? "")
                },
                action: Pages.baselines.link() + "?unit=\(try unit.requireID())"))
    }

    @Sendable static func save(_ request: Request) async throws -> Response {
        let body = try request.content.decode(BaselineRequest.self)
        do {
            _ = try await BaselinesAPI.save(body, request: request)
            request.notice(Message("admin.baseline_saved", ["code": body.code]))
        } catch let error as any UserFacingError {
            request.notice(error.message, error: true)
        }
        return request.redirect(to: Pages.baselines.link() + "?unit=\(body.unitID)")
    }
}
