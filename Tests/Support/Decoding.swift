import Foundation
import VaporTesting

extension TestingHTTPResponse {
    /// Decodes the JSON body with the API's own date format.
    public func json<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer: body))
    }
}
