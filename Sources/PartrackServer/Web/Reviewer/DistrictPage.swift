import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// The district's (or province's) page: who reported on time, late or not at all in each period,
/// and every commune's task completion and projected score, sortable, with drill-down.
enum DistrictPage {
    struct Cell: Encodable {
        let status: String
        let label: String
        let positions: String
    }

    struct MatrixRow: Encodable {
        let name: String
        let href: String
        let cells: [Cell]
    }

    struct Column: Encodable {
        let kind: String
        let name: String
        let due: String
        let onTime: Int
        let late: Int
        let missing: Int
        let lockAction: String
        let locked: Bool
    }

    struct TableRow: Encodable {
        let name: String
        let href: String
        let completion: String
        let onTimeRate: String
        let projected: String
        let percent: String
        let className: String
        let rank: String
    }

    struct SortLink: Encodable {
        let key: String
        let label: String
        let href: String
        let current: Bool
    }

    struct PageLink: Encodable {
        let number: Int
        let href: String
        let current: Bool
    }

    struct Context: Encodable {
        let chrome: Chrome
        let unitName: String
        let year: Int
        let columns: [Column]
        let matrix: [MatrixRow]
        let table: [TableRow]
        let sorts: [SortLink]
        /// Which communes are shown and links to the other pages; no links when all fit on one.
        let paged: Bool
        let shownNote: String
        let pages: [PageLink]
        let mayLock: Bool
        let complianceCSV: String
        let projectionCSV: String
        let printHref: String
    }

    static let sortKeys = ["projected", "name", "completion", "on_time"]
    /// A province's 200 communes on one page were 170 KB of HTML, too much for a phone on a rural
    /// connection; the exports and the print keep every commune.
    static let communesPerPage = 50

    @Sendable static func show(_ request: Request) async throws -> View {
        let unitID = try request.id("unitID", of: "unit")
        try await request.authorize(
            .viewCompliance(unitID: unitID), audit: "district.view", entity: "unit", entityID: unitID, unitID: unitID)
        guard let unit = try await OrgUnit.find(unitID, on: request.db) else {
            throw PartrackError.notFound("unit", id: "\(unitID)")
        }
        let view = try await DistrictView.load(unitID: unitID, year: try year(request), request: request)
        let sort = request.query.string("sort").flatMap { sortKeys.contains($0) ? $0 : nil } ?? "projected"
        let base = Pages.district.link(unitID) + "?year=\(view.year)"
        let pageCount = max(1, (view.communes.count + communesPerPage - 1) / communesPerPage)
        let page = min(try request.query.positiveInt("page") ?? 1, pageCount)
        let shown = (page - 1) * communesPerPage..<min(page * communesPerPage, view.communes.count)
        let table = view.table(sortedBy: sort, request)
        return try await request.view.render(
            "district",
            Context(
                chrome: Chrome(request), unitName: unit.name, year: view.year, columns: view.columns(request),
                matrix: view.matrix(request, shown: shown), table: Array(table[shown.clamped(to: table.indices)]),
                sorts: sortKeys.map {
                    SortLink(
                        key: $0, label: request.localized("district.sort.\($0)"), href: base + "&sort=\($0)",
                        current: $0 == sort)
                },
                paged: pageCount > 1,
                shownNote: request.localized(
                    "district.shown",
                    [
                        "from": "\(shown.isEmpty ? 0 : shown.lowerBound + 1)", "to": "\(shown.upperBound)",
                        "total": "\(view.communes.count)",
                    ]),
                pages: (1...pageCount).map {
                    PageLink(number: $0, href: base + "&sort=\(sort)&page=\($0)", current: $0 == page)
                },
                mayLock: request.allows(.lockPeriod(unitID: view.communes.first?.unitID ?? unitID)),
                complianceCSV: Pages.districtCompliance.link(unitID) + "?year=\(view.year)",
                projectionCSV: Pages.districtProjection.link(unitID) + "?year=\(view.year)",
                printHref: Pages.districtPrint.link(unitID) + "?year=\(view.year)"))
    }

    static func year(_ request: Request) throws -> Int {
        try request.query.positiveInt("year") ?? request.partrack.clock.day(of: request.partrack.now()).year
    }
}
