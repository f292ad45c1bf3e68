import Crypto
import Foundation
import PartrackDomain
import Vapor

/// An upload written to a temporary file as it arrives, hashed on the way, and never larger than
/// the limit. Nothing of it is visible until `EvidenceStore.commit` moves it into place; `discard`
/// removes it, so an upload that fails midway (a lost connection, a refusal) leaves no file.
struct StagedUpload {
    let temporaryFile: URL
    let size: Int
    let sha256: String
    /// The first bytes, for recognising the kind of file by its content.
    let prefix: Data

    static let prefixLength = 4096

    /// Streams `chunks` into a new file under `directory`, refusing more than `limit` bytes.
    static func receive<Chunks: AsyncSequence>(
        _ chunks: Chunks, limit: Int, in directory: URL
    ) async throws -> StagedUpload where Chunks.Element == ByteBuffer {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("upload-\(UUID().uuidString).part")
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw StagingFailure.cannotCreate(file.path)
        }
        do {
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            var hasher = SHA256()
            var size = 0
            var prefix = Data()
            for try await chunk in chunks {
                size += chunk.readableBytes
                if size > limit {
                    throw PartrackError(
                        status: .payloadTooLarge, code: "upload.too_large",
                        message: Message("upload.too_large", ["max_mb": "\(limit / 1_048_576)"]))
                }
                let bytes = Data(chunk.readableBytesView)
                hasher.update(data: bytes)
                if prefix.count < prefixLength { prefix.append(bytes.prefix(prefixLength - prefix.count)) }
                try handle.write(contentsOf: bytes)
            }
            // On disk before anything refers to it: a crash after the database commits must not lose it.
            try handle.synchronize()
            let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            return StagedUpload(temporaryFile: file, size: size, sha256: digest, prefix: prefix)
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
    }

    func discard() {
        try? FileManager.default.removeItem(at: temporaryFile)
    }
}

enum StagingFailure: Error, CustomStringConvertible {
    case cannotCreate(String)

    var description: String {
        switch self {
        case .cannotCreate(let path): return "cannot create the temporary upload file \(path)"
        }
    }
}
