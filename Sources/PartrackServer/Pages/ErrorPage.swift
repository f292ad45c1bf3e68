import PartrackAPI
import Vapor

/// The friendly page shown for any error outside the API, in the reader's language.
enum ErrorPage {
    struct Context: Encodable {
        let chrome: Chrome
        let status: Int
        let title: String
        let message: String
    }

    static func render(status: HTTPResponseStatus, error: ErrorDTO, for request: Request) async throws -> Response {
        let titleKey = "error.title.\(status.code)"
        let context = Context(
            chrome: Chrome(request), status: Int(status.code),
            title: request.strings.contains(titleKey)
                ? request.localized(titleKey) : request.localized("error.title.other"),
            message: error.message)
        let body: String
        do {
            let view = try await request.view.render("error", context)
            body = String(buffer: view.data)
        } catch {
            // The page itself failed (a broken template): fall back to plain text, never a trace.
            request.logger.report(error: error)
            body = "\(context.title)\n\n\(context.message)"
        }
        let response = Response(status: status, body: .init(string: body))
        response.headers.contentType = body.hasPrefix("<") ? .html : .plainText
        return response
    }
}
