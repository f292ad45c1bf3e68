import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// `/api/v1/assessment-rounds/:roundID/units/:unitID/…`: one unit's self-assessment (owners, draft,
/// scores, documents, submission), its reopening, its appraisal and its survey points.
enum AssessmentUnitsAPI {
    /// GET …/units/:unitID
    @Sendable static func show(_ request: Request) async throws -> UnitAssessmentDTO {
        let (snapshot, unitID) = try await load(request)
        return try await AssessmentViews.unit(unitID, snapshot, request: request)
    }

    /// PUT …/units/:unitID/owners — the leader gives areas to positions.
    @Sendable static func setOwners(_ request: Request) async throws -> UnitAssessmentDTO {
        let body = try request.content.decode(AreaOwnersRequest.self)
        let (snapshot, unitID) = try await load(request)
        try await SelfAssessmentActions.setOwners(snapshot, unitID: unitID, owners: body.owners, by: request)
        return try await reloaded(request)
    }

    /// POST …/units/:unitID/prefill — the draft from the plan's progress.
    @Sendable static func prefill(_ request: Request) async throws -> CountDTO {
        let (snapshot, unitID) = try await load(request)
        return CountDTO(count: try await SelfAssessmentActions.prefill(snapshot, unitID: unitID, by: request))
    }

    /// POST …/units/:unitID/confirm — confirm the suggestions of every criterion the caller scores.
    @Sendable static func confirm(_ request: Request) async throws -> CountDTO {
        let (snapshot, unitID) = try await load(request)
        return CountDTO(
            count: try await SelfAssessmentActions.confirmSuggestions(snapshot, unitID: unitID, by: request))
    }

    /// PUT …/units/:unitID/scores/:code — the owner's score, explanation and evidence.
    @Sendable static func score(_ request: Request) async throws -> SelfScore {
        let body = try request.content.decode(SelfScoreRequest.self)
        let (snapshot, unitID) = try await load(request)
        let entry = SelfScore(
            score: try AssessmentRoundsAPI.points(body.score, field: "score"), explanation: body.explanation ?? "",
            evidence: body.evidence ?? [])
        return try await SelfAssessmentActions.record(
            entry, code: try code(request), snapshot, unitID: unitID, by: request)
    }

