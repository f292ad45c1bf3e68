import Foundation
import NIOHTTP1
import PartrackAPI
import Testing
import Vapor
import VaporTesting

/// The demo data's password (seeds/demo/organisation.yaml).
public let demoPassword = "partrack-demo"

extension Application {
    /// Exchanges a demo user's password for a token; returns headers that carry it.
    public func signIn(_ username: String, password: String = demoPassword) async throws -> HTTPHeaders {
        let response = try await sendRequest(.POST, "/api/v1/tokens") { request in
            try request.content.encode(TokenCreateRequest(username: username, password: password, name: "test"))
        }
        #expect(response.status == .created, "sign-in of \(username)")
        return ["Authorization": "Bearer \(try response.json(TokenIssuedDTO.self).token)"]
    }

    /// Sends a JSON body with the given headers.
    public func send<Body: Encodable>(
        _ method: HTTPMethod, _ path: String, headers: HTTPHeaders, json body: Body
    ) async throws -> TestingHTTPResponse {
        try await sendRequest(method, path, headers: headers) { request in
            try request.content.encode(body, as: .json)
        }
    }
}

extension HTTPHeaders {
    public func adding(_ name: String, _ value: String) -> HTTPHeaders {
        var copy = self
        copy.add(name: name, value: value)
        return copy
    }
}
