import Fluent
import Foundation
import PartrackDomain
import Vapor

/// The unit's own documents in a round (evidence no task carries, the signed report), and reading any
/// file its self-assessment points to. Files are stored by content hash beside the tasks' evidence.
enum AssessmentFiles {
    struct Stored {
        let document: AssessmentDocument
        /// False when the unit already had this exact file in the round: nothing new was stored.
        let isNew: Bool
    }

    /// Stores an uploaded document for the unit; the same file uploaded twice is kept once.
    static func upload<Chunks: AsyncSequence>(
        _ chunks: Chunks, filename: String, _ snapshot: AssessmentSnapshot, unitID: Int, by request: Request
    ) async throws -> Stored where Chunks.Element == ByteBuffer {
        let user = try request.currentUser
        try await AssessmentPolicy.mayUploadDocument(user.acting, unitID: unitID).orRefuse(
            "assessment.document.upload", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
            request: request)
        if snapshot.round.isPublished {
            throw AssessmentRefusal(message: Message(AssessmentMessageKey.roundPublished.rawValue))
        }
        let name = filename.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 255, !name.contains("/") else {
            throw PartrackError.badRequest(Message("upload.filename_required"))
        }
        let rowID = try snapshot.roundUnitID(unitID)
        let store = EvidenceStore(dataDirectory: request.partrack.config.dataDirectory)
        let (staged, kind) = try await EvidenceIntake(request: request).stageChecked(chunks, filename: name, in: store)
        do {
            if let existing = try await AssessmentDocument.query(on: request.db).filter(\.$roundUnit.$id == rowID)
                .filter(\.$sha256 == staged.sha256).first()
            {
                staged.discard()
                return Stored(document: existing, isNew: false)
            }
        } catch {
            staged.discard()
            throw error
        }
        let createdFile = try store.commit(staged)
        let document = AssessmentDocument()
        document.$roundUnit.id = rowID
        document.filename = name
        document.kind = kind.rawValue
        document.contentType = kind.mediaType
        document.size = staged.size
        document.sha256 = staged.sha256
        document.$uploader.id = user.id
        document.uploadedAt = request.partrack.now()
        do {
            try await request.db.transaction { db in
                try await document.create(on: db)
                try await Audit.record(
                    "assessment.document.upload", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                    after: ["filename": name, "sha256": staged.sha256, "size": "\(staged.size)"], by: request, on: db)
            }
        } catch {
            let tasks = try? await Evidence.query(on: request.db).filter(\.$sha256 == staged.sha256).count()
            let documents = try? await AssessmentDocument.query(on: request.db).filter(\.$sha256 == staged.sha256)
                .count()
            if createdFile, tasks == 0, documents == 0 { store.remove(staged.sha256) }
            throw error
        }
        return Stored(document: document, isNew: true)
    }

    /// The unit's documents, oldest first.
    static func documents(_ snapshot: AssessmentSnapshot, unitID: Int, on db: any Database) async throws
        -> [AssessmentDocument]
    {
        try await AssessmentDocument.query(on: db).filter(\.$roundUnit.$id == snapshot.roundUnitID(unitID))
            .sort(\.$id).all()
    }

    /// Refuses evidence that is neither a document of this unit in this round nor a task's evidence
    /// from the unit's own plans, so nobody can point at another commune's files.
    static func ensureBelongs(
        _ evidence: [EvidenceRef], to snapshot: AssessmentSnapshot, unitID: Int, on db: any Database
    ) async throws {
        for reference in evidence where try await !belongs(reference, snapshot, unitID, on: db) {
            throw PartrackError.badRequest(
                Message("assessment.evidence.unknown", ["id": "\(reference.evidenceID)"]))
        }
    }

    private static func belongs(
        _ reference: EvidenceRef, _ snapshot: AssessmentSnapshot, _ unitID: Int, on db: any Database
    ) async throws -> Bool {
        guard let taskID = reference.taskID else {
            let document = try await AssessmentDocument.find(reference.evidenceID, on: db)
            return try document?.$roundUnit.id == snapshot.roundUnitID(unitID)
        }
        guard let evidence = try await Evidence.find(reference.evidenceID, on: db), evidence.$task.id == taskID,
            let task = try await PlanTask.find(taskID, on: db),
            let plan = try await Plan.find(task.$plan.id, on: db)
        else { return false }
        return plan.$unit.id == unitID
    }

    /// The file behind a reference, to whoever may see the unit in this round (its people, its
    /// reviewers, the council).
    static func download(
        _ reference: EvidenceRef, _ snapshot: AssessmentSnapshot, unitID: Int, request: Request
    ) async throws -> Response {
        try await AssessmentPolicy.mayView(try request.currentUser.acting, unitID: unitID, council: snapshot.council)
            .orRefuse(
                "assessment.file.download", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                request: request)
        guard try await belongs(reference, snapshot, unitID, on: request.db) else {
            throw PartrackError.notFound("evidence", id: "\(reference.evidenceID)")
        }
        let file: (name: String, type: String, sha256: String)
        if reference.taskID == nil,
            let document = try await AssessmentDocument.find(reference.evidenceID, on: request.db)
        {
            file = (document.filename, document.contentType, document.sha256)
        } else if let evidence = try await Evidence.find(reference.evidenceID, on: request.db) {
            file = (evidence.filename, evidence.contentType, evidence.sha256)
        } else {
            throw PartrackError.notFound("evidence", id: "\(reference.evidenceID)")
        }
        let path = EvidenceStore(dataDirectory: request.partrack.config.dataDirectory).location(of: file.sha256).path
        let response = try await request.fileio.asyncStreamFile(at: path)
        response.headers.replaceOrAdd(name: .contentType, value: file.type)
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename*=UTF-8''\(EvidenceAPI.percentEncoded(file.name))")
        return response
    }
}
