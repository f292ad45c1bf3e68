import Foundation
import PartrackAPI
import PartrackDomain

/// Turning what a person types (a unit code, a position's title, a period's name) into the ids
/// the API takes.
extension Session {
    /// `ba-giang` or `3`; nil gives nil (the server then uses the caller's unit).
    func unitID(_ key: String?) async throws -> Int? {
        guard let key = key?.trimmingCharacters(in: .whitespaces), !key.isEmpty else { return nil }
        if let id = Int(key), id > 0 { return id }
        let unit: UnitDTO = try await api.get("/units/\(APIClient.escape(key))")
        return unit.id
    }

    /// The period of this kind in the unit's plan for the year (by default its latest plan).
    func period(_ kind: PeriodKind, unitID: Int?, year: Int?) async throws -> PeriodStatusDTO {
        let periods: [PeriodStatusDTO] = try await api.get(
            "/periods",
            query: [("unit", unitID.map(String.init)), ("year", year.map(String.init)), ("kind", kind.rawValue)])
        guard let period = periods.first(where: { $0.kind == kind.rawValue }) else {
            throw CLIError.refused("cli.error.no_period", ["period": kind.rawValue])
        }
        return period
    }

    /// The position a report is written for: the one asked for (id or title), else the only one
    /// the caller holds.
    func position(_ choice: String?, me: MeDTO) async throws -> PositionRefDTO {
        if let choice = choice?.trimmingCharacters(in: .whitespaces), !choice.isEmpty {
            let positions: [PositionDTO] = try await api.get("/units/\(me.unitID)/positions")
            if let found = positions.first(where: { "\($0.id)" == choice || Self.sameTitle($0, choice) }) {
                return PositionRefDTO(id: found.id, title: found.title)
            }
            throw CLIError.usage(
                "cli.error.unknown_position",
                ["position": choice, "known": positions.map(\.title).joined(separator: "; ")])
        }
        switch me.positions.count {
        case 1: return me.positions[0]
        case 0: throw CLIError.usage("cli.error.no_position")
        default:
            throw CLIError.usage(
                "cli.error.choose_position",
                ["known": me.positions.map { "\($0.id) (\($0.title))" }.joined(separator: ", ")])
        }
    }

    /// A position of the unit by id, title or alias (case and spacing ignored).
    func positionID(_ choice: String, unitID: Int) async throws -> Int {
        if let id = Int(choice), id > 0 { return id }
        let positions: [PositionDTO] = try await api.get("/units/\(unitID)/positions")
        guard let found = positions.first(where: { Self.sameTitle($0, choice) }) else {
            throw CLIError.usage(
                "cli.error.unknown_position",
                ["position": choice, "known": positions.map(\.title).joined(separator: "; ")])
        }
        return found.id
    }

    private static func sameTitle(_ position: PositionDTO, _ text: String) -> Bool {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        return ([position.title] + position.aliases).contains { $0.lowercased() == wanted }
    }

    /// Every page of a list.
    func all<Item: Codable & Sendable>(_ path: String, query: APIClient.Query, as type: Item.Type) async throws
        -> [Item]
    {
        var items: [Item] = []
        var page = 1
        while true {
            let answer: PageDTO<Item> = try await api.get(
                path, query: query + [("page", "\(page)"), ("per", "500")])
            items += answer.items
            if answer.items.isEmpty || items.count >= answer.metadata.total { return items }
            page += 1
        }
    }
}

/// Reading a date typed dd/mm/yyyy, as a usage error when it is not one.
enum TypedDate {
    static func parse(_ text: String, option: String) throws -> LocalDate {
        do {
            return try DateInput.parse(text)
        } catch {
            throw CLIError.usage("cli.error.bad_date", ["option": option, "value": text])
        }
    }
}

/// A file named on the command line: it must exist and be readable before anything is sent.
enum NamedFile {
    static func existing(_ path: String, relativeTo directory: String = FileManager.default.currentDirectoryPath)
        throws -> URL
    {
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path) : URL(fileURLWithPath: directory).appendingPathComponent(path)
        guard (try? FileChunks.size(of: url)) != nil, FileManager.default.isReadableFile(atPath: url.path) else {
            throw CLIError.usage("cli.error.no_such_file", ["path": path])
        }
        return url.standardizedFileURL
    }

    static func text(_ path: String, input: any InputSource) throws -> String {
        if path == "-" { return input.readAll() }
        let url = try existing(path)
        guard let data = FileManager.default.contents(atPath: url.path),
            let text = String(data: data, encoding: .utf8)
        else { throw CLIError.usage("cli.error.not_utf8", ["path": path]) }
        return text
    }
}
