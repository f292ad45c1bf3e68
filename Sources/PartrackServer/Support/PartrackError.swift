import PartrackDomain
import Vapor

/// An error the application raises on purpose, with its HTTP status and a message from the catalog.
struct PartrackError: Error, UserFacingError {
    let status: HTTPResponseStatus
    let code: String
    let message: Message
    var details: [String: String] = [:]

    static func notFound(_ what: String, id: String) -> PartrackError {
        PartrackError(status: .notFound, code: "not_found", message: Message("error.not_found.\(what)", ["id": id]))
    }

    static func badRequest(_ message: Message) -> PartrackError {
        PartrackError(status: .badRequest, code: message.key, message: message)
    }

    static func badQuery(_ name: String, value: String) -> PartrackError {
        PartrackError(
            status: .badRequest, code: "bad_query",
            message: Message("error.bad_query", ["name": name, "value": value]),
            details: ["parameter": name])
    }
}
