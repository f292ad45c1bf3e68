import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

enum ExplanationsAPI {
    /// POST /api/v1/tasks/:taskID/explanation-requests — a leader asks for an explanation.
    @Sendable static func ask(_ request: Request) async throws -> Response {
        let body = try request.content.decode(ExplanationAskRequest.self)
        let explanation = try await ask(body, taskID: try request.id("taskID", of: "task"), request: request)
        let response = Response(status: .created)
        try response.content.encode(try await dto(explanation.requireID(), on: request.db))
        return response
    }

    /// Creates the request (API and task page alike).
    static func ask(_ body: ExplanationAskRequest, taskID id: Int, request: Request) async throws -> ExplanationRequest
    {
        let context = try await TaskContext.load(id, on: request.db)
        try await request.authorize(
            .requestExplanation(context.scope), audit: "explanation.request", entity: "task", entityID: id,
            unitID: context.unitID)
        guard let question = body.question.nonBlank else {
            throw PartrackError.badRequest(Message("explanation.question_required"))
        }
        let addresseeID = try await addressee(of: context, chosen: body.addresseeID, on: request.db)
        let user = try request.currentUser
        let explanation = ExplanationRequest(
            taskID: id, requestedBy: user.id, addresseeID: addresseeID, at: request.partrack.now(), question: question)
        try await request.db.transaction { db in
            try await explanation.create(on: db)
            try await Audit.record(
                "explanation.request", entity: "explanation_request", entityID: explanation.id, unitID: context.unitID,
                after: ["task_id": "\(id)", "addressee_id": "\(addresseeID)", "question": question], by: request, on: db
            )
        }
        return explanation
    }

    /// POST /api/v1/explanation-requests/:requestID/answer — the person asked answers.
    @Sendable static func answer(_ request: Request) async throws -> ExplanationRequestDTO {
        let body = try request.content.decode(ExplanationAnswerRequest.self)
        let id = try request.id("requestID", of: "explanation")
        try await answer(body, requestID: id, request: request)
        return try await dto(id, on: request.db)
    }

    static func answer(_ body: ExplanationAnswerRequest, requestID: Int, request: Request) async throws {
        let (explanation, context) = try await load(requestID, on: request.db)
        try await request.authorize(
            .answerExplanation(context.scope, addresseeID: explanation.$addressee.id), audit: "explanation.answer",
            entity: "explanation_request", entityID: explanation.id, unitID: context.unitID)
        guard explanation.isOpen else { throw closed() }
        guard let answer = body.answer.nonBlank else {
            throw PartrackError.badRequest(Message("explanation.answer_required"))
        }
        let before = explanation.answer
        explanation.answer = answer
        explanation.$answeredBy.id = try request.currentUser.id
        explanation.answeredAt = request.partrack.now()
        try await request.db.transaction { db in
            try await explanation.save(on: db)
            try await Audit.record(
                "explanation.answer", entity: "explanation_request", entityID: explanation.id, unitID: context.unitID,
                before: ["answer": before ?? ""], after: ["answer": answer], by: request, on: db)
        }
    }

    /// POST /api/v1/explanation-requests/:requestID/close — the leader closes it.
    @Sendable static func close(_ request: Request) async throws -> ExplanationRequestDTO {
        let id = try request.id("requestID", of: "explanation")
        try await close(requestID: id, request: request)
        return try await dto(id, on: request.db)
    }

    static func close(requestID: Int, request: Request) async throws {
        let (explanation, context) = try await load(requestID, on: request.db)
        try await request.authorize(
            .closeExplanation(context.scope), audit: "explanation.close", entity: "explanation_request",
            entityID: explanation.id, unitID: context.unitID)
        guard explanation.isOpen else { throw closed() }
        explanation.closedAt = request.partrack.now()
        explanation.$closedBy.id = try request.currentUser.id
        try await request.db.transaction { db in
            try await explanation.save(on: db)
            try await Audit.record(
                "explanation.close", entity: "explanation_request", entityID: explanation.id, unitID: context.unitID,
                by: request, on: db)
        }
    }

    /// GET /api/v1/explanation-requests?open=1&task=ID — for a leader their unit's; for an officer
    /// those addressed to them; for reviewers those of their units.
    @Sendable static func list(_ request: Request) async throws -> [ExplanationRequestDTO] {
        let user = try request.currentUser
        let query = ExplanationRequest.query(on: request.db).with(\.$task) { $0.with(\.$plan) }
            .with(\.$requestedBy).with(\.$addressee).sort(\.$requestedAt, .descending)
        if request.query.string("open") == "1" { query.filter(\.$closedAt == nil) }
        if let task = try request.query.positiveInt("task") { query.filter(\.$task.$id == task) }
        let visible = try await query.all().filter { explanation in
            let unitID = explanation.task.plan.$unit.id
            switch user.role {
            case .admin: return true
            case .reviewer: return user.reviewedUnitIDs.contains(unitID)
            case .leader: return unitID == user.unitID
            case .officer: return explanation.$addressee.id == user.id
            }
        }
        return try visible.map(toDTO)
    }

    /// Whom to ask: the chosen person if they hold the task, else its assignee, else a holder of
    /// a lead position; a task nobody holds cannot be asked about.
    static func addressee(of context: TaskContext, chosen: Int?, on db: any Database) async throws -> Int {
        let holders = try await PositionHolder.query(on: db)
            .filter(\.$position.$id ~~ Array(context.scope.leadPositionIDs.union(context.scope.cooperatingPositionIDs)))
            .sort(\.$id).all().map { $0.$user.id }
        let candidates = [context.task.$assignee.id].compactMap { $0 } + holders
        if let chosen {
            guard candidates.contains(chosen) else {
                throw PartrackError(
                    status: .unprocessableEntity, code: "explanation.addressee_not_holder",
                    message: Message("explanation.addressee_not_holder"))
            }
            return chosen
        }
        guard let first = candidates.first else {
            throw PartrackError(
                status: .unprocessableEntity, code: "explanation.nobody_holds_task",
                message: Message("explanation.nobody_holds_task"))
        }
        return first
    }

    static func load(_ id: Int, on db: any Database) async throws -> (ExplanationRequest, TaskContext) {
        guard let explanation = try await ExplanationRequest.find(id, on: db) else {
            throw PartrackError.notFound("explanation", id: "\(id)")
        }
        return (explanation, try await TaskContext.load(explanation.$task.id, on: db))
    }

    static func closed() -> PartrackError {
        PartrackError(status: .conflict, code: "explanation.closed", message: Message("explanation.closed"))
    }

    static func dto(_ id: Int, on db: any Database) async throws -> ExplanationRequestDTO {
        guard
            let explanation = try await ExplanationRequest.query(on: db).filter(\.$id == id).with(\.$task)
                .with(\.$requestedBy).with(\.$addressee).first()
        else { throw PartrackError.notFound("explanation", id: "\(id)") }
        return try toDTO(explanation)
    }

    static func toDTO(_ explanation: ExplanationRequest) throws -> ExplanationRequestDTO {
        ExplanationRequestDTO(
            id: try explanation.requireID(), taskID: explanation.$task.id, taskTitle: explanation.task.title,
            requestedByID: explanation.$requestedBy.id, requestedByName: explanation.requestedBy.displayName,
            addresseeID: explanation.$addressee.id, addresseeName: explanation.addressee.displayName,
            requestedAt: explanation.requestedAt, question: explanation.question, answer: explanation.answer,
            answeredAt: explanation.answeredAt, closedAt: explanation.closedAt)
    }
}
