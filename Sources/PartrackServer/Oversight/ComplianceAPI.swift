import Fluent
import PartrackDomain
import Vapor

enum ComplianceAPI {
    /// GET /api/v1/compliance?unit=ID&period=Q1&year=2023 — who reported on time, late or not at
    /// all, and task completion, for the unit and everything below it. Defaults: the caller's unit,
    /// the current period, the current year (Vietnam time).
    @Sendable static func show(_ request: Request) async throws -> ComplianceReport {
        let query = try ComplianceQuery(request)
        try await request.authorize(
            .viewCompliance(unitID: query.unitID), audit: "compliance.view", entity: "unit", entityID: query.unitID,
            unitID: query.unitID)
        let facts = try await ComplianceFactsQuery.facts(under: query.unitID, year: query.year, on: request.db)
        return Compliance.compute(
            for: facts, period: query.period, asOf: request.partrack.now(), clock: request.partrack.clock)
    }

    /// GET /api/v1/compliance.csv?unit=ID&year=2023 — the matrix of units × periods, for Excel
    /// (UTF-8 with a byte-order mark so Vietnamese shows right).
    @Sendable static func csv(_ request: Request) async throws -> Response {
        let query = try ComplianceQuery(request)
        try await request.authorize(
            .viewCompliance(unitID: query.unitID), audit: "compliance.export", entity: "unit", entityID: query.unitID,
            unitID: query.unitID)
        let facts = try await ComplianceFactsQuery.facts(under: query.unitID, year: query.year, on: request.db)
        let now = request.partrack.now()
        let reports = PeriodKind.allCases.map {
            Compliance.compute(for: facts, period: $0, asOf: now, clock: request.partrack.clock)
        }
        let rows = ComplianceMatrix.rows(reports, catalog: request.strings, clock: request.partrack.clock)
        return CSVResponse.make(rows, filename: "tuan-thu-bao-cao-\(query.year).csv")
    }
}

/// The parameters of a compliance request, with the caller's defaults.
struct ComplianceQuery {
    let unitID: Int
    let year: Int
    let period: PeriodKind

    init(_ request: Request) throws {
        let user = try request.currentUser
        unitID = try request.query.positiveInt("unit") ?? user.unitID
        let today = request.partrack.clock.day(of: request.partrack.now())
        year = try request.query.positiveInt("year") ?? today.year
        if let text = request.query.string("period") {
            guard let kind = PeriodKind(rawValue: text) else { throw PartrackError.badQuery("period", value: text) }
            period = kind
        } else {
            period =
                ReportingCalendar.current(in: ReportingCalendar.defaultPeriods(year: year), on: today)?.kind ?? .year
        }
    }
}

/// A CSV download: UTF-8 with BOM, text that starts like a formula neutralised.
enum CSVResponse {
    static func make(_ rows: [[String]], filename: String) -> Response {
        let response = Response(
            status: .ok, body: .init(data: CSVWriter.document(rows: rows, bom: true, guardFormulas: true)))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return response
    }
}
