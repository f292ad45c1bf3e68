import Fluent
import PartrackDomain
import PartrackFiles
import Vapor

/// Catalogs: load a province's YAML (every problem listed with file, line and node; nothing stored
/// when any), view a tree.
enum AdminCatalogsPage {
    struct CatalogLine: Encodable {
        let name: String
        let year: Int
        let level: String
        let sample: Bool
        let href: String
    }

    struct Context: Encodable {
        let chrome: Chrome
        let catalogs: [CatalogLine]
        let problems: [String]
    }

    @Sendable static func list(_ request: Request) async throws -> View {
        try await page(request, problems: [])
    }

    static func page(_ request: Request, problems: [String]) async throws -> View {
        let catalogs = try await Catalog.query(on: request.db).sort(\.$year, .descending).all()
        return try await request.view.render(
            "admin-catalogs",
            Context(
                chrome: Chrome(request),
                catalogs: catalogs.map {
                    CatalogLine(
                        name: $0.name, year: $0.year, level: request.localized($0.level.nameKey), sample: $0.isSample,
                        href: Pages.adminCatalog.link($0.id ?? 0))
                }, problems: problems))
    }

    struct UploadForm: Content {
        let file: File
    }

    @Sendable static func upload(_ request: Request) async throws -> Response {
        let form = try request.content.decode(UploadForm.self)
        do {
            let definition = try CatalogFile.parse(Data(form.file.data.readableBytesView), file: form.file.filename)
            let catalog = try await CatalogStore.save(definition, on: request.db)
            try await Audit.record(
                "catalog.load", entity: "catalog", entityID: catalog.id, unitID: nil,
                after: ["name": definition.name, "year": "\(definition.year)"], by: request, on: request.db)
            request.notice(Message("admin.catalog_loaded", ["name": definition.name]))
            return request.redirect(to: Pages.adminCatalog.link(try catalog.requireID()))
        } catch let invalid as CatalogInvalid {
            return try await page(request, problems: invalid.problems.map { request.localized($0.message) })
                .encodeResponse(status: .unprocessableEntity, for: request)
        } catch let error as PartrackError {
            return try await page(request, problems: [request.localized(error.message)])
                .encodeResponse(status: error.status, for: request)
        }
    }

    struct NodeLine: Encodable {
        let code: String
        let title: String
        let points: String
        let depth: Int
        let measure: String
    }

    struct TreeContext: Encodable {
        let chrome: Chrome
        let name: String
        let decision: String
        let sample: Bool
        let maximum: String
        let classes: [String]
        let nodes: [NodeLine]
    }

    @Sendable static func tree(_ request: Request) async throws -> View {
        let id = try request.id("catalogID", of: "catalog")
        guard let catalog = try await Catalog.find(id, on: request.db) else {
            throw PartrackError.notFound("catalog", id: "\(id)")
        }
        let definition = try await CatalogStore.load(catalog, on: request.db)
        return try await request.view.render(
            "admin-catalog",
            TreeContext(
                chrome: Chrome(request), name: definition.name, decision: definition.decision,
                sample: definition.isSample, maximum: definition.maximum.vietnamese,
                classes: definition.classes.map {
                    "\($0.name) ≥ \(Points(hundredths: $0.minPercentHundredths).vietnamese)%"
                },
                nodes: definition.allNodes.map {
                    NodeLine(
                        code: $0.code, title: $0.title, points: $0.maxPoints.vietnamese, depth: $0.depth,
                        measure: $0.measure == .tasks ? "" : request.localized("catalog.measure.\($0.measure.rawValue)")
                    )
                }))
    }
}
