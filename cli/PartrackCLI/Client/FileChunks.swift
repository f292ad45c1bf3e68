import Foundation
import NIOCore

/// A file read in chunks as an upload body, so a 20 MB scan never sits whole in memory.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    static let chunkSize = 256 * 1024

    let url: URL

    /// The file could not be read; not the server's fault.
    struct ReadFailure: Error {
        let path: String
    }

    static func size(of file: URL) throws -> Int {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
            (attributes[.type] as? FileAttributeType) == .typeRegular,
            let size = attributes[.size] as? NSNumber
        else { throw ReadFailure(path: file.path) }
        return size.intValue
    }

    func makeAsyncIterator() -> Iterator { Iterator(url: url) }

    struct Iterator: AsyncIteratorProtocol {
        let url: URL
        var handle: FileHandle?
        var finished = false

        init(url: URL) { self.url = url }

        mutating func next() async throws -> ByteBuffer? {
            guard !finished else { return nil }
            if handle == nil {
                guard let opened = FileHandle(forReadingAtPath: url.path) else { throw ReadFailure(path: url.path) }
                handle = opened
            }
            guard let data = try handle?.read(upToCount: FileChunks.chunkSize), !data.isEmpty else {
                try? handle?.close()
                finished = true
                return nil
            }
            return ByteBuffer(bytes: data)
        }
    }
}
