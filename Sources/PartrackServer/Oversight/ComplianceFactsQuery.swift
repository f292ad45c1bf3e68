import Fluent
import PartrackDomain
import SQLKit
import Vapor

/// Gathers the facts compliance is computed from, for a unit and everything below it, in a fixed
/// number of queries however many communes there are. Tasks are read through SQLKit into plain
/// rows: building thousands of Fluent models would cost more than the computation itself.
enum ComplianceFactsQuery {
    struct TaskRow: Decodable {
        let plan_id: Int
        let state: String
        let due_date: String?
        let completed_at: Date?
    }

    static func facts(under rootID: Int, year: Int, on db: any Database) async throws -> [UnitFacts] {
        let units = try await OrgUnit.query(on: db).all()
        let tree = UnitTree(
            childrenByParent: Dictionary(grouping: units.filter { $0.$parent.id != nil }) {
                $0.$parent.id!
            }.mapValues { $0.compactMap(\.id) })
        let unitIDs = tree.descendants(of: rootID).union([rootID])
        let inTree = units.filter { unitIDs.contains($0.id ?? 0) }

        let plans = try await Plan.query(on: db).filter(\.$unit.$id ~~ Array(unitIDs)).filter(\.$year == year)
            .filter(\.$state != .draft).all()
        // One plan per unit and year; should there be two, the newest counts.
        let planByUnit = Dictionary(
            plans.map { ($0.$unit.id, $0) }, uniquingKeysWith: { a, b in (a.id ?? 0) > (b.id ?? 0) ? a : b })
        let planIDs = planByUnit.values.compactMap(\.id)
        let periods = try await ReportPeriod.query(on: db).filter(\.$plan.$id ~~ planIDs).all()
        let periodsByPlan = Dictionary(grouping: periods) { $0.$plan.id }
        let kindByPeriod = Dictionary(uniqueKeysWithValues: periods.map { ($0.id ?? 0, $0.kind) })
        let reports = try await PeriodReport.query(on: db).filter(\.$period.$id ~~ periods.compactMap(\.id))
            .filter(\.$submittedAt != nil).all()
        // Grouped once: filtering every report for each of 200 communes was the page's slowest part.
        let reportsByUnit = Dictionary(grouping: reports) { $0.$unit.id }
        let positions = try await Position.query(on: db).filter(\.$unit.$id ~~ Array(unitIDs)).sort(\.$id).all()
        let positionsByUnit = Dictionary(grouping: positions) { $0.$unit.id }

        let sql = db as! any SQLDatabase
        let taskRows =
            planIDs.isEmpty
            ? []
            : try await sql.select()
                .columns("plan_id", "state", "due_date", "completed_at").from(PlanTask.schema)
                .where("plan_id", .in, planIDs).all(decoding: TaskRow.self)
        let tasksByPlan = Dictionary(grouping: taskRows, by: \.plan_id)

        return inTree.map { unit in
            let unitID = unit.id ?? 0
            let plan = planByUnit[unitID]
            let planID = plan?.id ?? -1
            let unitReports = reportsByUnit[unitID] ?? []
            func submitted(_ scope: String) -> [PeriodKind: Date] {
                var result: [PeriodKind: Date] = [:]
                for report in unitReports where report.scopeKey == scope {
                    if let kind = kindByPeriod[report.$period.id], let at = report.submittedAt { result[kind] = at }
                }
                return result
            }
            return UnitFacts(
                unitID: unitID, parentID: unitID == rootID ? nil : unit.$parent.id, name: unit.name, level: unit.level,
                schedule: (periodsByPlan[planID] ?? []).map(\.spec), internalLeadDays: plan?.internalLeadDays ?? 0,
                submittedAt: submitted("unit"),
                positions: plan == nil
                    ? []
                    : (positionsByUnit[unitID] ?? []).map {
                        PositionFacts(id: $0.id ?? 0, title: $0.title, submittedAt: submitted("position:\($0.id ?? 0)"))
                    },
                tasks: (tasksByPlan[planID] ?? []).compactMap { row in
                    guard let state = TaskState(rawValue: row.state) else { return nil }
                    return ComplianceTaskFacts(
                        state: state, due: row.due_date.flatMap { LocalDate(iso: $0) }, completedAt: row.completed_at)
                })
        }
    }
}
