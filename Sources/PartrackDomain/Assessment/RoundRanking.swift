/// Ranks the units of a round by their total (the index points; all units share one catalog, so
/// points order them exactly as percentages would, without rounding ties).
public enum RoundRanking {
    /// Each unit's position among `results`: one more than the number of units strictly ahead of it.
    /// With `.shareRank` a unit is ahead when its total is higher, so equal totals share a position and
    /// the next is skipped (1, 2, 2, 4). With `.areasInOrder` a unit is also ahead on an equal total when
    /// its appraised score in area 1 is higher, or equal there and higher in area 2, and so on; units equal
    /// in every area still share. Positions are "of" the number of units.
    public static func rank(_ results: [UnitResult], rule: TieRule) -> [Int: RankPosition] {
        let keys = results.map { result in (result.unitID, key(result, rule: rule)) }
        // Sorted best first, a unit's position is one more than the index of the first unit with its key.
        let ordered = keys.sorted { $1.1.lexicographicallyPrecedes($0.1) }
        var ranks: [Int: RankPosition] = [:]
        for (index, entry) in ordered.enumerated() {
            let position =
                index > 0 && entry.1 == ordered[index - 1].1 ? ranks[ordered[index - 1].0]!.position : index + 1
            ranks[entry.0] = RankPosition(position: position, of: results.count)
        }
        return ranks
    }

    /// What ranks a unit, most significant first: its total, then (by the rule) its areas in order.
    private static func key(_ result: UnitResult, rule: TieRule) -> [Int] {
        switch rule {
        case .shareRank: return [result.total.hundredths]
        case .areasInOrder: return [result.total.hundredths] + result.areas.map(\.appraised.hundredths)
        }
    }
}
