/// The catalog as the assessment reads it: which leaves the unit scores itself (every leaf except those
/// measured by the sociological survey, whose points the reviewer enters) and which are survey leaves.
struct AssessedCriteria {
    let index: CatalogIndex

    init(_ catalog: CatalogDefinition) { index = CatalogIndex(catalog) }

    func node(_ code: String) -> CatalogIndex.Node? { index.position[code].map { index.nodes[$0] } }

    /// Leaves the unit self-scores and the council appraises, in catalog order.
    var scoredLeaves: [CatalogIndex.Node] { index.nodes.filter { $0.isLeaf && $0.measure != .survey } }

    /// Leaves whose points come from the survey, in catalog order.
    var surveyLeaves: [CatalogIndex.Node] { index.nodes.filter { $0.isLeaf && $0.measure == .survey } }

    /// The leaf `code` if the unit scores it, or why it cannot be scored.
    func scoredLeaf(_ code: String) -> Result<CatalogIndex.Node, AssessmentRefusal> {
        guard let node = node(code) else { return .failure(AssessmentRefusal(.criterionUnknown, ["code": code])) }
        guard node.isLeaf else { return .failure(AssessmentRefusal(.criterionNotLeaf, ["code": code])) }
        guard node.measure != .survey else {
            return .failure(AssessmentRefusal(.criterionIsSurvey, ["code": code]))
        }
        return .success(node)
    }
}

/// Codes of the catalog tree: "1.2.3" lies in area "1", criterion "1.2".
enum CriterionCode {
    /// The code and its ancestors, most specific first: "1.2.3" → ["1.2.3", "1.2", "1"].
    static func selfAndAncestors(_ code: String) -> [String] {
        var parts = code.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var result: [String] = []
        while !parts.isEmpty {
            result.append(parts.joined(separator: "."))
            parts.removeLast()
        }
        return result
    }

    /// The assignment that applies to `code`: the one made on the code itself or on its nearest
    /// ancestor, so an area's owner covers its criteria unless a criterion has an owner of its own.
    static func nearest<Value>(_ code: String, in assignments: [String: Value]) -> (code: String, value: Value)? {
        for candidate in selfAndAncestors(code) {
            if let value = assignments[candidate] { return (candidate, value) }
        }
        return nil
    }
}

extension CatalogDefinition {
    /// Codes of the leaves a unit self-scores and the council appraises, in catalog order.
    public var assessedLeafCodes: [String] { AssessedCriteria(self).scoredLeaves.map(\.code) }

    /// Codes of the leaves whose points come from the survey, in catalog order.
    public var surveyLeafCodes: [String] { AssessedCriteria(self).surveyLeaves.map(\.code) }
}
