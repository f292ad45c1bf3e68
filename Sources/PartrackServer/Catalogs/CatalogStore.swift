import Fluent
import PartrackDomain
import Vapor

/// Stores validated catalogs and reads them back as domain trees.
enum CatalogStore {
    /// Stores a catalog in one transaction. Loading the same catalog again returns the stored one
    /// unchanged; a different catalog under the same name, year and level is refused, because plans
    /// already measured against it would silently change.
    static func save(_ definition: CatalogDefinition, on database: any Database) async throws -> Catalog {
        try await database.transaction { db in
            if let existing = try await Catalog.query(on: db)
                .filter(\.$name == definition.name).filter(\.$year == definition.year)
                .filter(\.$level == definition.level).first()
            {
                let stored = try await load(existing, on: db)
                guard stored.sameContent(as: definition) else {
                    throw PartrackError(
                        status: .conflict, code: "catalog.exists_different",
                        message: Message(
                            "catalog.exists_different",
                            ["name": definition.name, "year": "\(definition.year)"]))
                }
                return existing
            }
            let catalog = Catalog(definition)
            try await catalog.create(on: db)
            let catalogID = try catalog.requireID()
            for (order, threshold) in definition.classes.enumerated() {
                try await CatalogClass(catalogID: catalogID, threshold: threshold, sortOrder: order).create(on: db)
            }
            var order = 0
            func insert(_ node: CatalogNodeDefinition, parentID: Int?) async throws {
                let row = CatalogNode(catalogID: catalogID, parentID: parentID, node: node, sortOrder: order)
                order += 1
                try await row.create(on: db)
                for child in node.children { try await insert(child, parentID: try row.requireID()) }
            }
            for area in definition.areas { try await insert(area, parentID: nil) }
            return catalog
        }
    }

    /// The stored catalog as the domain's tree.
    static func load(_ catalog: Catalog, on database: any Database) async throws -> CatalogDefinition {
        let catalogID = try catalog.requireID()
        let classes = try await CatalogClass.query(on: database).filter(\.$catalog.$id == catalogID)
            .sort(\.$sortOrder).all()
        let nodes = try await CatalogNode.query(on: database).filter(\.$catalog.$id == catalogID)
            .sort(\.$sortOrder).all()
        return CatalogDefinition(
            name: catalog.name, year: catalog.year, level: catalog.level, decision: catalog.decision,
            isSample: catalog.isSample, lateCreditPercent: catalog.lateCreditPercent,
            classes: classes.map { ClassThreshold(name: $0.name, minPercentHundredths: $0.minPercentHundredths) },
            areas: tree(of: nodes))
    }

    /// Builds the tree from rows sorted in file order.
    static func tree(of nodes: [CatalogNode]) -> [CatalogNodeDefinition] {
        let childrenByParent = Dictionary(grouping: nodes) { $0.$parent.id }
        func build(_ node: CatalogNode) -> CatalogNodeDefinition {
            CatalogNodeDefinition(
                code: node.code, title: node.title, maxPoints: Points(hundredths: node.maxHundredths),
                measure: node.measure, children: (childrenByParent[node.id] ?? []).map(build))
        }
        return (childrenByParent[nil] ?? []).map(build)
    }
}

extension CatalogDefinition {
    /// Equal apart from where things were written in a file.
    func sameContent(as other: CatalogDefinition) -> Bool {
        func strip(_ node: CatalogNodeDefinition) -> CatalogNodeDefinition {
            var copy = node
            copy.line = 0
            copy.children = node.children.map(strip)
            return copy
        }
        var left = self
        var right = other
        left.areas = areas.map(strip)
        right.areas = other.areas.map(strip)
        left.classes = classes.map { ClassThreshold(name: $0.name, minPercentHundredths: $0.minPercentHundredths) }
        right.classes = other.classes.map {
            ClassThreshold(name: $0.name, minPercentHundredths: $0.minPercentHundredths)
        }
        return left == right
    }
}
