import Foundation

/// One node of the catalog in a unit's results: self score beside appraised score.
public struct NodeResult: Sendable, Equatable, Codable {
    public var code: String
    public var title: String
    /// 1 for an area, 2 for a criterion, 3 for a sub-criterion.
    public var depth: Int
    public var parentCode: String?
    public var isLeaf: Bool
    /// True for a survey leaf, and for a parent made only of survey leaves: no self score there.
    public var isSurvey: Bool
    public var maximum: Points
    /// The unit's self score: for a leaf as entered (nil for a survey leaf or a leaf left unscored), for
    /// a parent the sum over its self-scored leaves (nil when it has none).
    public var selfScore: Points?
    /// The council's score (the survey points for a survey leaf); for a parent the exact sum of its children.
    public var appraised: Points
    /// The council's reason where it changed a leaf's self score.
    public var reason: String?

    /// Appraised as a percentage of the node's maximum, in hundredths of a percent.
    public var percentHundredths: Int { appraised.percentHundredths(of: maximum) }
}

/// A unit's compiled results.
public struct UnitResult: Sendable, Equatable, Codable {
    public var unitID: Int
    public var name: String
    /// Every node of the catalog, depth first, parents before children.
    public var nodes: [NodeResult]
    /// Sum of the unit's self scores.
    public var selfTotal: Points
    /// Sum of the council's scores over the self-scored leaves.
    public var appraisedTotal: Points
    /// Sum of the survey points.
    public var surveyTotal: Points
    /// The index: appraised plus survey points.
    public var total: Points
    /// The catalog's maximum.
    public var maximum: Points
    /// `total` as a percentage of `maximum`, in hundredths of a percent (9250 = 92.5 %), rounded half up.
    public var percentHundredths: Int
    /// The class the percentage reaches by the catalog's thresholds; nil below every class.
    public var className: String?
    /// "4/19": the position among the round's units.
    public var rank: RankPosition

    public func node(_ code: String) -> NodeResult? { nodes.first { $0.code == code } }

    public var areas: [NodeResult] { nodes.filter { $0.parentCode == nil } }

    /// Appraised points of each leaf except survey leaves: next year's baselines for the projection
    /// (`ProjectionInput.baselines`). Survey leaves are left out so that next year's projection waits
    /// for the new survey instead of taking last year's as if it were entered.
    public var baselines: [String: Points] {
        Dictionary(nodes.filter { $0.isLeaf && !$0.isSurvey }.map { ($0.code, $0.appraised) }) { first, _ in first }
    }
}

/// The results of every unit of a round, best first: the reviewer's preview, and once published the
/// official results.
public struct CompiledResults: Sendable, Equatable, Codable {
    public var catalogID: Int
    public var year: Int
    public var tieRule: TieRule
    public var compiledAt: Date
    /// Units in rank order; units sharing a position in name order.
    public var units: [UnitResult]

    public func unit(_ unitID: Int) -> UnitResult? { units.first { $0.unitID == unitID } }
}

/// Compiling a round: every unit's self and appraised scores per criterion, area and total, the survey
/// points, the percentage, class and rank.
public enum ResultsCompiler {
    /// Compiles `units` (one entry for each unit of the round). Refused to anyone but a reviewer of the
    /// units, after publication, and while anything is missing; the refusal then lists, per unit, what:
    /// a unit left out or not in the round, a self-assessment still open, criteria not yet appraised (or
    /// whose self score changed after appraisal), survey points not entered or out of range.
    public static func compile(
        round: AssessmentRound, catalog: CatalogDefinition, units: [UnitAssessment], by user: ActingUser,
        at instant: Date, clock: CivilClock = .vietnam
    ) -> Result<CompiledResults, AssessmentRefusal> {
        if let refusal = AssessmentPolicy.mayManage(user, .compile, unitIDs: round.unitIDs).refusal {
            return .failure(refusal)
        }
        if round.isPublished { return .failure(AssessmentRefusal(.roundPublished)) }
        let problems = problems(round: round, catalog: catalog, units: units, at: instant, clock: clock)
        guard problems.isEmpty else {
            return .failure(AssessmentRefusal(.compileIncomplete, ["count": "\(problems.count)"], details: problems))
        }
        let index = CatalogIndex(catalog)
        var results = units.map { result(of: $0, index: index, catalog: catalog) }
        let ranks = RoundRanking.rank(results, rule: round.tieRule)
        for position in results.indices { results[position].rank = ranks[results[position].unitID]! }
        results.sort { ($0.rank.position, $0.name, $0.unitID) < ($1.rank.position, $1.name, $1.unitID) }
        return .success(
            CompiledResults(
                catalogID: round.catalogID, year: round.year, tieRule: round.tieRule, compiledAt: instant,
                units: results))
    }

