import Foundation

/// How far the council has got, for its secretary: by member, by area and by unit. A criterion of a
/// unit counts as appraised when the unit's self-assessment is frozen and its appraisal matches the
/// current self score.
public struct AppraisalProgress: Sendable, Equatable, Codable {
    public struct Count: Sendable, Equatable, Codable {
        /// Criteria × units appraised.
        public var appraised = 0
        /// Criteria × units to appraise.
        public var total = 0
        /// Appraised with a score other than the self score.
        public var changed = 0
        /// Evidence requests not yet answered.
        public var openRequests = 0

        public var isComplete: Bool { appraised == total }

        /// Share appraised in hundredths of a percent (10000 when there is nothing to appraise).
        public var percentHundredths: Int {
            total == 0 ? 10_000 : Points(hundredths: appraised).percentHundredths(of: Points(hundredths: total))
        }
    }

    public struct MemberRow: Sendable, Equatable, Codable {
        public var member: CouncilMember
        /// The codes assigned to the member, in catalog order.
        public var codes: [String]
        public var count: Count
    }

    public struct AreaRow: Sendable, Equatable, Codable {
        public var code: String
        public var title: String
        /// Who appraises the area as a whole; nil when nobody, or when it is split by criterion.
        public var appraiser: CouncilMember?
        public var count: Count
    }

    public struct UnitRow: Sendable, Equatable, Codable {
        public var unitID: Int
        public var name: String
        public var submitted: Bool
        /// Submitted, or its window closed: ready for appraisal.
        public var frozen: Bool
        public var count: Count
    }

    public var members: [MemberRow]
    public var areas: [AreaRow]
    public var units: [UnitRow]
    public var overall: Count

    public var isComplete: Bool { overall.isComplete }

    /// Progress over the round's units in `units` (rows in the given order) at `instant`.
    public static func of(
        round: AssessmentRound, catalog: CatalogDefinition, council: Council, units: [UnitAssessment],
        at instant: Date, clock: CivilClock = .vietnam
    ) -> AppraisalProgress {
        let criteria = AssessedCriteria(catalog)
        var byMember: [Int: Count] = [:]
        var byArea: [String: Count] = [:]
        var unitRows: [UnitRow] = []
        var overall = Count()
        for unit in units where round.unitIDs.contains(unit.unitID) {
            let frozen = round.selfScoresFrozen(unit.state, at: instant, clock: clock)
            var count = Count()
            let openByCode = Dictionary(grouping: unit.evidenceRequests.filter(\.isOpen), by: \.code)
            for leaf in criteria.scoredLeaves {
                var item = Count(total: 1)
                if frozen, let appraisal = unit.currentAppraisal(of: leaf.code) {
                    item.appraised = 1
                    item.changed = appraisal.isChange ? 1 : 0
                }
                item.openRequests = openByCode[leaf.code]?.count ?? 0
                count.add(item)
                if let appraiser = council.appraiser(of: leaf.code) {
                    byMember[appraiser.userID, default: Count()].add(item)
                }
                byArea[CriterionCode.selfAndAncestors(leaf.code).last!, default: Count()].add(item)
            }
            overall.add(count)
            unitRows.append(
                UnitRow(
                    unitID: unit.unitID, name: unit.name, submitted: unit.state.submission != nil, frozen: frozen,
                    count: count))
        }
        let members = council.members.map { member in
            MemberRow(
                member: member,
                codes: council.assignments.filter { $0.value == member.userID }.map(\.key).sorted(
                    by: CriterionCode.precedes),
                count: byMember[member.userID] ?? Count())
        }
        let areas = catalog.areas.map { area in
            AreaRow(
                code: area.code, title: area.title, appraiser: wholeAreaAppraiser(area, council: council),
                count: byArea[area.code] ?? Count())
        }
        return AppraisalProgress(members: members, areas: areas, units: unitRows, overall: overall)
    }

    /// The member who appraises every scored leaf of `area`, if one does.
    private static func wholeAreaAppraiser(_ area: CatalogNodeDefinition, council: Council) -> CouncilMember? {
        let leaves = area.selfAndDescendants.filter { $0.isLeaf && $0.measure != .survey }
        let appraisers = Set(leaves.map { council.appraiser(of: $0.code)?.userID })
        guard appraisers.count == 1, let only = appraisers.first, let userID = only else { return nil }
        return council.member(userID)
    }
}

extension AppraisalProgress.Count {
    mutating func add(_ other: Self) {
        appraised += other.appraised
        total += other.total
        changed += other.changed
        openRequests += other.openRequests
    }
}
