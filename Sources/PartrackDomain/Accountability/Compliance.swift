import Foundation

/// Who reported on time, late or not at all, and how many tasks were done on time, for every unit
/// of a tree and one period, rolled up position → commune → district → province.
///
/// Each unit's own figures come from its own facts; a unit's `total` adds its children's totals, so
/// a district's figures are the sums over its communes and a province's over its districts (or its
/// communes directly, where the district tier is gone). One pass over flat arrays: the units are
/// indexed once, ordered parents-first once, and summed children-first; deadlines are compared as
/// day numbers, with each day's end computed once for the whole tree.
///
/// Reports are judged as of `asOf` (a report submitted after it had not come in yet). Tasks are
/// judged as of the period's moment: the end of the unit's cut-off day, or `asOf` if earlier
/// (see `ComplianceFigures` for the on-time completion rate).
public enum Compliance {
    public static func compute(
        for units: [UnitFacts], period: PeriodKind, asOf: Date, clock: CivilClock
    ) -> ComplianceReport {
        var issues: [Message] = []
        let tree = UnitTree(units, issues: &issues)
        var boundaries = DayBoundaries(clock: clock)
        let reportJudge = DeadlineJudge(asOf: .instant(asOf), boundaries: &boundaries)

        var results: [UnitCompliance?] = Array(repeating: nil, count: tree.units.count)
        for index in tree.parentsFirst {
            results[index] = ownCompliance(
                of: tree.units[index], childIDs: tree.children[index].map { tree.units[$0].unitID }, period: period,
                asOf: asOf, reportJudge: reportJudge, boundaries: &boundaries)
        }
        for index in tree.parentsFirst.reversed() {
            var rolled = results[index]!
            for child in tree.children[index] {
                let below = results[child]!
                rolled.total += below.total
                if let report = below.report { rolled.unitsBelow[report.status].append(below.unitID) }
                rolled.unitsBelow += below.unitsBelow
            }
            results[index] = rolled
        }
        return ComplianceReport(
            period: period, asOf: asOf, units: tree.parentsFirst.map { results[$0]! }, issues: issues)
    }

    /// A unit's own report, positions and tasks; `total` starts as `own` and receives the children later.
    private static func ownCompliance(
        of unit: UnitFacts, childIDs: [Int], period: PeriodKind, asOf: Date, reportJudge: DeadlineJudge,
        boundaries: inout DayBoundaries
    ) -> UnitCompliance {
        var own = ComplianceFigures()
        let spec = unit.schedule.first { $0.kind == period }

        var report: SubmissionLine?
        var positions: [SubmissionLine] = []
        if let spec {
            let submittedAt = unit.submittedAt[period]
            let status = reportJudge.reportStatus(submittedAt: submittedAt, due: spec.due, boundaries: &boundaries)
            report = SubmissionLine(
                id: unit.unitID, name: unit.name, due: spec.due, submittedAt: submittedAt, status: status)
            own.unitReports.add(status)
            let positionDue = ReportTiming.due(of: .position, period: spec, internalLeadDays: unit.internalLeadDays)
            positions.reserveCapacity(unit.positions.count)
            for position in unit.positions {
                let submittedAt = position.submittedAt[period]
                let status = reportJudge.reportStatus(
                    submittedAt: submittedAt, due: positionDue, boundaries: &boundaries)
                positions.append(
                    SubmissionLine(
                        id: position.id, name: position.title, due: positionDue, submittedAt: submittedAt,
                        status: status))
                own.positionReports.add(status)
            }
        }

        var tasksAsOf: Date?
        if !unit.tasks.isEmpty {
            let moment = spec.map { DeadlineJudge.moment(asOf: asOf, cutOff: $0.cutOff, boundaries: &boundaries) }
            let judge = DeadlineJudge(asOf: moment ?? .instant(asOf), boundaries: &boundaries)
            tasksAsOf = judge.reference
            for task in unit.tasks {
                let status = judge.taskStatus(
                    state: task.state, due: task.due, completedAt: task.completedAt, boundaries: &boundaries)
                own.tasks.add(status)
                if status != .cancelled, let due = task.due, judge.hasPassed(due) {
                    own.tasksDue += 1
                    if status == .doneOnTime { own.tasksDueDoneOnTime += 1 }
                }
            }
        }

        return UnitCompliance(
            unitID: unit.unitID, parentID: unit.parentID, name: unit.name, level: unit.level, childIDs: childIDs,
            report: report, positions: positions, unitsBelow: UnitsByStatus(), tasksAsOf: tasksAsOf, own: own,
            total: own)
    }
}

/// The units as a tree of array indices: children in input order, and an order with every parent
/// before its children. Bad links are reported and worked around rather than trusted: a second unit
/// with the same id is left out, a unit whose parent is unknown becomes a root, and units caught in
/// a loop of parents (reachable from no root) are left out.
struct UnitTree {
    let units: [UnitFacts]
    let children: [[Int]]
    let parentsFirst: [Int]

    init(_ input: [UnitFacts], issues: inout [Message]) {
        var indexByID: [Int: Int] = [:]
        var units: [UnitFacts] = []
        units.reserveCapacity(input.count)
        for unit in input {
            guard indexByID[unit.unitID] == nil else {
                issues.append(Message(.complianceIssueDuplicateUnit, ["unit": "\(unit.unitID)", "name": unit.name]))
                continue
            }
            indexByID[unit.unitID] = units.count
            units.append(unit)
        }

        var children: [[Int]] = Array(repeating: [], count: units.count)
        var roots: [Int] = []
        for (index, unit) in units.enumerated() {
            guard let parentID = unit.parentID else {
                roots.append(index)
                continue
            }
            if let parent = indexByID[parentID], parent != index {
                children[parent].append(index)
            } else {
                issues.append(
                    Message(
                        .complianceIssueUnknownParent,
                        ["unit": "\(unit.unitID)", "name": unit.name, "parent": "\(parentID)"]))
                roots.append(index)
            }
        }

        var order: [Int] = []
        order.reserveCapacity(units.count)
        var visited = Array(repeating: false, count: units.count)
        var stack = roots.reversed() as [Int]
        while let index = stack.popLast() {
            visited[index] = true
            order.append(index)
            stack.append(contentsOf: children[index].reversed())
        }
        for (index, unit) in units.enumerated() where !visited[index] {
            issues.append(Message(.complianceIssueParentLoop, ["unit": "\(unit.unitID)", "name": unit.name]))
        }

        self.units = units
        self.children = children
        self.parentsFirst = order
    }
}
