import Fluent
import PartrackDomain
import Vapor

/// What the assessment pages share: reading the round and unit from the path, running a form's action
/// with its refusal shown on the page it came from, and reading the figures and dates people type.
enum AssessmentWeb {
    static let detailsKey = "assess_details"

    static func roundID(_ request: Request) throws -> Int { try request.id("roundID", of: "assessment_round") }
    static func unitID(_ request: Request) throws -> Int { try request.id("unitID", of: "assessment_unit") }

    static func snapshot(_ request: Request) async throws -> AssessmentSnapshot {
        try await AssessmentSnapshot.load(try roundID(request), on: request.db)
    }

    /// Refuses, as a 403 page, a person who may not read the unit's self-assessment.
    static func requireView(_ snapshot: AssessmentSnapshot, unitID: Int, request: Request) async throws {
        _ = try snapshot.unit(unitID)
        try await AssessmentPolicy.mayView(try request.currentUser.acting, unitID: unitID, council: snapshot.council)
            .orRefuse(
                "assessment.view", entity: "assessment_round", entityID: snapshot.id, unitID: unitID, request: request)
    }

    /// Runs a form's action and goes back to `back` with a notice: what was done, or why not (with each
    /// detail line of a refusal listed on the page). A refused action changes nothing. `back` is read
    /// after the action, so an action may send the reader to what it created.
    static func outcome(
        back: @autoclosure () -> String, request: Request, _ action: () async throws -> Message
    ) async throws -> Response {
        do {
            request.notice(try await action())
        } catch let refusal as AssessmentRefusal {
            request.notice(refusal.message, error: true)
            request.session.data[detailsKey] = refusal.details.map(request.localized).joined(separator: "\n")
        } catch let error as PartrackError where error.status != .internalServerError && error.status != .notFound {
            request.notice(error.message, error: true)
        } catch let error as any UserFacingError {
            request.notice(error.message, error: true)
        }
        return request.redirect(to: back())
    }

    /// The detail lines of the last refusal, shown once.
    static func details(_ request: Request) -> [String] {
        defer { request.session.data[detailsKey] = nil }
        return (request.session.data[detailsKey] ?? "").split(separator: "\n").map(String.init)
    }

    /// Points as people type them: "7,5" or "7.5".
    static func points(_ text: String?) throws -> Points {
        try AssessmentRoundsAPI.points(text ?? "", field: "score")
    }

    /// A dd/mm/yyyy day, or nil when the field was left empty.
    static func optionalDay(_ text: String?) throws -> LocalDate? {
        guard let text = text?.nonBlank else { return nil }
        return try DateInput.parse(text)
    }

    static func day(_ text: String?) throws -> LocalDate {
        try DateInput.parse(text ?? "")
    }

    /// "10/12/2023 23:59:59": the last instant at which the round accepts changes (Vietnam time).
    static func closesAt(_ round: AssessmentRound) -> String { "\(round.closesOn.formatted) 23:59:59" }

    /// "10/11/2023 – 20/11/2023", or "" without a trial.
    static func trial(_ round: AssessmentRound) -> String {
        guard let from = round.trialFrom, let to = round.trialTo else { return "" }
        return "\(from.formatted) – \(to.formatted)"
    }

    static func official(_ round: AssessmentRound) -> String {
        "\(round.officialFrom.formatted) – \(round.closesOn.formatted)"
    }

    /// "c-2-1-3": a row's id on a page, from the criterion's code.
    static func anchor(_ code: String) -> String { "c-" + code.replacingOccurrences(of: ".", with: "-") }

    /// The catalog's nodes in reading order, each with its depth.
    static func nodes(_ catalog: CatalogDefinition) -> [CatalogNodeDefinition] { catalog.allNodes }
}

/// The unit's files as a page names them: uploaded documents and the tasks' evidence, with the task.
struct AssessmentEvidenceNames {
    let roundID: Int
    let unitID: Int
    let documents: [AssessmentDocument]
    private let taskFiles: [Int: String]
    private let taskTitles: [Int: String]

    /// Loads the names of the unit's documents and of every task file in `references`.
    static func load(
        _ snapshot: AssessmentSnapshot, unitID: Int, references: [EvidenceRef], on db: any Database
    ) async throws -> AssessmentEvidenceNames {
        let documents = try await AssessmentFiles.documents(snapshot, unitID: unitID, on: db)
        let evidenceIDs = Set(references.filter { $0.taskID != nil }.map(\.evidenceID))
        let files = try await Evidence.query(on: db).filter(\.$id ~~ Array(evidenceIDs)).all()
        let taskIDs = Set(references.compactMap(\.taskID))
        let tasks = try await PlanTask.query(on: db).filter(\.$id ~~ Array(taskIDs)).all()
        return AssessmentEvidenceNames(
            roundID: snapshot.id, unitID: unitID, documents: documents,
            taskFiles: Dictionary(
                uniqueKeysWithValues: files.compactMap { file in file.id.map { ($0, file.filename) } }),
            taskTitles: Dictionary(uniqueKeysWithValues: tasks.compactMap { task in task.id.map { ($0, task.title) } }))
    }

    /// "report.pdf", or "bien-ban.pdf (của nhiệm vụ …)" for a task's file.
    func label(_ reference: EvidenceRef, request: Request) -> String {
        guard let taskID = reference.taskID else {
            return documents.first { $0.id == reference.evidenceID }?.filename ?? "#\(reference.evidenceID)"
        }
        return request.localized(
            "assess.from_task",
            ["file": taskFiles[reference.evidenceID] ?? "#\(reference.evidenceID)", "task": taskTitles[taskID] ?? ""])
    }

    func href(_ reference: EvidenceRef) -> String {
        let base = Pages.assessmentFile.link(roundID, unitID, reference.evidenceID)
        return reference.taskID.map { base + "?task=\($0)" } ?? base
    }

    /// "12:" for a document, "40:7" for file 40 of task 7: a checkbox's value.
    static func value(_ reference: EvidenceRef) -> String {
        "\(reference.evidenceID):\(reference.taskID.map(String.init) ?? "")"
    }

    static func reference(_ value: String, pointer: String?) -> EvidenceRef? {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Int(parts[0]), id > 0 else { return nil }
        return EvidenceRef(evidenceID: id, pointer: pointer ?? "", taskID: Int(parts[1]))
    }
}

/// A file offered as evidence on a page: its label, link, and whether it is chosen.
struct EvidenceChoice: Encodable {
    let key: String
    let ref: String
    let label: String
    let href: String
    let pointer: String
    let checked: Bool
}