    /// Everything that stops compiling, unit by unit in the given order.
    static func problems(
        round: AssessmentRound, catalog: CatalogDefinition, units: [UnitAssessment], at instant: Date,
        clock: CivilClock
    ) -> [Message] {
        let criteria = AssessedCriteria(catalog)
        var problems: [Message] = []
        var seen: Set<Int> = []
        for unit in units {
            let name = ["unit": unit.name]
            guard round.unitIDs.contains(unit.unitID) else {
                problems.append(Message(.compileUnitNotInRound, name))
                continue
            }
            guard seen.insert(unit.unitID).inserted else {
                problems.append(Message(.compileUnitTwice, name))
                continue
            }
            guard round.selfScoresFrozen(unit.state, at: instant, clock: clock) else {
                problems.append(Message(.compileUnitOpen, name))
                continue
            }
            let unappraised = criteria.scoredLeaves.map(\.code).filter { unit.appraisals[$0] == nil }
            if !unappraised.isEmpty {
                problems.append(Message(.compileNotAppraised, ["unit": unit.name, "codes": list(unappraised)]))
            }
            let stale = criteria.scoredLeaves.map(\.code).filter {
                unit.appraisals[$0] != nil && unit.currentAppraisal(of: $0) == nil
            }
            if !stale.isEmpty {
                problems.append(Message(.compileStaleAppraisal, ["unit": unit.name, "codes": list(stale)]))
            }
            let surveyMissing = criteria.surveyLeaves.map(\.code).filter { unit.surveyPoints[$0] == nil }
            if !surveyMissing.isEmpty {
                problems.append(Message(.compileSurveyMissing, ["unit": unit.name, "codes": list(surveyMissing)]))
            }
            for (code, points) in unit.surveyPoints.sorted(by: { CriterionCode.precedes($0.key, $1.key) }) {
                if SurveyPoints.problem(points, code: code, catalog: catalog) != nil {
                    problems.append(
                        Message(.compileSurveyInvalid, ["unit": unit.name, "code": code, "points": points.vietnamese]))
                }
            }
        }
        let missing = round.unitIDs.subtracting(seen).sorted()
        if !missing.isEmpty {
            problems.append(
                Message(.compileUnitsMissing, ["count": "\(missing.count)", "ids": list(missing.map(String.init))]))
        }
        return problems
    }

    /// One unit's figures; its rank is filled in once every unit is known.
    static func result(of unit: UnitAssessment, index: CatalogIndex, catalog: CatalogDefinition) -> UnitResult {
        var nodes = index.nodes.map { node in
            NodeResult(
                code: node.code, title: node.title, depth: node.depth,
                parentCode: node.parent.map { index.nodes[$0].code }, isLeaf: node.isLeaf,
                isSurvey: node.isLeaf && node.measure == .survey, maximum: node.maximum, selfScore: nil,
                appraised: .zero, reason: nil)
        }
        var selfTotal = Points.zero
        var surveyTotal = Points.zero
        for (position, node) in index.nodes.enumerated() where node.isLeaf {
            if node.measure == .survey {
                nodes[position].appraised = unit.surveyPoints[node.code] ?? .zero
                surveyTotal = surveyTotal + nodes[position].appraised
            } else {
                let appraisal = unit.appraisals[node.code]
                nodes[position].selfScore = unit.selfScores[node.code]?.score
                nodes[position].appraised = appraisal?.score ?? .zero
                nodes[position].reason = appraisal?.reason
                selfTotal = selfTotal + (nodes[position].selfScore ?? .zero)
            }
        }
        // Children come after their parent, so one backward pass adds every node into its parent. A parent
        // has a self score when some leaf below it is self-scored; one with only survey leaves below is survey.
        var selfScored = index.nodes.map { $0.isLeaf && $0.measure != .survey }
        for position in index.nodes.indices.reversed() {
            if !index.nodes[position].isLeaf { nodes[position].isSurvey = !selfScored[position] }
            guard let parent = index.nodes[position].parent else { continue }
            nodes[parent].appraised = nodes[parent].appraised + nodes[position].appraised
            if selfScored[position] {
                selfScored[parent] = true
                nodes[parent].selfScore = (nodes[parent].selfScore ?? .zero) + (nodes[position].selfScore ?? .zero)
            }
        }
        let total = index.nodes.indices.filter { index.nodes[$0].parent == nil }.reduce(Points.zero) {
            $0 + nodes[$1].appraised
        }
        let percent = total.percentHundredths(of: catalog.maximum)
        return UnitResult(
            unitID: unit.unitID, name: unit.name, nodes: nodes, selfTotal: selfTotal,
            appraisedTotal: total - surveyTotal,
            surveyTotal: surveyTotal, total: total, maximum: catalog.maximum, percentHundredths: percent,
            className: catalog.classification(percentHundredths: percent)?.name,
            rank: RankPosition(position: 0, of: 0))
    }

    private static func list(_ codes: [String]) -> String { codes.joined(separator: ", ") }
}
