import Foundation

/// Projects a unit's plan onto its catalog as of a moment (issue 5; architecture, "Projection").
///
/// One pass over the tasks files every link under its leaf (`TaskResolution`), each leaf is scored once
/// (`LeafScoring`), and one backward pass over the flattened tree rolls the rounded leaf points up to
/// the criteria, areas and total (`CatalogIndex`). Nothing walks the tree per task, so a commune's plan
/// (≈40 tasks, ≈45 leaves) projects in well under a millisecond.
public enum ProjectionEngine {
    public static func project(_ input: ProjectionInput) -> Projection {
        project(input, hypothetical: [:], issues: [])
    }

    /// The totals alone: the same figures as `project`, without the per-node explanations and the task
    /// lists one unit's page needs. A province's table and every rank among peers need only these.
    public static func totals(_ input: ProjectionInput) -> ProjectionTotals {
        var issues: [Message] = []
        return score(input, hypothetical: [:], issues: &issues).totals
    }

    /// The projection with some tasks' outcomes replaced by hypothetical ones (`WhatIf`).
    static func project(
        _ input: ProjectionInput, hypothetical: [Int: TaskOutcome.Result], issues givenIssues: [Message]
    ) -> Projection {
        var issues = givenIssues
        let scored = score(input, hypothetical: hypothetical, issues: &issues)
        let tree = scored.tree
        let totals = scored.totals
        let tallies = taskTallies(scored.tasks, tree: tree)
        let flagged = flaggedLeaves(scored.scores, tree: tree)

        var nodes: [NodeProjection] = []
        nodes.reserveCapacity(tree.nodes.count)
        for (index, node) in tree.nodes.enumerated() {
            let figures = scored.figures[index]
            let score = scored.scores[index]
            let explanation: Explanation
            if let score {
                explanation = ProjectionExplainer.leaf(
                    node, score: score, tasks: scored.leafTasks[index], resolved: scored.tasks,
                    reports: scored.reports, lateCreditPercent: scored.lateCredit)
            } else {
                explanation = ProjectionExplainer.parent(
                    node,
                    summary: .init(
                        figures: figures, maximum: node.maximum, overdueTasks: tallies.nodes[index].overdue,
                        notCovered: flagged.notCovered[index], awaitingSurvey: flagged.awaitingSurvey[index]))
            }
            nodes.append(
                NodeProjection(
                    code: node.code, title: node.title, depth: node.depth,
                    parentCode: node.parent.map { tree.nodes[$0].code }, isLeaf: node.isLeaf, maximum: node.maximum,
                    figures: figures, percent: figures.percentHundredths(of: node.maximum),
                    coverage: score?.coverage, tasks: tallies.nodes[index],
                    reports: score?.coverage == .reportCompliance ? scored.reports.tally : nil,
                    explanation: explanation))
        }

        let totalSummary = ProjectionExplainer.Summary(
            figures: totals.total, maximum: totals.maximum, overdueTasks: tallies.total.overdue,
            notCovered: flagged.allNotCovered, awaitingSurvey: flagged.allAwaitingSurvey)
        return Projection(
            asOf: input.clock.day(of: input.asOf), lateCreditPercent: scored.lateCredit, maximum: totals.maximum,
            total: totals.total, percent: totals.percent, classes: totals.classes,
            explanation: ProjectionExplainer.total(
                totalSummary, percent: totals.percent, className: totals.classes.projected),
            nodes: nodes,
            pointsAtRisk: riskList(
                scored.tasks, leafTasks: scored.leafTasks, scores: scored.scores, lateCredit: scored.lateCredit),
            whatIf: gainList(scored.tasks, leafTasks: scored.leafTasks, tree: tree, lateCredit: scored.lateCredit),
            issues: issues)
    }

    /// What both `project` and `totals` compute: every leaf scored and rolled up to the total.
    private struct Scored {
        let tree: CatalogIndex
        let lateCredit: Int
        let tasks: [ResolvedTask]
        let leafTasks: [LeafTasks]
        let reports: ReportSummary
        let scores: [LeafScore?]
        let figures: [Figures]
        let totals: ProjectionTotals
    }

    private static func score(
        _ input: ProjectionInput, hypothetical: [Int: TaskOutcome.Result], issues: inout [Message]
    ) -> Scored {
        let tree = CatalogIndex(input.catalog)
        let lateCredit = min(max(input.catalog.lateCreditPercent, 0), CreditRule.fullCredit)
        let (tasks, leafTasks) = TaskResolution.resolve(input, tree: tree, hypothetical: hypothetical, issues: &issues)
        let baselines = LeafScoring.baselines(input.baselines, tree: tree, issues: &issues)
        let reports = ReportSummary(input.reports, asOf: input.asOf, clock: input.clock)

        // Leaves scored once; parents are the exact sums of their children, added in one backward
        // pass (depth-first order puts every child after its parent).
        var scores = [LeafScore?](repeating: nil, count: tree.nodes.count)
        var figures = [Figures](repeating: .zero, count: tree.nodes.count)
        for (index, node) in tree.nodes.enumerated() where node.isLeaf {
            let score = LeafScoring.score(node, tasks: leafTasks[index], baseline: baselines[index], reports: reports)
            scores[index] = score
            figures[index] = score.figures
        }
        var total = Figures.zero
        for index in tree.nodes.indices.reversed() {
            if let parent = tree.nodes[index].parent {
                figures[parent] = figures[parent] + figures[index]
            } else {
                total = total + figures[index]
            }
        }
        let maximum = input.catalog.maximum
        let percent = total.percentHundredths(of: maximum)
        return Scored(
            tree: tree, lateCredit: lateCredit, tasks: tasks, leafTasks: leafTasks, reports: reports, scores: scores,
            figures: figures,
            totals: ProjectionTotals(
                maximum: maximum, total: total, percent: percent,
                classes: percent.map { input.catalog.classification(percentHundredths: $0)?.name }))
    }

