import Foundation

/// Files only their owner may read (mode 0600 in a 0700 folder): they hold a bearer token and
/// unsent work. Written whole to a temporary file and renamed over the old one, so a crash never
/// leaves half a file and the file never exists, even briefly, with wider permissions.
enum PrivateFile {
    static func write(_ data: Data, to file: URL) throws {
        let folder = file.deletingLastPathComponent()
        let manager = FileManager.default
        if !manager.fileExists(atPath: folder.path) {
            try manager.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString)")
        guard manager.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw CLIError.usage("cli.error.cannot_write", ["path": file.path]) }
        if rename(temporary.path, file.path) != 0 {
            try? manager.removeItem(at: temporary)
            throw CLIError.usage("cli.error.cannot_write", ["path": file.path])
        }
    }

    static func read<T: Decodable>(_ type: T.Type, from file: URL) throws -> T? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            throw CLIError.usage("cli.error.bad_file", ["path": file.path])
        }
    }

    static func write(_ value: some Encodable, to file: URL) throws {
        try write(try encoder.encode(value), to: file)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
