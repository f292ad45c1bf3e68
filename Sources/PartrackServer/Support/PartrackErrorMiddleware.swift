import PartrackAPI
import PartrackDomain
import Vapor

/// Turns every error into what its reader can act on: a JSON `ErrorDTO` under /api, a friendly
/// page in the reader's language elsewhere. Never a stack trace; unexpected errors are logged
/// in full and shown as a generic message.
struct PartrackErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.holdServices()
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, body) = describe(error, for: request)
            if status.code >= 500 {
                request.logger.report(error: error)
            }
            if request.url.path.hasPrefix("/api/") {
                let response = Response(status: status)
                try response.content.encode(body, as: .json)
                if let retry = body.details["retry_after_seconds"] {
                    response.headers.replaceOrAdd(name: .retryAfter, value: retry)
                }
                return response
            }
            return try await ErrorPage.render(status: status, error: body, for: request)
        }
    }

    func describe(_ error: any Error, for request: Request) -> (HTTPResponseStatus, ErrorDTO) {
        switch error {
        case let error as PartrackError:
            return (
                error.status,
                ErrorDTO(code: error.code, message: request.localized(error.message), details: error.details)
            )
        case let error as AssessmentRefusal where !error.details.isEmpty:
            // Each problem on its own line (every bad cell, every criterion that stops submission).
            var details = error.message.arguments
            details["problems"] = error.details.map(request.localized).joined(separator: "\n")
            return (
                .unprocessableEntity,
                ErrorDTO(code: error.message.key, message: request.localized(error.message), details: details)
            )
        case let error as any UserFacingError:
            // A rule of the domain refused the input as it stands.
            return (
                .unprocessableEntity,
                ErrorDTO(
                    code: error.message.key, message: request.localized(error.message), details: error.message.arguments
                )
            )
        case let error as DecodingError:
            return (
                .badRequest,
                ErrorDTO(
                    code: "bad_request", message: request.localized("error.bad_body"),
                    details: ["reason": "\(error)".firstLine])
            )
        case let error as any AbortError where error.status.code >= 500:
            // A failure of ours (a broken template, a driver error): its reason is not for the reader.
            return (error.status, ErrorDTO(code: "internal", message: request.localized("error.internal")))
        case let error as any AbortError:
            let key = "error.http.\(error.status.code)"
            let message = request.strings.contains(key) ? request.localized(key) : error.reason
            return (error.status, ErrorDTO(code: "http_\(error.status.code)", message: message))
        default:
            return (.internalServerError, ErrorDTO(code: "internal", message: request.localized("error.internal")))
        }
    }
}

extension String {
    var firstLine: String { String(split(separator: "\n", maxSplits: 1).first ?? "") }
}
