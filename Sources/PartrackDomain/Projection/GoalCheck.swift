public enum GoalVerdict: String, Sendable, Equatable, Codable {
    case met
    case missed
    /// Cannot be judged: no projected rank yet, or the target class is not in the catalog.
    case unknown
}

/// Whether the projected rank and class meet the plan's goals (seed 001: keep rank 4/19, reach "Tốt"
/// or better), with the reasons in words.
public struct GoalCheck: Sendable, Equatable, Codable {
    /// Met when the projected position is this one or better; `of` is what the plan wrote, for display.
    public var targetRank: RankPosition?
    /// A class name of the catalog; met by this class or a better one.
    public var targetClass: String?
    public var rank: RankPosition?
    public var className: String?
    /// nil when the plan sets no target rank.
    public var rankVerdict: GoalVerdict?
    /// nil when the plan sets no target class.
    public var classVerdict: GoalVerdict?
    /// True when every goal the plan states is met (and when it states none).
    public var meets: Bool
    public var explanation: Explanation

    /// Judges `rank` and `className` (the projected ones) against the plan's targets; `classes` are the
    /// catalog's, best first, which is what "this class or better" is measured by.
    public static func check(
        targetRank: RankPosition?, targetClass: String?, rank: RankPosition?, className: String?,
        classes: [ClassThreshold]
    ) -> GoalCheck {
        var reasons: [Message] = []
        var rankVerdict: GoalVerdict?
        if let target = targetRank {
            if let rank {
                let met = rank.position <= target.position
                rankVerdict = met ? .met : .missed
                reasons.append(
                    Message(met ? .goalRankMet : .goalRankMissed, ["rank": rank.description, "target": "\(target)"]))
            } else {
                rankVerdict = .unknown
                reasons.append(Message(.goalRankUnknown, ["target": "\(target)"]))
            }
        }
        var classVerdict: GoalVerdict?
        if let target = targetClass {
            let verdict = judgeClass(className, target: target, classes: classes)
            classVerdict = verdict
            switch (verdict, className) {
            case (.unknown, _): reasons.append(Message(.goalClassNotInCatalog, ["target": target]))
            case (_, nil): reasons.append(Message(.goalClassMissedUnclassified, ["target": target]))
            case (_, .some(let name)):
                reasons.append(
                    Message(verdict == .met ? .goalClassMet : .goalClassMissed, ["class": name, "target": target]))
            }
        }
        let verdicts = [rankVerdict, classVerdict].compactMap { $0 }
        let headline: ProjectionMessageKey =
            if verdicts.isEmpty {
                .goalNone
            } else if verdicts.allSatisfy({ $0 == .met }) {
                .goalMet
            } else if verdicts.contains(.missed) {
                .goalMissed
            } else {
                .goalUndecided
            }
        return GoalCheck(
            targetRank: targetRank, targetClass: targetClass, rank: rank, className: className,
            rankVerdict: rankVerdict, classVerdict: classVerdict,
            meets: verdicts.allSatisfy { $0 == .met },
            explanation: Explanation(headline: Message(headline), reasons: reasons))
    }

    /// The plan's targets against a projection's *projected* class and a projected rank.
    public static func check(
        targetRank: RankPosition?, targetClass: String?, projection: Projection, rank: RankPosition?,
        catalog: CatalogDefinition
    ) -> GoalCheck {
        check(
            targetRank: targetRank, targetClass: targetClass, rank: rank, className: projection.classes.projected,
            classes: catalog.classes)
    }

    /// Classes are listed best first, so "this class or better" is an index at most the target's.
    /// Names are matched ignoring case and surrounding spaces, as plans write "tốt" or "Tốt".
    private static func judgeClass(_ name: String?, target: String, classes: [ClassThreshold]) -> GoalVerdict {
        func index(of name: String) -> Int? {
            let wanted = name.trimmingWhitespace().lowercased()
            return classes.firstIndex { $0.name.trimmingWhitespace().lowercased() == wanted }
        }
        guard let targetIndex = index(of: target) else { return .unknown }
        guard let name, let actual = index(of: name) else { return .missed }
        return actual <= targetIndex ? .met : .missed
    }
}
