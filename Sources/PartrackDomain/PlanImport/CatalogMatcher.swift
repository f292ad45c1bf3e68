/// Matches plan wording to the catalog by meaning: an area heading ("Chỉ số đối với lĩnh vực cải
/// cách TTHC") to its area, and a task to the leaf criteria it most likely affects. Both compare
/// folded words with abbreviations spelled out, weighted by how rare each word is in the catalog.
struct CatalogMatcher: Sendable {
    struct AreaMatch: Sendable, Equatable {
        var code: String
        /// 0…1, how alike heading and area title are.
        var likeness: Double
        /// True when another area came close: the preview should ask.
        var ambiguous: Bool
    }

    private struct Node: Sendable {
        let code: String
        let areaCode: String
        let words: Set<String>
        /// Adjacent word pairs: "ban hành kế hoạch" and "kế hoạch tự kiểm tra" share words but not pairs.
        let pairs: Set<String>

        init(code: String, areaCode: String, title: String) {
            self.code = code
            self.areaCode = areaCode
            let ordered = MatchWords.of(title)
            words = Set(ordered)
            pairs = CatalogMatcher.pairs(ordered)
        }
    }

    static func pairs(_ words: [String]) -> Set<String> {
        Set(zip(words, words.dropFirst()).map { $0 + " " + $1 })
    }

    private let areas: [Node]
    private let areaWeights: WordWeights
    private let leaves: [Node]
    private let leafWeights: WordWeights
    private let pairWeights: WordWeights
    private let codes: Set<String>

    /// Below this, a heading is not taken for an area.
    static let areaThreshold = 0.45
    /// A criterion is suggested when the task covers at least this share of its weighted wording.
    static let suggestionThreshold = 0.34
    static let suggestionLimit = 3

    init(catalog: CatalogDefinition) {
        areas = catalog.areas.map { Node(code: $0.code, areaCode: $0.code, title: $0.title) }
        areaWeights = WordWeights(documents: areas.map(\.words))
        leaves = catalog.areas.flatMap { area in
            area.selfAndDescendants.filter { $0.isLeaf && $0.measure != .survey }.map {
                Node(code: $0.code, areaCode: area.code, title: $0.title)
            }
        }
        leafWeights = WordWeights(documents: leaves.map(\.words))
        pairWeights = WordWeights(documents: leaves.map(\.pairs))
        codes = Set(catalog.allNodes.map(\.code))
    }

    /// Whether the catalog has a node with this code.
    func hasCriterion(_ code: String) -> Bool { codes.contains(code) }

    /// The area a heading names, if any comes close enough. Words before "lĩnh vực" ("Chỉ số đối với")
    /// are not part of the name.
    func area(forHeading heading: String) -> AreaMatch? {
        let aligned = AlignedText(heading)
        var folded = String(aligned.folded)
        if let start = aligned.findWord("linh vuc") {
            folded = aligned.foldedText((start + "linh vuc".count)..<aligned.count)
        }
        let words = Set(MatchWords.of(folded: folded))
        guard !words.isEmpty else { return nil }
        let scored = areas.map { (code: $0.code, likeness: areaWeights.likeness($0.words, words)) }
            .sorted { $0.likeness > $1.likeness }
        guard let best = scored.first, best.likeness >= CatalogMatcher.areaThreshold else { return nil }
        let runnerUp = scored.count > 1 ? scored[1].likeness : 0
        return AreaMatch(code: best.code, likeness: best.likeness, ambiguous: best.likeness - runnerUp < 0.05)
    }

    /// The leaf criteria a task most likely affects, best first; within `areaCode` when known.
    /// The score is how much of the criterion's wording the task covers, half by words and half by
    /// word pairs (so word order counts). Deterministic: equal scores keep catalog order.
    func suggestCriteria(for text: String, areaCode: String?) -> [CriterionSuggestion] {
        suggestCriteria(forFolded: TextFolding.fold(text), areaCode: areaCode)
    }

    func suggestCriteria(forFolded folded: String, areaCode: String?) -> [CriterionSuggestion] {
        let ordered = MatchWords.of(folded: folded)
        guard !ordered.isEmpty else { return [] }
        let words = Set(ordered)
        let pairs = CatalogMatcher.pairs(ordered)
        var scored: [(index: Int, score: Double)] = []
        for (index, leaf) in leaves.enumerated() where areaCode == nil || leaf.areaCode == areaCode {
            let byWords = leafWeights.coverage(of: leaf.words, by: words)
            let byPairs = leaf.pairs.isEmpty ? byWords : pairWeights.coverage(of: leaf.pairs, by: pairs)
            let score = (byWords + byPairs) / 2
            if score >= CatalogMatcher.suggestionThreshold { scored.append((index, score)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return scored.prefix(CatalogMatcher.suggestionLimit).map {
            CriterionSuggestion(code: leaves[$0.index].code, score: Int(($0.score * 100).rounded()))
        }
    }
}
