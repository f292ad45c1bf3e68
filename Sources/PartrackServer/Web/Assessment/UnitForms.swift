import Fluent
import PartrackDomain
import Vapor

/// The forms of a unit's self-assessment page. Each calls the same action as the API, then goes back
/// to the page with a notice saying what was done or why not.
enum UnitForms {
    struct OwnerField: Content {
        let code: String
        let position: String?
    }

    struct OwnersForm: Content {
        let o: [String: OwnerField]?
    }

    /// The leader gives areas (or criteria) to positions of the unit.
    @Sendable static func owners(_ request: Request) async throws -> Response {
        let (snapshot, unitID) = try await target(request)
        let form = try request.content.decode(OwnersForm.self)
        return try await AssessmentWeb.outcome(back: back(snapshot, unitID), request: request) {
            var owners: [String: Int?] = [:]
            for field in (form.o ?? [:]).values {
                owners[field.code] = field.position?.nonBlank.flatMap(Int.init)
            }
            try await SelfAssessmentActions.setOwners(snapshot, unitID: unitID, owners: owners, by: request)
            return Message("assess.owners_saved")
        }
    }

    /// The leader fills the draft from the plan's progress.
    @Sendable static func prefill(_ request: Request) async throws -> Response {
        let (snapshot, unitID) = try await target(request)
        return try await AssessmentWeb.outcome(back: back(snapshot, unitID), request: request) {
            let count = try await SelfAssessmentActions.prefill(snapshot, unitID: unitID, by: request)
            return Message("assess.prefilled", ["count": "\(count)"])
        }
    }

    /// The reader confirms the suggestions of the criteria they score.
    @Sendable static func confirm(_ request: Request) async throws -> Response {
        let (snapshot, unitID) = try await target(request)
        return try await AssessmentWeb.outcome(back: back(snapshot, unitID), request: request) {
            let count = try await SelfAssessmentActions.confirmSuggestions(snapshot, unitID: unitID, by: request)
            return Message("assess.confirmed", ["count": "\(count)"])
        }
    }

    struct EvidenceField: Content {
        let ref: String?
        let pointer: String?
    }

    struct ScoreForm: Content {
        let score: String?
        let explanation: String?
        let ev: [String: EvidenceField]?
        let addDocument: String?
        let addPointer: String?
    }

    /// An owner's score, explanation and evidence for one criterion: the files ticked (with their page
    /// pointers) and, optionally, one more uploaded document.
    @Sendable static func score(_ request: Request) async throws -> Response {
        let (snapshot, unitID) = try await target(request)
        let code = request.parameters.get("code") ?? ""
        let form = try request.content.decode(ScoreForm.self)
        return try await AssessmentWeb.outcome(
            back: back(snapshot, unitID) + "#" + AssessmentWeb.anchor(code), request: request
        ) {
            let ticked = (form.ev ?? [:]).sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.compactMap { _, field in
                field.ref.flatMap { AssessmentEvidenceNames.reference($0, pointer: field.pointer) }
            }
            let added = form.addDocument?.nonBlank.flatMap {
                AssessmentEvidenceNames.reference($0, pointer: form.addPointer)
            }
            let entry = SelfScore(
                score: try AssessmentWeb.points(form.score), explanation: form.explanation ?? "",
                evidence: ticked + (added.map { [$0] } ?? []), source: .owner)
            _ = try await SelfAssessmentActions.record(entry, code: code, snapshot, unitID: unitID, by: request)
            return Message("assess.score_saved", ["code": code])
        }
    }

    struct FileForm: Content {
        let file: File
    }

    /// A document for the self-assessment, uploaded once and then chosen for any criterion.
    @Sendable static func upload(_ request: Request) async throws -> Response {
        let (snapshot, unitID) = try await target(request)
        return try await AssessmentWeb.outcome(back: back(snapshot, unitID) + "#documents", request: request) {
            _ = try await store(try request.content.decode(FileForm.self).file, snapshot, unitID, request)
            return Message("assess.document_uploaded")
        }
    }

    /// "Gửi thẩm định": the signed scan is stored with the unit's documents, then the unit submits.
    @Sendable static func submit(_ request: Request) async throws -> Response {
        let (snapshot, unitID) = try await target(request)
        return try await AssessmentWeb.outcome(back: back(snapshot, unitID), request: request) {
            try await AssessmentPolicy.maySubmit(try request.currentUser.acting, unitID: unitID).orRefuse(
                "assessment.self.submit", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                request: request)
            let document = try await store(try request.content.decode(FileForm.self).file, snapshot, unitID, request)
            try await SelfAssessmentActions.submit(
                snapshot, unitID: unitID, signedDocumentID: try document.requireID(), by: request)
            return Message("assess.submitted")
        }
    }

    struct AnswerForm: Content {
        let text: String?
        let addDocument: String?
        let addPointer: String?
    }

    /// The unit answers a council member's request for more evidence.
    @Sendable static func answer(_ request: Request) async throws -> Response {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let requestID = try request.id("requestID", of: "assessment_evidence_request")
        guard let unitID = snapshot.requestIDs.first(where: { $0.value.contains(requestID) })?.key else {
            throw PartrackError.notFound("assessment_evidence_request", id: "\(requestID)")
        }
        let form = try request.content.decode(AnswerForm.self)
        return try await AssessmentWeb.outcome(back: back(snapshot, unitID) + "#requests", request: request) {
            let added = form.addDocument?.nonBlank.flatMap {
                AssessmentEvidenceNames.reference($0, pointer: form.addPointer)
            }
            try await SelfAssessmentActions.answer(
                snapshot, requestID: requestID, text: form.text ?? "", evidence: added.map { [$0] } ?? [],
                by: request)
            return Message("assess.answer_sent")
        }
    }

    /// A file of the unit's self-assessment, to whoever may see the unit.
    @Sendable static func file(_ request: Request) async throws -> Response {
        let (snapshot, unitID) = try await target(request)
        let evidenceID = try request.id("evidenceID", of: "assessment_document")
        let taskID = request.query.string("task").flatMap(Int.init)
        return try await AssessmentFiles.download(
            EvidenceRef(evidenceID: evidenceID, taskID: taskID), snapshot, unitID: unitID, request: request)
    }

    private static func target(_ request: Request) async throws -> (AssessmentSnapshot, Int) {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let unitID = try AssessmentWeb.unitID(request)
        _ = try snapshot.unit(unitID)
        return (snapshot, unitID)
    }

    private static func back(_ snapshot: AssessmentSnapshot, _ unitID: Int) -> String {
        Pages.assessmentUnit.link(snapshot.id, unitID)
    }

    private static func store(_ file: File, _ snapshot: AssessmentSnapshot, _ unitID: Int, _ request: Request)
        async throws -> AssessmentDocument
    {
        try await AssessmentFiles.upload(
            SingleChunk(buffer: file.data), filename: file.filename, snapshot, unitID: unitID, by: request
        ).document
    }
}
