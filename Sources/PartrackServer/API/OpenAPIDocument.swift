import Vapor

/// Serves the API contract, `web/openapi.yaml`, as written in the repository.
enum OpenAPIDocument {
    @Sendable static func serve(_ request: Request) async throws -> Response {
        let path = request.partrack.config.webDirectory.appendingPathComponent("openapi.yaml").path
        let response = try await request.fileio.asyncStreamFile(at: path)
        response.headers.replaceOrAdd(name: .contentType, value: "application/yaml; charset=utf-8")
        return response
    }
}
