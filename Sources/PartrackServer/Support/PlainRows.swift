import PartrackDomain
import SQLKit

/// A row read column by column from a plain SQL query.
///
/// The province-wide reads (compliance, projections, the signed-in user's unit tree) touch
/// thousands of rows per request. Fluent builds every model through reflection, and a `Decodable`
/// row goes through a keyed decoder; both cost several times more than asking the row for its
/// columns, and together they were most of those requests' time.
protocol PlainRow {
    init(row: any SQLRow) throws
}

extension SQLSelectBuilder {
    func all<Row: PlainRow>(reading: Row.Type) async throws -> [Row] {
        try await all().map(Row.init(row:))
    }
}

extension SQLRow {
    func value<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try decode(column: column, as: T.self)
    }

    func optionalValue<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }

    /// A day stored as yyyy-mm-dd text; nil when empty or unreadable, as the models treat it.
    func optionalDay(_ column: String) throws -> LocalDate? {
        try optionalValue(column, as: String.self).flatMap { LocalDate(iso: $0) }
    }

    func day(_ column: String) throws -> LocalDate {
        guard let day = try optionalDay(column) else {
            throw PlainRowError(column: column, expected: "a yyyy-mm-dd day")
        }
        return day
    }
}

struct PlainRowError: Error, CustomStringConvertible {
    let column: String
    let expected: String
    var description: String { "column \(column) does not hold \(expected)" }
}
