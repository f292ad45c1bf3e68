import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// The forms of the task page. Each does what the matching API call does (the same functions),
/// then goes back to the task page with a notice saying what happened or why not.
enum TaskForms {
    struct UpdateForm: Content {
        let baseVersion: Int
        let state: String?
        let progress: Int?
        let note: String?
        let explanation: String?
    }

    struct DirectForm: Content {
        let baseVersion: Int
        /// reopen | cancel | restore | due | reassign
        let act: String
        let reason: String?
        let dueDate: String?
        let leadPositionIDs: [Int]?
    }

    struct AskForm: Content {
        let question: String
    }

    struct AnswerForm: Content {
        let answer: String
    }

    struct EvidenceForm: Content {
        let file: File
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let id = try request.id("taskID", of: "task")
        let form = try request.content.decode(UpdateForm.self)
        return try await outcome(of: id, request: request) {
            try await TaskUpdateAPI.apply(
                TaskUpdateRequest(
                    baseVersion: form.baseVersion, state: form.state?.nonBlank, progress: form.progress,
                    note: form.note?.nonBlank, explanation: form.explanation?.nonBlank), to: id, request: request)
        }
    }

    @Sendable static func direct(_ request: Request) async throws -> Response {
        let id = try request.id("taskID", of: "task")
        let form = try request.content.decode(DirectForm.self)
        var body = TaskUpdateRequest(baseVersion: form.baseVersion, note: form.reason?.nonBlank)
        switch form.act {
        case "reopen", "restore": body.state = TaskState.inProgress.rawValue
        case "cancel": body.state = TaskState.cancelled.rawValue
        case "due": body.dueDate = form.dueDate?.nonBlank ?? ""
        case "reassign": body.leadPositionIDs = form.leadPositionIDs ?? []
        default: throw PartrackError.badQuery("act", value: form.act)
        }
        return try await outcome(of: id, request: request) {
            try await TaskUpdateAPI.apply(body, to: id, request: request)
        }
    }

    @Sendable static func ask(_ request: Request) async throws -> Response {
        let id = try request.id("taskID", of: "task")
        let form = try request.content.decode(AskForm.self)
        return try await outcome(of: id, request: request, done: "web.explanation_sent") {
            _ = try await ExplanationsAPI.ask(
                ExplanationAskRequest(question: form.question), taskID: id, request: request)
            return true
        }
    }

    @Sendable static func answer(_ request: Request) async throws -> Response {
        let id = try request.id("requestID", of: "explanation")
        let form = try request.content.decode(AnswerForm.self)
        let taskID = try await ExplanationsAPI.load(id, on: request.db).0.$task.id
        return try await outcome(of: taskID, request: request, done: "web.explanation_answered") {
            try await ExplanationsAPI.answer(
                ExplanationAnswerRequest(answer: form.answer), requestID: id, request: request)
            return true
        }
    }

    @Sendable static func close(_ request: Request) async throws -> Response {
        let id = try request.id("requestID", of: "explanation")
        let taskID = try await ExplanationsAPI.load(id, on: request.db).0.$task.id
        return try await outcome(of: taskID, request: request, done: "web.explanation_closed") {
            try await ExplanationsAPI.close(requestID: id, request: request)
            return true
        }
    }

    /// A form upload: the file (already collected, at most the upload limit) goes the same way as
    /// the API's streamed upload.
    @Sendable static func evidence(_ request: Request) async throws -> Response {
        let id = try request.id("taskID", of: "task")
        return try await outcome(of: id, request: request, done: "web.evidence_added") {
            let context = try await TaskContext.load(id, on: request.db)
            try await request.authorize(
                .uploadEvidence(context.scope), audit: "evidence.upload", entity: "task", entityID: id,
                unitID: context.unitID)
            let form = try request.content.decode(EvidenceForm.self)
            guard let name = form.file.filename.nonBlank else {
                throw PartrackError.badRequest(Message("upload.filename_required"))
            }
            _ = try await EvidenceIntake(request: request).accept(
                SingleChunk(buffer: form.file.data), filename: name, taskID: id, unitID: context.unitID)
            return true
        }
    }

    /// Runs a form's action; success and refusals alike come back to the task page as a notice.
    static func outcome(
        of taskID: Int, request: Request, done: String = "web.task_updated", _ action: () async throws -> Bool
    ) async throws -> Response {
        do {
            if try await action() {
                request.notice(Message(done))
            } else {
                request.notice(Message("task.stale_version", ["version": "—"]), error: true)
            }
        } catch let error as PartrackError where error.status != .internalServerError && error.status != .notFound {
            request.notice(error.message, error: true)
        } catch let error as any UserFacingError {
            request.notice(error.message, error: true)
        }
        return request.redirect(to: Pages.task.link(taskID))
    }
}

/// One buffer as the byte stream `EvidenceIntake` reads.
struct SingleChunk: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let buffer: ByteBuffer

    struct AsyncIterator: AsyncIteratorProtocol {
        var buffer: ByteBuffer?
        mutating func next() async -> ByteBuffer? {
            defer { buffer = nil }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(buffer: buffer) }
}
