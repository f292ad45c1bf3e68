import Fluent
import Foundation

/// A piece of evidence (tài liệu kiểm chứng) attached to a task. The file itself lives under the
/// data directory by content hash, so the same file attached twice is stored once.
final class Evidence: Model, @unchecked Sendable {
    static let schema = "evidence"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "task_id") var task: PlanTask
    /// The name it was uploaded under, shown and offered on download.
    @Field(key: "filename") var filename: String
    /// The kind found in the content (pdf, docx, xlsx, png …), never taken from the name alone.
    @Field(key: "kind") var kind: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    /// Hex SHA-256 of the content: the file's name on disk.
    @Field(key: "sha256") var sha256: String
    @Parent(key: "uploader_id") var uploader: User
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}

    init(
        taskID: Int, filename: String, kind: String, contentType: String, size: Int, sha256: String, uploaderID: Int,
        uploadedAt: Date
    ) {
        self.$task.id = taskID
        self.filename = filename
        self.kind = kind
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.$uploader.id = uploaderID
        self.uploadedAt = uploadedAt
    }
}
