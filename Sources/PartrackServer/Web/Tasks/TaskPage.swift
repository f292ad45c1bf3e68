import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// A task's own page: what it is, its history, its evidence, the update form, explanation
/// requests, and the leader's directions.
enum TaskPage {
    struct EvidenceLine: Encodable {
        let name: String
        let kind: String
        let size: String
        let uploader: String
        let at: String
        let href: String
    }

    struct HistoryLine: Encodable {
        let at: String
        let author: String
        let summary: String
        let note: String
    }

    struct Context: Encodable {
        let chrome: Chrome
        let task: TaskRow
        let details: String
        let expectedOutput: String
        let planTitle: String
        let planHref: String
        let criteria: [String]
        let version: Int
        let completedAt: String?
        let explanationText: String?
        let states: [FormOption]
        let positions: [FormOption]
        let mayUpdate: Bool
        let mayUpload: Bool
        let mayDirect: Bool
        let evidence: [EvidenceLine]
        let history: [HistoryLine]
        let explanations: [ExplanationLine]
        let maxUploadMB: Int
        let updateHref: String
        let evidenceHref: String
        let directHref: String
        let askHref: String
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let id = try request.id("taskID", of: "task")
        let context = try await TaskContext.visible(id, to: request)
        let user = try request.currentUser
        let task = context.task
        let row = try await TaskRow.make([task], request: request)[0]
        let links = try await TaskCriterion.query(on: request.db).filter(\.$task.$id == id).with(\.$node).all()
        let evidence = try await Evidence.query(on: request.db).filter(\.$task.$id == id).with(\.$uploader).sort(\.$id)
            .all()
        let history = try await TaskUpdate.query(on: request.db).filter(\.$task.$id == id).with(\.$author)
            .sort(\.$at, .descending).sort(\.$id, .descending).all()
        let explanations = try await ExplanationRequest.query(on: request.db).filter(\.$task.$id == id)
            .with(\.$task).with(\.$requestedBy).sort(\.$requestedAt, .descending).all()
        let unitPositions = try await Position.query(on: request.db).filter(\.$unit.$id == context.unitID).sort(\.$id)
            .all()
        let clock = request.partrack.clock
        let mayDirect = AccessPolicy.mayDirect(user.acting, unitID: context.unitID)
        let lead = context.scope.leadPositionIDs

        return try await request.view.render(
            "task",
            Context(
                chrome: Chrome(request), task: row, details: task.details, expectedOutput: task.expectedOutput,
                planTitle: task.plan.title, planHref: Pages.plan.link(task.$plan.id),
                criteria: links.map { "\($0.node.code) — \($0.node.title)" }.sorted(), version: task.version,
                completedAt: task.completedAt.map(clock.formatDateTime), explanationText: task.completionExplanation,
                states: [TaskState.notStarted, .inProgress, .done].map {
                    FormOption(value: $0.rawValue, label: request.localized($0.nameKey), selected: $0 == task.state)
                },
                positions: unitPositions.compactMap { position in
                    position.id.map { FormOption(value: "\($0)", label: position.title, selected: lead.contains($0)) }
                },
                mayUpdate: request.allows(.updateTask(context.scope)),
                mayUpload: request.allows(.uploadEvidence(context.scope)), mayDirect: mayDirect,
                evidence: evidence.map {
                    EvidenceLine(
                        name: $0.filename, kind: $0.kind.uppercased(), size: sizeText($0.size),
                        uploader: $0.uploader.displayName, at: clock.formatDateTime($0.uploadedAt),
                        href: Pages.evidenceFile.link($0.id ?? 0))
                },
                history: history.map {
                    HistoryLine(
                        at: clock.formatDateTime($0.at), author: $0.author.displayName,
                        summary: $0.messages.map(request.localized).joined(separator: "; "), note: $0.note)
                },
                explanations: explanations.map {
                    ExplanationLine.make($0, userID: user.id, mayClose: mayDirect, request: request)
                },
                maxUploadMB: request.partrack.config.maxUploadBytes / 1_048_576, updateHref: Pages.taskUpdate.link(id),
                evidenceHref: Pages.taskEvidence.link(id), directHref: Pages.taskDirect.link(id),
                askHref: Pages.taskAskExplanation.link(id)))
    }

    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1_048_576
            ? String(format: "%.1f MB", Double(bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",")
            : "\(max(1, bytes / 1024)) KB"
    }
}
