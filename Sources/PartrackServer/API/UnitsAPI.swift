import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

enum UnitsAPI {
    /// GET /api/v1/units?level=commune&parent=ID
    @Sendable static func list(_ request: Request) async throws -> PageDTO<UnitDTO> {
        let query = OrgUnit.query(on: request.db).sort(\.$id)
        if let level = request.query.string("level") {
            guard let parsed = UnitLevel(rawValue: level) else { throw PartrackError.badQuery("level", value: level) }
            query.filter(\.$level == parsed)
        }
        if let parent = try request.query.positiveInt("parent") { query.filter(\.$parent.$id == parent) }
        return try await PageRequest(request).fetch(query) { $0.compactMap { try? $0.toDTO() } }
    }

    /// GET /api/v1/units/:unitID (an id or a code such as ba-giang)
    @Sendable static func show(_ request: Request) async throws -> UnitDTO {
        try await find(request).toDTO()
    }

    /// GET /api/v1/units/:unitID/positions — the unit's positions with their holders.
    @Sendable static func positions(_ request: Request) async throws -> [PositionDTO] {
        let unit = try await find(request)
        let positions = try await Position.query(on: request.db).filter(\.$unit.$id == unit.requireID())
            .with(\.$holders).sort(\.$id).all()
        return try positions.map { try $0.toDTO() }
    }

    static func find(_ request: Request) async throws -> OrgUnit {
        let key = request.parameters.get("unitID") ?? ""
        let query = OrgUnit.query(on: request.db)
        if let id = Int(key) { query.filter(\.$id == id) } else { query.filter(\.$code == key) }
        guard let unit = try await query.first() else { throw PartrackError.notFound("unit", id: key) }
        return unit
    }
}

extension OrgUnit {
    func toDTO() throws -> UnitDTO {
        UnitDTO(id: try requireID(), code: code, name: name, level: level.rawValue, parentID: $parent.id)
    }
}

extension Position {
    /// Needs `holders` eager-loaded.
    func toDTO() throws -> PositionDTO {
        PositionDTO(
            id: try requireID(), unitID: $unit.id, title: title, aliases: aliasList,
            holders: try holders.map {
                PersonDTO(id: try $0.requireID(), username: $0.username, displayName: $0.displayName)
            })
    }
}
