import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

enum CatalogsAPI {
    /// GET /api/v1/catalogs?year=2023&level=commune
    @Sendable static func list(_ request: Request) async throws -> PageDTO<CatalogSummaryDTO> {
        let query = Catalog.query(on: request.db).sort(\.$year, .descending).sort(\.$id)
        if let year = try request.query.positiveInt("year") { query.filter(\.$year == year) }
        if let level = request.query.string("level") {
            guard let parsed = UnitLevel(rawValue: level) else { throw PartrackError.badQuery("level", value: level) }
            query.filter(\.$level == parsed)
        }
        return try await PageRequest(request).fetch(query) { catalogs in
            var summaries: [CatalogSummaryDTO] = []
            for catalog in catalogs {
                let areas = try await CatalogNode.query(on: request.db).filter(\.$catalog.$id == catalog.requireID())
                    .filter(\.$parent.$id == nil).all()
                let maximum = areas.reduce(Points.zero) { $0 + Points(hundredths: $1.maxHundredths) }
                summaries.append(try catalog.summaryDTO(maximum: maximum))
            }
            return summaries
        }
    }

    /// GET /api/v1/catalogs/:catalogID — the whole tree.
    @Sendable static func show(_ request: Request) async throws -> CatalogDTO {
        let id = try request.id("catalogID", of: "catalog")
        guard let catalog = try await Catalog.find(id, on: request.db) else {
            throw PartrackError.notFound("catalog", id: "\(id)")
        }
        let nodes = try await CatalogNode.query(on: request.db).filter(\.$catalog.$id == id).sort(\.$sortOrder).all()
        let classes = try await CatalogClass.query(on: request.db).filter(\.$catalog.$id == id).sort(\.$sortOrder).all()
        let children = Dictionary(grouping: nodes) { $0.$parent.id }
        func dto(_ node: CatalogNode) -> CatalogNodeDTO {
            CatalogNodeDTO(
                id: node.id ?? 0, code: node.code, title: node.title,
                maxPoints: Points(hundredths: node.maxHundredths).value, measure: node.measure.rawValue,
                children: (children[node.id] ?? []).map(dto))
        }
        let areas = (children[nil] ?? []).map(dto)
        let maximum = (children[nil] ?? []).reduce(Points.zero) { $0 + Points(hundredths: $1.maxHundredths) }
        return CatalogDTO(
            summary: try catalog.summaryDTO(maximum: maximum),
            lateCredit: Double(catalog.lateCreditPercent) / 100,
            classes: classes.map {
                ClassThresholdDTO(name: $0.name, minPercent: Double($0.minPercentHundredths) / 100)
            },
            areas: areas)
    }
}

extension Catalog {
    func summaryDTO(maximum: Points) throws -> CatalogSummaryDTO {
        CatalogSummaryDTO(
            id: try requireID(), name: name, year: year, level: level.rawValue, decision: decision, isSample: isSample,
            maxPoints: maximum.value)
    }
}
