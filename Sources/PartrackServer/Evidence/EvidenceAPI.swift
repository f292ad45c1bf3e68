import Fluent
import PartrackAPI
import PartrackDomain
import PartrackFiles
import Vapor

enum EvidenceAPI {
    /// POST /api/v1/tasks/:taskID/evidence?filename=… — the file is the request body, streamed to
    /// disk. Checked for size and for kind by content before anything is stored; the file is in
    /// place before its row commits, and a failure at any step leaves neither.
    @Sendable static func upload(_ request: Request) async throws -> Response {
        let id = try request.id("taskID", of: "task")
        let context = try await TaskContext.load(id, on: request.db)
        try await request.authorize(
            .uploadEvidence(context.scope), audit: "evidence.upload", entity: "task", entityID: id,
            unitID: context.unitID)
        guard let filename = request.query.string("filename")?.trimmingCharacters(in: .whitespaces),
            !filename.isEmpty, filename.count <= 255, !filename.contains("/")
        else { throw PartrackError.badRequest(Message("upload.filename_required")) }
        let limit = request.partrack.config.maxUploadBytes
        if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
            throw tooLarge(limit)
        }
        let stored = try await EvidenceIntake(request: request).accept(
            request.body, filename: filename, taskID: id, unitID: context.unitID)
        let response = Response(status: stored.isNew ? .created : .ok)
        try response.content.encode(try stored.evidence.toDTO())
        return response
    }

    /// GET /api/v1/tasks/:taskID/evidence
    @Sendable static func list(_ request: Request) async throws -> [EvidenceDTO] {
        let context = try await TaskContext.visible(try request.id("taskID", of: "task"), to: request)
        return try await Evidence.query(on: request.db).filter(\.$task.$id == context.id).sort(\.$id).all()
            .map { try $0.toDTO() }
    }

    /// GET /api/v1/evidence/:evidenceID — the file, to whoever may see its task.
    @Sendable static func download(_ request: Request) async throws -> Response {
        let id = try request.id("evidenceID", of: "evidence")  // the page route names it the same
        guard let evidence = try await Evidence.find(id, on: request.db) else {
            throw PartrackError.notFound("evidence", id: "\(id)")
        }
        let context = try await TaskContext.load(evidence.$task.id, on: request.db)
        try await request.authorize(
            .downloadEvidence(context.scope), audit: "evidence.download", entity: "evidence", entityID: id,
            unitID: context.unitID)
        let path = EvidenceStore(dataDirectory: request.partrack.config.dataDirectory).location(of: evidence.sha256)
            .path
        let response = try await request.fileio.asyncStreamFile(at: path)
        response.headers.replaceOrAdd(name: .contentType, value: evidence.contentType)
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename*=UTF-8''\(percentEncoded(evidence.filename))")
        return response
    }

    static func tooLarge(_ limit: Int) -> PartrackError {
        PartrackError(
            status: .payloadTooLarge, code: "upload.too_large",
            message: Message("upload.too_large", ["max_mb": "\(limit / 1_048_576)"]))
    }

    static func percentEncoded(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_")))
            ?? "file"
    }
}

extension Evidence {
    func toDTO() throws -> EvidenceDTO {
        EvidenceDTO(
            id: try requireID(), taskID: $task.id, filename: filename, kind: kind, size: size, sha256: sha256,
            uploaderID: $uploader.id, uploadedAt: uploadedAt)
    }
}
