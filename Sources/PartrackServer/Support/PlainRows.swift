import FluentSQLiteDriver
import Foundation
import PartrackDomain
import SQLKit

/// A row read column by column from a plain SQL query.
///
/// The province-wide reads (compliance, projections, the signed-in user's unit tree) touch
/// thousands of rows per request. Fluent builds every model through reflection, and a `Decodable`
/// row goes through a keyed decoder; both cost several times more than asking the row for its
/// columns, and together they were most of those requests' time.
protocol PlainRow {
    init(row: PlainColumns) throws
}

extension SQLSelectBuilder {
    func all<Row: PlainRow>(reading: Row.Type) async throws -> [Row] {
        if let sqlite = database as? any SQLDatabase & SQLiteDatabase {
            return try await SQLiteRows.all(query, on: sqlite).map {
                try Row(row: PlainColumns(sqlite: $0))
            }
        }
        return try await all().map { try Row(row: PlainColumns(sql: $0)) }
    }
}

/// One row's columns by type: straight from SQLite's values when the row came from SQLite (SQLKit's
/// generic decoding casts every value dynamically), through SQLKit's decoding otherwise.
struct PlainColumns {
    private enum Source {
        case sqlite(SQLiteRow)
        case sql(any SQLRow)
    }

    private let source: Source

    init(sqlite row: SQLiteRow) { source = .sqlite(row) }
    init(sql row: any SQLRow) { source = .sql(row) }

    /// Whether the query selected this column.
    func contains(_ column: String) -> Bool {
        switch source {
        case .sqlite(let row): row.column(column) != nil
        case .sql(let row): row.contains(column: column)
        }
    }

    func optionalInt(_ column: String) throws -> Int? { try read(column, Int.init(sqliteData:)) }
    func optionalString(_ column: String) throws -> String? { try read(column, String.init(sqliteData:)) }
    func optionalDate(_ column: String) throws -> Date? { try read(column, Date.init(sqliteData:)) }
    func int(_ column: String) throws -> Int { try required(optionalInt(column), column) }
    func string(_ column: String) throws -> String { try required(optionalString(column), column) }
    func date(_ column: String) throws -> Date { try required(optionalDate(column), column) }

    /// A value stored as its raw text (a level, a period kind).
    func value<Value: RawRepresentable<String>>(_ column: String, as type: Value.Type) throws -> Value {
        guard let value = Value(rawValue: try string(column)) else {
            throw PlainRowError(column: column, expected: "a \(Value.self)")
        }
        return value
    }

    /// A day stored as yyyy-mm-dd text; nil when empty or unreadable, as the models treat it.
    func optionalDay(_ column: String) throws -> LocalDate? {
        try optionalString(column).flatMap { LocalDate(iso: $0) }
    }

    func day(_ column: String) throws -> LocalDate {
        guard let day = try optionalDay(column) else {
            throw PlainRowError(column: column, expected: "a yyyy-mm-dd day")
        }
        return day
    }

    private func read<T: Decodable>(_ column: String, _ fromSQLite: (SQLiteData) -> T?) throws -> T? {
        switch source {
        case .sqlite(let row):
            guard let data = row.column(column) else { throw PlainRowError(column: column, expected: "a value") }
            if case .null = data { return nil }
            guard let value = fromSQLite(data) else { throw PlainRowError(column: column, expected: "\(T.self)") }
            return value
        case .sql(let row):
            return try row.decodeNil(column: column) ? nil : row.decode(column: column, as: T.self)
        }
    }

    private func required<T>(_ value: T?, _ column: String) throws -> T {
        guard let value else { throw PlainRowError(column: column, expected: "\(T.self), not null") }
        return value
    }
}

struct PlainRowError: Error, CustomStringConvertible {
    let column: String
    let expected: String
    var description: String { "column \(column) does not hold \(expected)" }
}

/// Reads SQLite rows through a connection's own query. The pooled database Fluent hands out runs
/// every query through SQLiteNIO's future-based call, which hops to the event loop once per row
/// with a future each: for the 12,000 tasks of a province that hop cost more than reading them.
enum SQLiteRows {
    static func all(_ query: any SQLExpression, on database: any SQLDatabase & SQLiteDatabase) async throws
        -> [SQLiteRow]
    {
        let (sql, binds) = database.serialize(query)
        let encoder = SQLiteDataEncoder()
        let data = try binds.map { try encoder.encode($0) }
        // The connection's own async query calls back on its thread, row after row, and returns
        // after the last: nothing else touches `rows` meanwhile, so it needs no lock (SQLiteNIO
        // collects its own rows the same way).
        nonisolated(unsafe) var rows: [SQLiteRow] = []
        try await database.withConnection { connection in
            try await connection.query(sql, data) { row in rows.append(row) }
        }
        return rows
    }
}
