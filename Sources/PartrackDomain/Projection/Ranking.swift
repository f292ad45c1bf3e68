/// A position among peers, e.g. "4/19" (4th of 19 communes).
public struct RankPosition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var position: Int
    public var of: Int

    public init(position: Int, of: Int) {
        self.position = position
        self.of = of
    }

    public var description: String { "\(position)/\(of)" }
}

public enum Ranking {
    /// Positions of sibling units (same catalog and year) by score, highest first. Equal scores share
    /// the better position and the next one is skipped (competition ranking: 1, 2, 2, 4). A unit listed
    /// twice is ranked once, by its higher score.
    public static func rank(_ scores: [(unitID: Int, score: Points)]) -> [Int: RankPosition] {
        var best: [Int: Points] = [:]
        for (unitID, score) in scores { best[unitID] = max(best[unitID] ?? score, score) }
        let ordered = best.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        var result: [Int: RankPosition] = [:]
        result.reserveCapacity(ordered.count)
        var position = 0
        for (index, entry) in ordered.enumerated() {
            if index == 0 || entry.value != ordered[index - 1].value { position = index + 1 }
            result[entry.key] = RankPosition(position: position, of: ordered.count)
        }
        return result
    }
}
