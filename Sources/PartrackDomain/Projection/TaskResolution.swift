import Foundation

/// A task with its status as of the projection's day and its usable links, one per leaf.
struct ResolvedTask {
    let task: ProjectionTask
    let status: DeadlineStatus
    /// nil for a cancelled task, which is left out of every sum.
    let credit: Credit?
    /// Links to leaves measured by tasks, with the weights of repeated links to one leaf added up.
    let links: [(leaf: Int, weight: Int)]
}

/// A leaf's tasks and the weighted sums its figures come from.
struct LeafTasks {
    /// Σ w over live tasks.
    var weight = 0
    /// Σ w·credit over live tasks, per scenario, in weight × percent.
    var credit = Credit(all: 0)
    /// Live tasks (indices into the resolved tasks) with their weights.
    var live: [(task: Int, weight: Int)] = []
    /// Cancelled tasks linked to the leaf, named in its explanation only.
    var cancelled: [Int] = []
}

/// Turns the input's tasks into statuses and credits, and files each link under its leaf in one pass.
/// A link that cannot count is left out with a message in `issues`, never a crash.
enum TaskResolution {
    static func resolve(
        _ input: ProjectionInput, tree: CatalogIndex, hypothetical: [Int: TaskOutcome.Result],
        issues: inout [Message]
    ) -> (tasks: [ResolvedTask], leaves: [LeafTasks]) {
        var resolved: [ResolvedTask] = []
        resolved.reserveCapacity(input.tasks.count)
        var leaves = [LeafTasks](repeating: LeafTasks(), count: tree.nodes.count)
        var seen = Set<Int>(minimumCapacity: input.tasks.count)

        for task in input.tasks {
            guard seen.insert(task.id).inserted else {
                issues.append(Message(.issueDuplicateTask, ["task": "\(task.id)"]))
                continue
            }
            let status =
                hypothetical[task.id]?.status(for: task, asOf: input.asOf, clock: input.clock)
                ?? CreditRule.status(of: task, asOf: input.asOf, clock: input.clock)
            let credit = CreditRule.taskCredit(for: status, lateCreditPercent: input.catalog.lateCreditPercent)
            let links = usableLinks(of: task, tree: tree, issues: &issues)
            let index = resolved.count
            resolved.append(ResolvedTask(task: task, status: status, credit: credit, links: links))

            for (leaf, weight) in links {
                if let credit {
                    leaves[leaf].weight += weight
                    leaves[leaf].credit = leaves[leaf].credit + credit * weight
                    leaves[leaf].live.append((index, weight))
                } else {
                    leaves[leaf].cancelled.append(index)
                }
            }
        }
        return (resolved, leaves)
    }

    /// The task's links that can count: to a known leaf measured by tasks, with a weight of at least 1.
    private static func usableLinks(
        of task: ProjectionTask, tree: CatalogIndex, issues: inout [Message]
    ) -> [(leaf: Int, weight: Int)] {
        var links: [(leaf: Int, weight: Int)] = []
        for link in task.links {
            // The message's arguments are built only for a link that fails, the rare case.
            func reject(_ key: ProjectionMessageKey, _ extra: [String: String] = [:]) {
                let about = ["task": "\(task.id)", "title": task.title, "code": link.code]
                issues.append(Message(key, about.merging(extra) { first, _ in first }))
            }
            guard let index = tree.position[link.code] else {
                reject(.issueUnknownCriterion)
                continue
            }
            let node = tree.nodes[index]
            guard node.isLeaf else {
                reject(.issueLinkToParent)
                continue
            }
            switch node.measure {
            case .tasks: break
            case .reportCompliance:
                reject(.issueLinkToReportCriterion)
                continue
            case .survey:
                reject(.issueLinkToSurveyCriterion)
                continue
            }
            guard link.weight >= 1 else {
                reject(.issueBadWeight, ["weight": "\(link.weight)"])
                continue
            }
            if let same = links.firstIndex(where: { $0.leaf == index }) {
                links[same].weight += link.weight
            } else {
                links.append((index, link.weight))
            }
        }
        return links
    }
}
