import Fluent
import Foundation
import PartrackDomain

/// A plan and its tasks as they are to be stored, whatever they came from
/// (demo files, the scale generator, an imported document).
struct NewPlan {
    var unitID: Int
    var catalogID: Int
    var year: Int
    var number: String
    var documentDate: LocalDate?
    var title: String
    var targetRank: (position: Int, of: Int)?
    var targetClass: String?
    var state: Plan.State
    var periods: [ReportPeriodSpec]
    var tasks: [NewTask]
}

struct NewTask {
    var title: String
    var details = ""
    var expectedOutput = ""
    var areaCode: String?
    var leadPositionIDs: [Int]
    var cooperatingPositionIDs: [Int] = []
    /// Criterion code → weight.
    var criteria: [(code: String, weight: Int)]
    var startDate: LocalDate?
    var dueDate: LocalDate?
    var state: TaskState = .notStarted
    var progress = 0
    var completedAt: Date?
    var needsAssignment = false
    var fingerprint = ""
    var sourceRef = ""
}

enum PlanWriter {
    /// Writes the plan, its periods, tasks, position and criterion links. Call inside a transaction:
    /// the caller decides what else must commit with it.
    @discardableResult
    static func create(_ new: NewPlan, on db: any Database) async throws -> Plan {
        let plan = Plan(
            unitID: new.unitID, catalogID: new.catalogID, year: new.year, number: new.number,
            documentDate: new.documentDate, title: new.title, state: new.state)
        plan.targetRank = new.targetRank?.position
        plan.targetRankOf = new.targetRank?.of
        plan.targetClass = new.targetClass
        try await plan.create(on: db)
        let planID = try plan.requireID()
        try await new.periods.map { ReportPeriod(planID: planID, spec: $0) }.create(on: db)

        let nodeIDs = try await nodeIDsByCode(catalogID: new.catalogID, on: db)
        try await add(new.tasks, to: planID, firstSortOrder: 0, nodeIDs: nodeIDs, on: db)
        return plan
    }

    /// Adds tasks to a plan with their position and criterion links.
    static func add(
        _ tasks: [NewTask], to planID: Int, firstSortOrder: Int, nodeIDs: [String: Int], on db: any Database
    ) async throws {
        var positionLinks: [TaskPosition] = []
        var criterionLinks: [TaskCriterion] = []
        for (offset, spec) in tasks.enumerated() {
            let task = PlanTask(
                planID: planID, title: spec.title, areaNodeID: spec.areaCode.flatMap { nodeIDs[$0] },
                dueDate: spec.dueDate, sortOrder: firstSortOrder + offset)
            task.details = spec.details
            task.expectedOutput = spec.expectedOutput
            task.startDate = spec.startDate
            task.state = spec.state
            task.progress = spec.progress
            task.completedAt = spec.completedAt
            task.needsAssignment = spec.needsAssignment
            task.fingerprint = spec.fingerprint.isEmpty ? TaskFingerprint.of(title: spec.title) : spec.fingerprint
            task.sourceRef = spec.sourceRef
            try await task.create(on: db)
            let taskID = try task.requireID()
            positionLinks += spec.leadPositionIDs.map { TaskPosition(taskID: taskID, positionID: $0, part: .lead) }
            positionLinks += spec.cooperatingPositionIDs.filter { !spec.leadPositionIDs.contains($0) }.map {
                TaskPosition(taskID: taskID, positionID: $0, part: .cooperating)
            }
            for link in spec.criteria {
                guard let nodeID = nodeIDs[link.code] else {
                    throw PartrackError(
                        status: .unprocessableEntity, code: "plan.unknown_criterion",
                        message: Message("plan.unknown_criterion", ["code": link.code, "task": spec.title]))
                }
                criterionLinks.append(TaskCriterion(taskID: taskID, nodeID: nodeID, weight: link.weight))
            }
        }
        // Links go in batches: one statement each instead of one per row.
        if !positionLinks.isEmpty { try await positionLinks.create(on: db) }
        if !criterionLinks.isEmpty { try await criterionLinks.create(on: db) }
    }

    static func nodeIDsByCode(catalogID: Int, on db: any Database) async throws -> [String: Int] {
        let nodes = try await CatalogNode.query(on: db).filter(\.$catalog.$id == catalogID).all()
        return Dictionary(uniqueKeysWithValues: try nodes.map { ($0.code, try $0.requireID()) })
    }
}