    /// Distinct tasks per node by status. Each task climbs from its leaves to the root once; a stamp per
    /// node stops a task linked to two leaves of one area from being counted twice there.
    private static func taskTallies(
        _ tasks: [ResolvedTask], tree: CatalogIndex
    ) -> (nodes: [TaskTally], total: TaskTally) {
        var tallies = [TaskTally](repeating: TaskTally(), count: tree.nodes.count)
        var stamp = [Int](repeating: -1, count: tree.nodes.count)
        var total = TaskTally()
        for (taskIndex, resolved) in tasks.enumerated() where !resolved.links.isEmpty {
            total.count(resolved.status)
            for (leaf, _) in resolved.links {
                var current: Int? = leaf
                while let node = current, stamp[node] != taskIndex {
                    stamp[node] = taskIndex
                    tallies[node].count(resolved.status)
                    current = tree.nodes[node].parent
                }
            }
        }
        return (tallies, total)
    }

    /// Codes of flagged leaves (not covered, awaiting survey) under every node and in the whole catalog.
    private static func flaggedLeaves(
        _ scores: [LeafScore?], tree: CatalogIndex
    ) -> (notCovered: [[String]], awaitingSurvey: [[String]], allNotCovered: [String], allAwaitingSurvey: [String]) {
        var notCovered = [[String]](repeating: [], count: tree.nodes.count)
        var awaiting = [[String]](repeating: [], count: tree.nodes.count)
        var allNotCovered: [String] = []
        var allAwaiting: [String] = []
        for (index, score) in scores.enumerated() {
            guard let coverage = score?.coverage, coverage == .notCovered || coverage == .awaitingSurvey else {
                continue
            }
            let code = tree.nodes[index].code
            var ancestor = tree.nodes[index].parent
            while let node = ancestor {
                if coverage == .notCovered { notCovered[node].append(code) } else { awaiting[node].append(code) }
                ancestor = tree.nodes[node].parent
            }
            if coverage == .notCovered { allNotCovered.append(code) } else { allAwaiting.append(code) }
        }
        return (notCovered, awaiting, allNotCovered, allAwaiting)
    }

    /// Every overdue task that counts somewhere, with its points at risk, largest first.
    private static func riskList(
        _ tasks: [ResolvedTask], leafTasks: [LeafTasks], scores: [LeafScore?], lateCredit: Int
    ) -> [TaskRisk] {
        let risks = TaskImpact.risks(tasks: tasks, leaves: leafTasks, leafFigures: scores.map { $0?.figures })
        return zip(tasks, risks)
            .filter { resolved, _ in resolved.status == .overdue && !resolved.links.isEmpty }
            .map { resolved, points in
                TaskRisk(
                    taskID: resolved.task.id, title: resolved.task.title, due: resolved.task.due, points: points,
                    explanation: ProjectionExplainer.risk(resolved.task, points: points, lateCreditPercent: lateCredit))
            }
            .sorted(by: mostPointsFirst)
    }

    /// Every open task (not yet due, in progress or overdue) with what it is worth, best first; on equal
    /// points the earlier due day first (the more urgent), then the smaller id.
    private static func gainList(
        _ tasks: [ResolvedTask], leafTasks: [LeafTasks], tree: CatalogIndex, lateCredit: Int
    ) -> [TaskGain] {
        let gains = TaskImpact.gains(tasks: tasks, leaves: leafTasks, tree: tree, lateCreditPercent: lateCredit)
        return zip(tasks, gains)
            .filter { resolved, _ in [.notYetDue, .inProgress, .overdue].contains(resolved.status) }
            .map { resolved, points in
                TaskGain(
                    taskID: resolved.task.id, title: resolved.task.title, due: resolved.task.due,
                    status: resolved.status, points: points,
                    explanation: ProjectionExplainer.gain(resolved.task, status: resolved.status, points: points))
            }
            .sorted(by: mostPointsFirst)
    }

    /// Most points first; on equal points the earlier due day (none last), then the smaller id.
    private static func mostPointsFirst<Item: PointsPerTask>(_ lhs: Item, _ rhs: Item) -> Bool {
        let noDue = Int.max
        return (rhs.points, lhs.due?.dayNumber ?? noDue, lhs.taskID) < (
            lhs.points, rhs.due?.dayNumber ?? noDue, rhs.taskID
        )
    }
}

/// A list item that names a task and its points (`TaskRisk`, `TaskGain`), so both lists sort alike.
protocol PointsPerTask {
    var taskID: Int { get }
    var due: LocalDate? { get }
    var points: Points { get }
}

extension TaskRisk: PointsPerTask {}
extension TaskGain: PointsPerTask {}
