import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import Vapor

/// Writes a confirmed import in one transaction: a new plan, or the revision of an existing one
/// (changed tasks updated without touching their progress, new ones added, removed ones cancelled).
struct PlanImportWriter {
    let importer: PlanImporter
    let userID: Int
    let now: Date

    func write(
        _ draft: PlanDraft, record: PlanImportRecord, criteria chosen: [String: [String]], on db: any Database
    ) async throws -> ImportResultDTO {
        let criteria = { (task: DraftTask) in chosen[task.fingerprint] ?? PlanImporter.defaultCriteria(task) }
        if let planID = record.$plan.id {
            return try await revise(planID, with: draft, criteria: criteria, on: db)
        }
        let plan = try await PlanWriter.create(
            NewPlan(
                unitID: record.$unit.id, catalogID: record.$catalog.id,
                year: draft.header.year ?? importer.services.clock.day(of: now).year,
                number: draft.header.number ?? "", documentDate: draft.header.date,
                title: draft.header.title ?? record.filename,
                targetRank: draft.goals.targetRank.map { ($0.position, $0.of) }, targetClass: draft.goals.targetClass,
                state: .active, periods: draft.periods,
                tasks: draft.tasks.map { PlanImporter.newTask($0, criteria: criteria($0)) }),
            on: db)
        return ImportResultDTO(
            planID: try plan.requireID(), created: draft.tasks.count, updated: 0, unchanged: 0, cancelled: 0)
    }

    private func revise(
        _ planID: Int, with draft: PlanDraft, criteria: (DraftTask) -> [String], on db: any Database
    ) async throws -> ImportResultDTO {
        let plan = try await requireValue(Plan.find(planID, on: db))
        let existing = try await PlanImporter(db: db, services: importer.services).existingTasks(of: plan)
        let reconciliation = PlanReconciler.reconcile(existing: existing, incoming: draft.tasks)
        let nodeIDs = try await PlanWriter.nodeIDsByCode(catalogID: plan.$catalog.id, on: db)

        for match in reconciliation.changed {
            guard let id = Int(match.existingID), let task = try await PlanTask.find(id, on: db) else { continue }
            task.title = match.draft.title
            task.details = match.draft.details ?? ""
            task.expectedOutput = match.draft.expectedOutput ?? task.expectedOutput
            task.$area.id = match.draft.areaCode.flatMap { nodeIDs[$0] } ?? task.$area.id
            if let due = match.draft.due { task.dueDate = due }
            task.fingerprint = match.draft.fingerprint
            task.version += 1
            try await task.save(on: db)
            if match.changedFields.contains(.leads) || match.changedFields.contains(.cooperating) {
                try await TaskPosition.query(on: db).filter(\.$task.$id == id).delete()
                let draftTask = PlanImporter.newTask(match.draft, criteria: [])
                try await
                    (draftTask.leadPositionIDs.map { TaskPosition(taskID: id, positionID: $0, part: .lead) }
                    + draftTask.cooperatingPositionIDs.map {
                        TaskPosition(taskID: id, positionID: $0, part: .cooperating)
                    })
                    .create(on: db)
            }
            try await history(id, kind: "revised", version: task.version, on: db)
        }
        var cancelled = 0
        for id in reconciliation.removed.compactMap(Int.init) {
            guard let task = try await PlanTask.find(id, on: db), task.state != .cancelled else { continue }
            let history = TaskUpdate(
                taskID: id, authorID: userID, at: now, kind: "removed", note: "", version: task.version + 1)
            history.fromState = task.state
            history.toState = .cancelled
            task.state = .cancelled
            task.version += 1
            try await task.save(on: db)
            try await history.create(on: db)
            cancelled += 1
        }
        var order = (try await PlanTask.query(on: db).filter(\.$plan.$id == planID).max(\.$sortOrder) ?? 0) + 1
        for draftTask in reconciliation.added {
            var spec = PlanImporter.newTask(draftTask, criteria: criteria(draftTask))
            spec.fingerprint = draftTask.fingerprint
            try await PlanWriter.add([spec], to: planID, firstSortOrder: order, nodeIDs: nodeIDs, on: db)
            order += 1
        }
        if let title = draft.header.title { plan.title = title }
        if let number = draft.header.number, !number.isEmpty { plan.number = number }
        try await plan.save(on: db)
        return ImportResultDTO(
            planID: planID, created: reconciliation.added.count, updated: reconciliation.changed.count,
            unchanged: reconciliation.unchanged.count, cancelled: cancelled)
    }

    private func history(_ taskID: Int, kind: String, version: Int, on db: any Database) async throws {
        try await TaskUpdate(taskID: taskID, authorID: userID, at: now, kind: kind, note: "", version: version)
            .create(on: db)
    }
}
