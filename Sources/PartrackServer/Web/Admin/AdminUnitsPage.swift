import Fluent
import PartrackDomain
import Vapor

/// Units and their positions (with the position that compiles the unit's report).
enum AdminUnitsPage {
    struct UnitLine: Encodable {
        let name: String
        let code: String
        let level: String
        let depth: Int
        let positions: [String]
    }

    struct Context: Encodable {
        let chrome: Chrome
        let units: [UnitLine]
        let levels: [FormOption]
        let parents: [FormOption]
        let communes: [FormOption]
        let error: String?
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        try await page(request, error: nil)
    }

    static func page(_ request: Request, error: String?) async throws -> View {
        let units = try await OrgUnit.query(on: request.db).sort(\.$id).all()
        let positions = try await Position.query(on: request.db).sort(\.$id).all()
        let positionsByUnit = Dictionary(grouping: positions) { $0.$unit.id }
        let children = Dictionary(grouping: units) { $0.$parent.id }
        var lines: [UnitLine] = []
        func visit(_ unit: OrgUnit, depth: Int) {
            lines.append(
                UnitLine(
                    name: unit.name, code: unit.code, level: request.localized(unit.level.nameKey), depth: depth,
                    positions: (positionsByUnit[unit.id ?? 0] ?? []).map {
                        $0.compilesUnitReport ? "\($0.title) ★" : $0.title
                    }))
            for child in children[unit.id] ?? [] { visit(child, depth: depth + 1) }
        }
        for root in children[nil] ?? [] { visit(root, depth: 0) }
        return try await request.view.render(
            "admin-units",
            Context(
                chrome: Chrome(request), units: lines,
                levels: UnitLevel.allCases.map { FormOption(value: $0.rawValue, label: request.localized($0.nameKey)) },
                parents: units.map { FormOption(value: "\($0.id ?? 0)", label: $0.name) },
                communes: units.filter { $0.level == .commune || $0.level == .department }.map {
                    FormOption(value: "\($0.id ?? 0)", label: $0.name)
                }, error: error))
    }

    struct UnitForm: Content {
        let code: String
        let name: String
        let level: String
        let parent: Int?
    }

    @Sendable static func addUnit(_ request: Request) async throws -> Response {
        let form = try request.content.decode(UnitForm.self)
        guard let code = form.code.nonBlank?.lowercased(), let name = form.name.nonBlank,
            let level = UnitLevel(rawValue: form.level)
        else {
            return try await page(request, error: request.localized("admin.unit_invalid"))
                .encodeResponse(status: .unprocessableEntity, for: request)
        }
        if try await OrgUnit.query(on: request.db).filter(\.$code == code).first() != nil {
            return try await page(request, error: request.localized("admin.unit_exists", ["code": code]))
                .encodeResponse(status: .conflict, for: request)
        }
        let unit = OrgUnit(code: code, name: name, level: level, parentID: form.parent)
        try await request.db.transaction { db in
            try await unit.create(on: db)
            try await Audit.record(
                "unit.create", entity: "unit", entityID: unit.id, unitID: unit.id, after: ["code": code, "name": name],
                by: request, on: db)
        }
        request.notice(Message("admin.saved"))
        return request.redirect(to: Pages.adminUnits.link())
    }

    struct PositionForm: Content {
        let unit: Int
        let title: String
        let aliases: String?
        let compiles: String?
    }

    @Sendable static func addPosition(_ request: Request) async throws -> Response {
        let form = try request.content.decode(PositionForm.self)
        guard let title = form.title.nonBlank, try await OrgUnit.find(form.unit, on: request.db) != nil else {
            return try await page(request, error: request.localized("admin.position_invalid"))
                .encodeResponse(status: .unprocessableEntity, for: request)
        }
        let aliases = (form.aliases ?? "").split(separator: ",").compactMap { String($0).nonBlank }
        let position = Position(unitID: form.unit, title: title, aliases: aliases)
        position.compilesUnitReport = form.compiles != nil
        do {
            try await request.db.transaction { db in
                try await position.create(on: db)
                try await Audit.record(
                    "position.create", entity: "position", entityID: position.id, unitID: form.unit,
                    after: ["title": title], by: request, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return try await page(request, error: request.localized("admin.position_exists", ["title": title]))
                .encodeResponse(status: .conflict, for: request)
        }
        request.notice(Message("admin.saved"))
        return request.redirect(to: Pages.adminUnits.link())
    }
}
