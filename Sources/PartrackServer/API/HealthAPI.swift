import Fluent
import PartrackAPI
import SQLKit
import Vapor

enum HealthAPI {
    static let version = "0.1.0"

    /// 200 when a query reaches the database; 503 otherwise, so a load balancer can tell.
    @Sendable static func check(_ request: Request) async throws -> Response {
        let kind = request.partrack.config.database.kind
        do {
            guard let sql = request.db as? any SQLDatabase else { throw Abort(.serviceUnavailable) }
            _ = try await sql.raw("SELECT 1 AS alive").first()
            let response = Response(status: .ok)
            try response.content.encode(HealthDTO(status: "ok", database: kind, version: version))
            return response
        } catch {
            request.logger.error("health check failed: \(error)")
            let response = Response(status: .serviceUnavailable)
            try response.content.encode(HealthDTO(status: "database_unreachable", database: kind, version: version))
            return response
        }
    }
}
