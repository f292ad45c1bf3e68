import Foundation
import Vapor

/// Evidence files on disk, by content: `<data>/evidence/ab/cd/abcd…` (the SHA-256 in hex).
/// The same content is stored once however often it is attached.
struct EvidenceStore {
    let root: URL

    init(dataDirectory: URL) {
        root = dataDirectory.appendingPathComponent("evidence", isDirectory: true)
    }

    var stagingDirectory: URL { root.appendingPathComponent("incoming", isDirectory: true) }

    func location(of sha256: String) -> URL {
        let characters = Array(sha256)
        return root.appendingPathComponent(String(characters[0..<2]), isDirectory: true)
            .appendingPathComponent(String(characters[2..<4]), isDirectory: true)
            .appendingPathComponent(sha256)
    }

    /// Moves a staged upload into place. Returns whether this call created the stored file
    /// (false when the same content was already there, in which case the staged copy is dropped).
    func commit(_ upload: StagedUpload) throws -> Bool {
        let target = location(of: upload.sha256)
        if FileManager.default.fileExists(atPath: target.path) {
            upload.discard()
            return false
        }
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // rename(2) is atomic within one file system: readers see no file or the whole file.
        guard rename(upload.temporaryFile.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            upload.discard()
            throw StoreFailure.cannotMove(target.path, reason)
        }
        syncDirectory(folder)
        return true
    }

    /// Removes a stored file that no row refers to (used when the database refused the row).
    func remove(_ sha256: String) {
        try? FileManager.default.removeItem(at: location(of: sha256))
    }

    /// Makes the rename itself durable, not only the file's content.
    private func syncDirectory(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

enum StoreFailure: Error, CustomStringConvertible {
    case cannotMove(String, String)

    var description: String {
        switch self {
        case .cannotMove(let path, let reason): return "cannot move the upload into \(path): \(reason)"
        }
    }
}
