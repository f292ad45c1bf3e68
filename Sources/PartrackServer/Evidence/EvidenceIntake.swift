import Fluent
import Foundation
import PartrackDomain
import PartrackFiles
import Vapor

/// Takes an uploaded file from bytes on the wire to a stored, recorded piece of evidence:
/// stage (size-limited, hashed, fsynced) → check the kind by content → move into place → one
/// transaction with the row, the task's history line and the audit event. Used by the API's
/// streamed upload and by the web page's form upload.
struct EvidenceIntake {
    let request: Request

    struct Stored {
        let evidence: Evidence
        /// False when the task already had this exact file: nothing new was stored.
        let isNew: Bool
    }

    func accept<Chunks: AsyncSequence>(
        _ chunks: Chunks, filename: String, taskID: Int, unitID: Int
    ) async throws -> Stored where Chunks.Element == ByteBuffer {
        let store = EvidenceStore(dataDirectory: request.partrack.config.dataDirectory)
        let (staged, kind) = try await stageChecked(chunks, filename: filename, in: store)
        do {
            if let existing = try await Evidence.query(on: request.db).filter(\.$task.$id == taskID)
                .filter(\.$sha256 == staged.sha256).first()
            {
                staged.discard()
                return Stored(evidence: existing, isNew: false)
            }
        } catch {
            staged.discard()
            throw error
        }

        let createdFile = try store.commit(staged)
        let user = try request.currentUser
        let now = request.partrack.now()
        let evidence = Evidence(
            taskID: taskID, filename: filename, kind: kind.rawValue, contentType: kind.mediaType, size: staged.size,
            sha256: staged.sha256, uploaderID: user.id, uploadedAt: now)
        do {
            try await request.db.transaction { db in
                try await evidence.create(on: db)
                let version = try await PlanTask.find(taskID, on: db)?.version ?? 0
                try await TaskUpdate(
                    taskID: taskID, authorID: user.id, at: now, kind: "evidence", note: filename, version: version
                ).create(on: db)
                try await Audit.record(
                    "evidence.upload", entity: "evidence", entityID: evidence.id, unitID: unitID,
                    after: [
                        "filename": filename, "sha256": staged.sha256, "size": "\(staged.size)", "task_id": "\(taskID)",
                    ],
                    by: request, on: db)
            }
        } catch {
            // The row did not commit: take back the file, unless other rows already point to it.
            let others = try? await Evidence.query(on: request.db).filter(\.$sha256 == staged.sha256).count()
            if createdFile, others == 0 { store.remove(staged.sha256) }
            throw error
        }
        return Stored(evidence: evidence, isNew: true)
    }

    /// Stages the upload (size-limited, hashed, fsynced) and checks its kind by content; a refused
    /// file is discarded before the error is thrown.
    func stageChecked<Chunks: AsyncSequence>(
        _ chunks: Chunks, filename: String, in store: EvidenceStore
    ) async throws -> (StagedUpload, EvidenceKind) where Chunks.Element == ByteBuffer {
        let staged = try await StagedUpload.receive(
            chunks, limit: request.partrack.config.maxUploadBytes, in: store.stagingDirectory)
        do {
            guard staged.size > 0 else { throw PartrackError.badRequest(Message("upload.empty")) }
            let entries =
                staged.prefix.starts(with: [0x50, 0x4B, 0x03, 0x04])
                ? ZipEntries.names(of: staged.temporaryFile) : nil
            switch EvidenceKind.check(filename: filename, contentPrefix: staged.prefix, zipEntryNames: entries) {
            case .success(let found): return (staged, found)
            // A kind partrack does not keep as evidence, or a name that lies about the content:
            // HTTP's word for it is 415.
            case .failure(let refusal):
                throw PartrackError(status: .unsupportedMediaType, code: refusal.message.key, message: refusal.message)
            }
        } catch {
            staged.discard()
            throw error
        }
    }
}
