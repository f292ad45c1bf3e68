import Foundation
import PartrackDomain
import SQLKit

/// What a district's or province's compliance and projections read about its units, plans,
/// periods and reports, as plain rows: a province is 200 communes, 800 periods and a thousand
/// positions per request, too many to build as Fluent models (see `PlainRow`).
enum OversightRows {
    struct Unit: PlainRow {
        let id: Int
        let parentID: Int?
        let name: String
        let level: UnitLevel

        init(row: PlainColumns) throws {
            id = try row.int("id")
            parentID = try row.optionalInt("parent_id")
            name = try row.string("name")
            level = try row.value("level", as: UnitLevel.self)
        }
    }

    /// A plan as the oversight figures need it: whose, on which catalog, and its officers' lead time.
    struct PlanRef: PlainRow, Hashable {
        let id: Int
        let unitID: Int
        let catalogID: Int
        let internalLeadDays: Int

        init(id: Int, unitID: Int, catalogID: Int, internalLeadDays: Int) {
            self.id = id
            self.unitID = unitID
            self.catalogID = catalogID
            self.internalLeadDays = internalLeadDays
        }

        init(row: PlainColumns) throws {
            self.init(
                id: try row.int("id"), unitID: try row.int("unit_id"), catalogID: try row.int("catalog_id"),
                internalLeadDays: try row.int("internal_lead_days"))
        }
    }

    struct Period: PlainRow {
        let id: Int
        let planID: Int
        let spec: ReportPeriodSpec

        init(row: PlainColumns) throws {
            id = try row.int("id")
            planID = try row.int("plan_id")
            spec = ReportPeriodSpec(
                kind: try row.value("kind", as: PeriodKind.self), cutOff: try row.day("cut_off"),
                due: try row.day("due_date"))
        }
    }

    struct SubmittedReport: PlainRow {
        let periodID: Int
        let unitID: Int
        let scopeKey: String
        let submittedAt: Date

        init(row: PlainColumns) throws {
            periodID = try row.int("period_id")
            unitID = try row.int("unit_id")
            scopeKey = try row.string("scope_key")
            submittedAt = try row.date("submitted_at")
        }
    }

    /// Every unit, or only the children of `parentID`.
    static func units(childrenOf parentID: Int? = nil, on sql: any SQLDatabase) async throws -> [Unit] {
        let query = sql.select().columns("id", "parent_id", "name", "level").from(OrgUnit.schema).orderBy("id")
        if let parentID { query.where("parent_id", .equal, parentID) }
        return try await query.all(reading: Unit.self)
    }

    /// The adopted plans (not drafts) of these units for a year.
    static func plans(of unitIDs: some Collection<Int>, year: Int, on sql: any SQLDatabase) async throws -> [PlanRef] {
        guard !unitIDs.isEmpty else { return [] }
        return try await sql.select().columns("id", "unit_id", "catalog_id", "internal_lead_days").from(Plan.schema)
            .where("unit_id", .in, Array(unitIDs)).where("year", .equal, year)
            .where("state", .notEqual, Plan.State.draft.rawValue).orderBy("id")
            .all(reading: PlanRef.self)
    }

    static func periods(of planIDs: [Int], on sql: any SQLDatabase) async throws -> [Period] {
        guard !planIDs.isEmpty else { return [] }
        return try await sql.select().columns("id", "plan_id", "kind", "cut_off", "due_date").from(ReportPeriod.schema)
            .where("plan_id", .in, planIDs).orderBy("id").all(reading: Period.self)
    }

    /// The submitted reports of these periods; only the units' own when `unitsOnly`.
    static func submittedReports(
        of periodIDs: [Int], unitsOnly: Bool = false, on sql: any SQLDatabase
    ) async throws -> [SubmittedReport] {
        guard !periodIDs.isEmpty else { return [] }
        let query = sql.select().columns("period_id", "unit_id", "scope_key", "submitted_at").from(PeriodReport.schema)
            .where("period_id", .in, periodIDs).where("submitted_at", .isNot, SQLLiteral.null)
        if unitsOnly { query.where("scope_key", .equal, "unit") }
        return try await query.all(reading: SubmittedReport.self)
    }
}