    /// POST …/units/:unitID/documents?filename=… — the body is the file (evidence no task carries, or
    /// the signed report). 201 when stored, 200 when the unit already had this exact file.
    @Sendable static func upload(_ request: Request) async throws -> Response {
        let (snapshot, unitID) = try await load(request)
        let limit = request.partrack.config.maxUploadBytes
        if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
            throw EvidenceAPI.tooLarge(limit)
        }
        let stored = try await AssessmentFiles.upload(
            request.body, filename: request.query.string("filename") ?? "", snapshot, unitID: unitID, by: request)
        let response = Response(status: stored.isNew ? .created : .ok)
        try response.content.encode(stored.document.dto)
        return response
    }

    /// GET …/units/:unitID/files/document/:fileID and …/files/evidence/:fileID — a file the unit's
    /// self-assessment points to, for the unit, its reviewers and the council.
    @Sendable static func file(_ request: Request) async throws -> Response {
        let (snapshot, unitID) = try await load(request)
        let fileID = try request.id("fileID", of: "evidence")
        let reference: EvidenceRef
        switch request.parameters.get("kind") {
        case "document": reference = EvidenceRef(evidenceID: fileID)
        case "evidence":
            guard let evidence = try await Evidence.find(fileID, on: request.db) else {
                throw PartrackError.notFound("evidence", id: "\(fileID)")
            }
            reference = EvidenceRef(evidenceID: fileID, taskID: evidence.$task.id)
        default: throw PartrackError.notFound("evidence", id: "\(fileID)")
        }
        return try await AssessmentFiles.download(reference, snapshot, unitID: unitID, request: request)
    }

    /// POST …/units/:unitID/submit — "Gửi thẩm định" with the signed report; freezes the self scores.
    @Sendable static func submit(_ request: Request) async throws -> UnitAssessmentDTO {
        let body = try request.content.decode(SubmitSelfAssessmentRequest.self)
        let (snapshot, unitID) = try await load(request)
        let documents = try await AssessmentFiles.documents(snapshot, unitID: unitID, on: request.db)
        guard documents.contains(where: { $0.id == body.signedDocumentID }) else {
            throw PartrackError.badRequest(Message("assessment.evidence.unknown", ["id": "\(body.signedDocumentID)"]))
        }
        try await SelfAssessmentActions.submit(
            snapshot, unitID: unitID, signedDocumentID: body.signedDocumentID, by: request)
        return try await reloaded(request)
    }

    /// POST …/units/:unitID/reopen — the reviewer lets the unit change its self-assessment again.
    @Sendable static func reopen(_ request: Request) async throws -> UnitAssessmentDTO {
        let body = try request.content.decode(ReopenUnitRequest.self)
        let (snapshot, unitID) = try await load(request)
        try await RoundActions.reopen(
            snapshot, unitID: unitID, until: try ReportsAPI.parseDate(body.until, field: "until"),
            reason: body.reason, by: request)
        return try await reloaded(request)
    }

    /// PUT …/units/:unitID/appraisals/:code — accept, or set a score with a reason.
    @Sendable static func appraise(_ request: Request) async throws -> Appraisal {
        let body = try request.content.decode(AppraiseRequest.self)
        let (snapshot, unitID) = try await load(request)
        let decision: AppraisalDecision
        if body.accept {
            decision = .accept
        } else {
            guard let score = body.score else {
                throw PartrackError.badRequest(Message("assessment.points_unreadable", ["value": ""]))
            }
            decision = .score(try AssessmentRoundsAPI.points(score, field: "score"), reason: body.reason ?? "")
        }
        return try await AppraisalActions.appraise(
            decision, code: try code(request), snapshot, unitID: unitID, by: request)
    }

    /// POST …/units/:unitID/appraisals/accept-remaining
    @Sendable static func acceptRemaining(_ request: Request) async throws -> CountDTO {
        let (snapshot, unitID) = try await load(request)
        return CountDTO(count: try await AppraisalActions.acceptRemaining(snapshot, unitID: unitID, by: request))
    }

    /// POST …/units/:unitID/evidence-requests — a council member asks for more evidence.
    @Sendable static func ask(_ request: Request) async throws -> Response {
        let body = try request.content.decode(AskEvidenceRequest.self)
        let (snapshot, unitID) = try await load(request)
        let row = try await AppraisalActions.ask(
            code: body.code, text: body.text,
            answerBy: try body.answerBy.map { try ReportsAPI.parseDate($0, field: "answerBy") }, snapshot,
            unitID: unitID, by: request)
        let response = Response(status: .created)
        try response.content.encode(EvidenceRequestDTO(id: try row.requireID(), request: row.domain(unitID: unitID)))
        return response
    }

    /// PUT …/units/:unitID/survey/:code — survey points entered by the reviewer.
    @Sendable static func survey(_ request: Request) async throws -> UnitAssessmentDTO {
        let body = try request.content.decode(SurveyPointsRequest.self)
        let (snapshot, unitID) = try await load(request)
        try await RoundActions.recordSurvey(
            snapshot, unitID: unitID, code: try code(request),
            points: try AssessmentRoundsAPI.points(body.points, field: "points"), by: request)
        return try await reloaded(request)
    }

    // MARK: Shared

    private static func load(_ request: Request) async throws -> (AssessmentSnapshot, Int) {
        let snapshot = try await AssessmentSnapshot.load(try AssessmentRoundsAPI.roundID(request), on: request.db)
        let unitID = try request.id("unitID", of: "unit")
        _ = try snapshot.unit(unitID)
        return (snapshot, unitID)
    }

    private static func reloaded(_ request: Request) async throws -> UnitAssessmentDTO {
        let (snapshot, unitID) = try await load(request)
        return try await AssessmentViews.unit(unitID, snapshot, request: request)
    }

    private static func code(_ request: Request) throws -> String {
        guard let code = request.parameters.get("code"), !code.isEmpty else {
            throw PartrackError.notFound("criterion", id: "")
        }
        return code
    }
}
