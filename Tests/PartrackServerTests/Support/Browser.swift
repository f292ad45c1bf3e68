import Foundation
import NIOHTTP1
import Testing
import Vapor
import VaporTesting

/// A minimal browser over the in-memory tester: keeps the session cookie, finds the form's CSRF
/// token in the page, posts forms. The real-browser suite lives in Tests/e2e.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]
    var language: String?

    init(_ app: Application) { self.app = app }

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        var pairs = cookies.map { "\($0.key)=\($0.value)" }
        if let language { pairs.append("lang=\(language)") }
        if !pairs.isEmpty { headers.add(name: .cookie, value: pairs.sorted().joined(separator: "; ")) }
        return headers
    }

    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        let response = try await app.sendRequest(.GET, path, headers: headers)
        keepCookies(response)
        return response
    }

    /// Posts a url-encoded form; `csrf: true` adds the token found on `from`'s page.
    mutating func post(_ path: String, _ fields: [String: String], csrfFrom page: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var fields = fields
        if let page { fields["_csrf"] = try await csrf(on: page) }
        let body = fields.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        var headers = self.headers
        headers.contentType = .urlEncodedForm
        let response = try await app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        keepCookies(response)
        return response
    }

    mutating func csrf(on page: String) async throws -> String {
        let html = try await get(page).body.string
        let marker = "name=\"_csrf\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    mutating func signIn(_ username: String, password: String = "partrack-demo") async throws -> TestingHTTPResponse {
        try await post("/dang-nhap", ["username": username, "password": password, "next": ""], csrfFrom: "/dang-nhap")
    }

    private mutating func keepCookies(_ response: TestingHTTPResponse) {
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if header.contains("Max-Age=0") || header.contains("Expires=Thu, 01 Jan 1970") {
                cookies[parts[0]] = nil
            } else {
                cookies[parts[0]] = parts[1]
            }
        }
    }
}
