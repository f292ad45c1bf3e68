import Fluent
import PartrackDomain
import SQLKit
import Vapor

/// Gathers the facts compliance is computed from, for a unit and everything below it, in a fixed
/// number of queries however many communes there are, read as plain rows (see `OversightRows`).
enum ComplianceFactsQuery {
    private struct TaskRow: PlainRow {
        let planID: Int
        let facts: ComplianceTaskFacts?

        init(row: PlainColumns) throws {
            planID = try row.int("plan_id")
            // A state this version does not know is left out, as the projection does.
            facts = try TaskState(rawValue: try row.string("state")).map {
                ComplianceTaskFacts(
                    state: $0, due: try row.optionalDay("due_date"), completedAt: try row.optionalDate("completed_at"))
            }
        }
    }

    private struct PositionRow: PlainRow {
        let id: Int
        let unitID: Int
        let title: String

        init(row: PlainColumns) throws {
            id = try row.int("id")
            unitID = try row.int("unit_id")
            title = try row.string("title")
        }
    }

    static func facts(under rootID: Int, year: Int, on db: any Database) async throws -> [UnitFacts] {
        let sql = db as! any SQLDatabase
        let units = try await OversightRows.units(on: sql)
        let tree = UnitTree(units)
        let unitIDs = tree.descendants(of: rootID).union([rootID])
        let inTree = units.filter { unitIDs.contains($0.id) }

        // One plan per unit and year; should there be two, the newest (read last) counts.
        let planByUnit = Dictionary(
            try await OversightRows.plans(of: unitIDs, year: year, on: sql).map { ($0.unitID, $0) },
            uniquingKeysWith: { _, newer in newer })
        let planIDs = planByUnit.values.map(\.id)
        let periods = try await OversightRows.periods(of: planIDs, on: sql)
        let periodsByPlan = Dictionary(grouping: periods, by: \.planID)
        let kindByPeriod = Dictionary(uniqueKeysWithValues: periods.map { ($0.id, $0.spec.kind) })
        // Grouped once: filtering every report for each of 200 communes was the page's slowest part.
        let reportsByUnit = Dictionary(
            grouping: try await OversightRows.submittedReports(of: periods.map(\.id), on: sql), by: \.unitID)
        let positionsByUnit = Dictionary(
            grouping: try await sql.select().columns("id", "unit_id", "title").from(Position.schema)
                .where("unit_id", .in, Array(unitIDs)).orderBy("id").all(reading: PositionRow.self),
            by: \.unitID)
        let tasksByPlan = Dictionary(
            grouping: planIDs.isEmpty
                ? []
                : try await sql.select().columns("plan_id", "state", "due_date", "completed_at").from(PlanTask.schema)
                    .where("plan_id", .in, planIDs).all(reading: TaskRow.self),
            by: \.planID)

        return inTree.map { unit in
            let plan = planByUnit[unit.id]
            let planID = plan?.id ?? -1
            let unitReports = reportsByUnit[unit.id] ?? []
            func submitted(_ scope: String) -> [PeriodKind: Date] {
                var result: [PeriodKind: Date] = [:]
                for report in unitReports where report.scopeKey == scope {
                    if let kind = kindByPeriod[report.periodID] { result[kind] = report.submittedAt }
                }
                return result
            }
            return UnitFacts(
                unitID: unit.id, parentID: unit.id == rootID ? nil : unit.parentID, name: unit.name, level: unit.level,
                schedule: (periodsByPlan[planID] ?? []).map(\.spec), internalLeadDays: plan?.internalLeadDays ?? 0,
                submittedAt: submitted("unit"),
                positions: plan == nil
                    ? []
                    : (positionsByUnit[unit.id] ?? []).map {
                        PositionFacts(id: $0.id, title: $0.title, submittedAt: submitted("position:\($0.id)"))
                    },
                tasks: (tasksByPlan[planID] ?? []).compactMap(\.facts))
        }
    }
}
