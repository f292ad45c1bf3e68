/// The catalog tree flattened once per projection: nodes in depth-first order (parents before
/// children) with parent indices and a code lookup, so the engine rolls points up in one backward
/// pass and finds a task's leaf in one dictionary look-up, never walking the tree per task.
struct CatalogIndex {
    struct Node {
        let code: String
        let title: String
        /// 1 for an area, 2 for a criterion, 3 for a sub-criterion (the node's level in the tree).
        let depth: Int
        let maximum: Points
        let measure: CriterionMeasure
        let parent: Int?
        let isLeaf: Bool
    }

    let nodes: [Node]
    /// The first node with each code (a valid catalog has no duplicate codes).
    let position: [String: Int]

    init(_ catalog: CatalogDefinition) {
        var nodes: [Node] = []
        var position: [String: Int] = [:]
        // An explicit stack instead of recursion; children pushed in reverse keep the file's order.
        var pending: [(definition: CatalogNodeDefinition, parent: Int?, depth: Int)] = catalog.areas.reversed().map {
            ($0, nil, 1)
        }
        while let (definition, parent, depth) = pending.popLast() {
            let index = nodes.count
            nodes.append(
                Node(
                    code: definition.code, title: definition.title, depth: depth, maximum: definition.maxPoints,
                    measure: definition.measure, parent: parent, isLeaf: definition.children.isEmpty))
            if position[definition.code] == nil { position[definition.code] = index }
            for child in definition.children.reversed() { pending.append((child, index, depth + 1)) }
        }
        self.nodes = nodes
        self.position = position
    }
}
