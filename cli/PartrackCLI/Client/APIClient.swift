import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PartrackAPI

/// Talks to one partrack server's /api/v1: JSON in and out, the bearer token, the reader's
/// language. A refusal (4xx) becomes `ServerRefusal`, a failure to talk at all `ServerUnreachable`.
struct APIClient: Sendable {
    let http: HTTPClient
    let server: URL
    let token: String?
    let language: String

    static let timeout = TimeAmount.seconds(60)
    /// An upload of a large scan over a slow line may take a while.
    static let uploadTimeout = TimeAmount.minutes(30)
    static let maximumResponseBytes = 256 * 1024 * 1024

    typealias Query = [(String, String?)]

    func get<T: Decodable>(_ path: String, query: Query = [], as type: T.Type = T.self) async throws -> T {
        try decode(T.self, from: try await perform(.GET, path, query: query).body)
    }

    func send<T: Decodable>(
        _ method: HTTPMethod, _ path: String, query: Query = [], json body: some Encodable, as type: T.Type = T.self
    ) async throws -> T {
        let data = try Self.encoder.encode(body)
        let response = try await perform(
            method, path, query: query, body: .bytes(ByteBuffer(bytes: data)), contentType: "application/json")
        return try decode(T.self, from: response.body)
    }

    func delete(_ path: String) async throws {
        _ = try await perform(.DELETE, path)
    }

    /// Sends a file as the request body, read from disk in chunks (never whole into memory).
    func upload<T: Decodable>(_ path: String, query: Query, file: URL, as type: T.Type = T.self) async throws -> T {
        let size = try FileChunks.size(of: file)
        let response = try await perform(
            .POST, path, query: query, body: .stream(FileChunks(url: file), length: .known(Int64(size))),
            contentType: "application/octet-stream", timeout: Self.uploadTimeout)
        return try decode(T.self, from: response.body)
    }

    /// The body as it came (a CSV download).
    func download(_ path: String, query: Query = []) async throws -> Data {
        try await perform(.GET, path, query: query).body
    }

    struct Answer {
        let status: HTTPResponseStatus
        let headers: HTTPHeaders
        let body: Data
    }

    func perform(
        _ method: HTTPMethod, _ path: String, query: Query = [], body: HTTPClientRequest.Body? = nil,
        contentType: String? = nil, timeout: TimeAmount = APIClient.timeout
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url(path, query: query))
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Accept-Language", value: language)
        request.headers.add(name: "User-Agent", value: "partrack-cli/\(PartrackCommand.version)")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        request.body = body
        let answer: Answer
        do {
            let response = try await http.execute(request, timeout: timeout)
            let bytes = try await response.body.collect(upTo: Self.maximumResponseBytes)
            answer = Answer(status: response.status, headers: response.headers, body: Data(bytes.readableBytesView))
        } catch let error as FileChunks.ReadFailure {
            throw error
        } catch {
            throw ServerUnreachable(server: server.absoluteString, reason: "\(error)")
        }
        guard (200..<300).contains(answer.status.code) else {
            throw ServerRefusal(answer: answer)
        }
        return answer
    }

    /// The server's base URL with the API path and a query whose values are fully percent-encoded
    /// (`+` too, which a server reads as a space).
    func url(_ path: String, query: Query) -> String {
        var text = server.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += "/api/v1" + path
        let pairs = query.compactMap { name, value in value.map { (name, $0) } }
        if !pairs.isEmpty {
            text += "?" + pairs.map { "\(Self.escape($0))=\(Self.escape($1))" }.joined(separator: "&")
        }
        return text
    }

    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try Self.decoder.decode(T.self, from: data)
        } catch {
            throw ServerUnreachable(server: server.absoluteString, reason: "unexpected answer: \(error)")
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

/// The server answered, and said no (or failed).
struct ServerRefusal: Error {
    let status: Int
    let error: ErrorDTO
    let body: Data
    let retryAfter: String?

    init(answer: APIClient.Answer) {
        status = Int(answer.status.code)
        body = answer.body
        retryAfter = answer.headers.first(name: "Retry-After")
        error =
            (try? APIClient.decoder.decode(ErrorDTO.self, from: answer.body))
            ?? ErrorDTO(
                code: "http_\(answer.status.code)",
                message: "HTTP \(answer.status.code) \(answer.status.reasonPhrase)")
    }

    /// The answer to a stale update carries the task as it now is.
    var conflict: TaskConflictDTO? {
        status == 409 ? try? APIClient.decoder.decode(TaskConflictDTO.self, from: body) : nil
    }
}

/// The server could not be reached, or its answer could not be read.
struct ServerUnreachable: Error {
    let server: String
    let reason: String
}
