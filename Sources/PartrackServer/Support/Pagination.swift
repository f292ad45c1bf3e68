import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// `?page=` and `?per=` of a list request, checked: a bad value is a 400 naming the parameter.
struct PageRequest {
    static let maximumPer = 500
    let page: Int
    let per: Int

    init(_ request: Request) throws {
        page = try request.query.positiveInt("page") ?? 1
        per = min(try request.query.positiveInt("per") ?? 50, PageRequest.maximumPer)
    }

    /// Runs the query for one page and maps its rows.
    func fetch<M: Model, Item: Codable & Sendable>(
        _ query: QueryBuilder<M>, map: ([M]) async throws -> [Item]
    ) async throws -> PageDTO<Item> {
        let total = try await query.copy().count()
        let rows = try await query.range(((page - 1) * per)..<(page * per)).all()
        return PageDTO(items: try await map(rows), metadata: PageMetadata(page: page, per: per, total: total))
    }
}

extension URLQueryContainer {
    /// An optional query parameter that must be a positive integer when present.
    func positiveInt(_ name: String) throws -> Int? {
        guard let text = try? get(String.self, at: name), !text.isEmpty else { return nil }
        guard let value = Int(text), value > 0 else { throw PartrackError.badQuery(name, value: text) }
        return value
    }

    /// An optional date parameter written dd/mm/yyyy (or yyyy-mm-dd, the API's own form).
    func date(_ name: String) throws -> LocalDate? {
        guard let text = try? get(String.self, at: name), !text.isEmpty else { return nil }
        if let date = LocalDate(iso: text) { return date }
        do {
            return try DateInput.parse(text)
        } catch {
            throw PartrackError(
                status: .badRequest, code: error.message.key, message: error.message, details: ["parameter": name])
        }
    }

    func string(_ name: String) -> String? {
        guard let text = try? get(String.self, at: name), !text.isEmpty else { return nil }
        return text
    }
}
