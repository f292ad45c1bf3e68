/// What each task means for the figures: the points an overdue task puts at risk, and the points an
/// open task is worth to *projected*. Both are worked per link from the leaf's sums, in O(1) each, with
/// the same rounding as the leaf itself, so they are the real change in the rounded totals.
enum TaskImpact {
    /// Points at risk per resolved task (zero for tasks that are not overdue): each leaf's
    /// ceiling − projected, split among its overdue tasks by weight with `apportion`, so the items
    /// add up exactly to the leaf's and therefore to the total's ceiling − projected.
    static func risks(
        tasks: [ResolvedTask], leaves: [LeafTasks], leafFigures: [Figures?]
    ) -> [Points] {
        var risks = [Points](repeating: .zero, count: tasks.count)
        for (index, leaf) in leaves.enumerated() {
            guard let figures = leafFigures[index] else { continue }
            let atRisk = (figures.ceiling - figures.projected).hundredths
            guard atRisk > 0 else { continue }
            let overdue = leaf.live.filter { tasks[$0.task].status == .overdue }
            let shares = apportion(atRisk, byWeights: overdue.map(\.weight))
            for (link, share) in zip(overdue, shares) {
                risks[link.task] = risks[link.task] + Points(hundredths: share)
            }
        }
        return risks
    }

    /// Points each open task is worth to *projected* (zero for done and cancelled tasks): the leaf's
    /// rounded projected points with the task at its best remaining credit (full when not yet due, λ when
    /// overdue) minus the same with the task at zero, summed over its leaves.
    static func gains(
        tasks: [ResolvedTask], leaves: [LeafTasks], tree: CatalogIndex, lateCreditPercent: Int
    ) -> [Points] {
        tasks.map { resolved in
            guard let credit = resolved.credit else { return .zero }
            let best: Int
            switch resolved.status {
            case .overdue: best = min(max(lateCreditPercent, 0), CreditRule.fullCredit)
            case .notYetDue, .inProgress: best = CreditRule.fullCredit
            case .doneOnTime, .doneLate, .cancelled: return .zero
            }
            var gain = Points.zero
            for (leaf, weight) in resolved.links {
                let sums = leaves[leaf]
                let maximum = tree.nodes[leaf].maximum
                let denominator = sums.weight * CreditRule.fullCredit
                let without = sums.credit.projected - weight * credit.projected
                gain =
                    gain + maximum.scaled(by: without + weight * best, over: denominator)
                    - maximum.scaled(by: without, over: denominator)
            }
            return gain
        }
    }

    /// Splits `total` hundredths among shares proportional to `weights` by largest remainder
    /// (Hamilton's method): every part gets its floor, and the hundredths left go one each to the largest
    /// remainders, earlier parts first on ties. The parts always add up to `total`.
    static func apportion(_ total: Int, byWeights weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { total * $0 / sum }
        let remainders = weights.map { total * $0 % sum }
        var left = total - parts.reduce(0, +)
        for index in remainders.indices.sorted(by: { (remainders[$1], $0) < (remainders[$0], $1) }) where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
