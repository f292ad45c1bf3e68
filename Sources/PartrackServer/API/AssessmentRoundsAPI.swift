import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// `/api/v1/assessment-rounds`: the reviewer's side of the year-end cycle — open a round, set its
/// council, follow progress, compile, publish — and reading rounds and results.
enum AssessmentRoundsAPI {
    /// GET /api/v1/assessment-rounds — the rounds the caller takes part in, newest first.
    @Sendable static func list(_ request: Request) async throws -> [AssessmentRoundDTO] {
        let rounds = try await AssessmentViews.visibleRounds(to: try request.currentUser.acting, on: request.db)
        var listed: [AssessmentRoundDTO] = []
        for round in rounds {
            let snapshot = try await AssessmentSnapshot.load(try round.requireID(), on: request.db)
            listed.append(AssessmentViews.round(snapshot, at: request.partrack.now(), clock: request.partrack.clock))
        }
        return listed
    }

    /// POST /api/v1/assessment-rounds — open a round (reviewer of every unit in it).
    @Sendable static func open(_ request: Request) async throws -> Response {
        let body = try request.content.decode(OpenRoundRequest.self)
        let step = try body.scoreStep.map { try points($0, field: "scoreStep") } ?? AssessmentRound.defaultScoreStep
        let record = try await RoundActions.open(
            RoundActions.Opening(
                title: body.title, catalogID: body.catalogID, year: body.year, unitIDs: Set(body.unitIDs),
                trialFrom: try body.trialFrom.map { try ReportsAPI.parseDate($0, field: "trialFrom") },
                trialTo: try body.trialTo.map { try ReportsAPI.parseDate($0, field: "trialTo") },
                officialFrom: try ReportsAPI.parseDate(body.officialFrom, field: "officialFrom"),
                closesOn: try ReportsAPI.parseDate(body.closesOn, field: "closesOn"), scoreStep: step,
                tieRule: body.tieRule ?? .shareRank),
            by: request)
        let snapshot = try await AssessmentSnapshot.load(try record.requireID(), on: request.db)
        let response = Response(status: .created)
        try response.content.encode(
            AssessmentViews.round(snapshot, at: request.partrack.now(), clock: request.partrack.clock))
        return response
    }

    /// GET /api/v1/assessment-rounds/:roundID
    @Sendable static func show(_ request: Request) async throws -> AssessmentRoundDTO {
        let snapshot = try await visibleSnapshot(request)
        return AssessmentViews.round(snapshot, at: request.partrack.now(), clock: request.partrack.clock)
    }

    /// PUT /api/v1/assessment-rounds/:roundID/council — members, offices, secretary, assignments.
    @Sendable static func setCouncil(_ request: Request) async throws -> AssessmentRoundDTO {
        let body = try request.content.decode(CouncilRequest.self)
        let snapshot = try await AssessmentSnapshot.load(try roundID(request), on: request.db)
        try await RoundActions.setCouncil(
            snapshot,
            seats: body.members.map {
                RoundActions.Seat(
                    userID: $0.userID, office: $0.office.trimmingCharacters(in: .whitespaces),
                    secretary: $0.secretary ?? false)
            },
            assignments: body.assignments, by: request)
        return try await show(request)
    }

    /// GET /api/v1/assessment-rounds/:roundID/progress — appraisal progress by member, area and unit.
    @Sendable static func progress(_ request: Request) async throws -> AppraisalProgress {
        let snapshot = try await AssessmentSnapshot.load(try roundID(request), on: request.db)
        try await AssessmentPolicy.mayFollowProgress(
            try request.currentUser.acting, unitIDs: snapshot.unitIDs, council: snapshot.council
        ).orRefuse(
            "assessment.progress.view", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
            request: request)
        return AppraisalProgress.of(
            round: snapshot.round, catalog: snapshot.catalog, council: snapshot.council, units: snapshot.units,
            at: request.partrack.now(), clock: request.partrack.clock)
    }

