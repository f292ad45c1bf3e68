import Foundation
import PartrackDomain
import Yams

/// `seeds/demo/organisation.yaml`: the demo units, the positions every commune has, and the people.
public struct DemoOrganisation: Sendable {
    public struct UnitEntry: Sendable {
        public var code: String
        public var name: String
        public var level: UnitLevel
        public var parentCode: String?
    }

    public struct PositionEntry: Sendable {
        public var title: String
        public var aliases: [String]
        /// The position that compiles the unit's periodic report (the commune office).
        public var compilesUnitReport: Bool
    }

    public struct UserEntry: Sendable {
        public var username: String
        public var displayName: String
        public var role: Role
        public var unitCode: String
        public var positionTitles: [String]
    }

    public var demoPassword: String
    public var units: [UnitEntry]
    public var communePositions: [PositionEntry]
    public var users: [UserEntry]

    public static func load(contentsOf url: URL) throws(CatalogInvalid) -> DemoOrganisation {
        let file = url.lastPathComponent
        var reader = YAMLReader(file: file)
        guard let text = try? String(contentsOf: url, encoding: .utf8), let root = reader.root(of: text) else {
            throw CatalogInvalid(problems: reader.problems.isEmpty ? [.unreadableFile(file)] : reader.problems)
        }
        let password = reader.string("demo_password", in: root)
        let units = reader.sequence("units", in: root).compactMap { node -> UnitEntry? in
            let code = reader.string("code", in: node)
            let name = reader.string("name", in: node, owner: code ?? "")
            let level = reader.enumValue("level", in: node, owner: code ?? "", as: UnitLevel.self)
            guard let code, let name, let level else { return nil }
            return UnitEntry(code: code, name: name, level: level, parentCode: node["parent"]?.string)
        }
        let positions = reader.sequence("commune_positions", in: root).compactMap { node -> PositionEntry? in
            guard let title = reader.string("title", in: node) else { return nil }
            return PositionEntry(
                title: title, aliases: reader.strings("aliases", in: node),
                compilesUnitReport: reader.optionalBool("compiles_unit_report", in: node, default: false))
        }
        let users = reader.sequence("users", in: root).compactMap { node -> UserEntry? in
            let username = reader.string("username", in: node)
            let owner = username ?? ""
            let name = reader.string("name", in: node, owner: owner)
            let role = reader.enumValue("role", in: node, owner: owner, as: Role.self)
            let unit = reader.string("unit", in: node, owner: owner)
            guard let username, let name, let role, let unit else { return nil }
            return UserEntry(
                username: username, displayName: name, role: role, unitCode: unit,
                positionTitles: reader.strings("positions", in: node))
        }
        guard reader.problems.isEmpty, let password else { throw CatalogInvalid(problems: reader.problems) }
        return DemoOrganisation(demoPassword: password, units: units, communePositions: positions, users: users)
    }
}

extension CatalogProblem {
    static func unreadableFile(_ file: String) -> CatalogProblem {
        CatalogProblem(.unreadable, file: file, line: 1, node: "", details: ["reason": "cannot open the file"])
    }
}