    /// GET /api/v1/assessment-rounds/:roundID/results — published results, or the reviewer's preview
    /// (422 listing what is missing while appraisal is incomplete).
    @Sendable static func results(_ request: Request) async throws -> AssessmentResultsDTO {
        let snapshot = try await visibleSnapshot(request)
        let results = try await readableResults(snapshot, request: request)
        return AssessmentResultsDTO(
            roundID: snapshot.id, published: snapshot.round.isPublished, publishedAt: snapshot.record.publishedAt,
            results: results)
    }

    /// GET /api/v1/assessment-rounds/:roundID/results.csv — the same as a table (UTF-8 with BOM).
    @Sendable static func resultsCSV(_ request: Request) async throws -> Response {
        let snapshot = try await visibleSnapshot(request)
        let results = try await readableResults(snapshot, request: request)
        let rows = ResultsTable.rows(results, locale: request.strings)
        return CSVResponse.make(rows, filename: "ket-qua-danh-gia-\(snapshot.round.year).csv")
    }

    /// POST /api/v1/assessment-rounds/:roundID/publish
    @Sendable static func publish(_ request: Request) async throws -> AssessmentResultsDTO {
        let snapshot = try await AssessmentSnapshot.load(try roundID(request), on: request.db)
        let published = try await RoundActions.publish(snapshot, by: request)
        return AssessmentResultsDTO(
            roundID: snapshot.id, published: true, publishedAt: published.publishedAt, results: published.results)
    }

    /// POST /api/v1/assessment-rounds/:roundID/survey?filename=… — the body is the survey team's
    /// table (.xlsx or .csv); all of it is recorded, or nothing when a cell is wrong.
    @Sendable static func importSurvey(_ request: Request) async throws -> CountDTO {
        let snapshot = try await AssessmentSnapshot.load(try roundID(request), on: request.db)
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw PartrackError.badRequest(Message("upload.empty"))
        }
        guard buffer.readableBytes <= request.partrack.config.maxUploadBytes else {
            throw EvidenceAPI.tooLarge(request.partrack.config.maxUploadBytes)
        }
        let count = try await SurveyImport.run(
            Data(buffer.readableBytesView), filename: request.query.string("filename") ?? "", snapshot, by: request)
        return CountDTO(count: count)
    }

    /// POST /api/v1/assessment-rounds/:roundID/evidence-requests/:requestID/answer
    @Sendable static func answer(_ request: Request) async throws -> HTTPStatus {
        let body = try request.content.decode(AnswerEvidenceRequest.self)
        let snapshot = try await AssessmentSnapshot.load(try roundID(request), on: request.db)
        try await SelfAssessmentActions.answer(
            snapshot, requestID: try request.id("requestID", of: "evidence_request"), text: body.text,
            evidence: body.evidence ?? [], by: request)
        return .noContent
    }

    // MARK: Shared

    static func roundID(_ request: Request) throws -> Int { try request.id("roundID", of: "assessment_round") }

    static func visibleSnapshot(_ request: Request) async throws -> AssessmentSnapshot {
        let snapshot = try await AssessmentSnapshot.load(try roundID(request), on: request.db)
        try await AssessmentViews.ensureVisible(snapshot, to: request)
        return snapshot
    }

    /// Published results to everyone in the round; before publication, the compile preview to
    /// reviewers of all its units.
    static func readableResults(_ snapshot: AssessmentSnapshot, request: Request) async throws -> CompiledResults {
        if let published = snapshot.published { return published.results }
        return try await RoundActions.compile(snapshot, by: request)
    }

    static func points(_ text: String, field: String) throws -> Points {
        guard let points = Points(parsing: text) else {
            throw PartrackError(
                status: .badRequest, code: "assessment.points_unreadable",
                message: Message("assessment.points_unreadable", ["value": text]), details: ["field": field])
        }
        return points
    }
}
