import Foundation
import PartrackDomain
import Testing

private typealias F = ProjectionFixture

@Suite("Leaf rules: baselines, reports, survey, and input the engine must leave out")
struct LeafRuleTests {
    let asOf = F.at(20, 6)

    func project(
        _ leaves: [CatalogNodeDefinition], tasks: [ProjectionTask] = [], baselines: [String: Points] = [:],
        reports: [ReportSubmissionFact] = [], lateCreditPercent: Int = 50
    ) -> Projection {
        ProjectionEngine.project(
            ProjectionInput(
                catalog: F.oneArea(leaves, lateCreditPercent: lateCreditPercent), tasks: tasks, baselines: baselines,
                reports: reports, asOf: asOf))
    }

    @Test func leafWhoseOnlyTasksAreCancelledFallsBackToItsBaseline() throws {
        let tasks = [F.task(1, .cancelled, due: F.day(1, 5), CriterionLink(code: "1.1"))]
        let projection = project([F.leaf("1.1", 2)], tasks: tasks, baselines: ["1.1": F.points("1.5")])
        let leaf = try #require(projection.node("1.1"))
        #expect(leaf.coverage == .baseline)
        #expect(leaf.figures == F.figures("1.5", "1.5", "1.5"))
        #expect(leaf.tasks.cancelled == 1)
    }

    @Test func baselineIsIgnoredWhenTheLeafHasLiveTasks() throws {
        // One task not yet due: 0 earned, 2 projected, although last year's score was 1.
        let tasks = [F.task(1, .notStarted, due: F.day(1, 9), CriterionLink(code: "1.1"))]
        let projection = project([F.leaf("1.1", 2)], tasks: tasks, baselines: ["1.1": Points(1)])
        #expect(try #require(projection.node("1.1")).figures == F.figures("0", "2", "2"))
    }

    @Test func lateCreditFactorIsTheCatalogs() {
        // λ = 0.25: one task done late on a 4-point leaf earns 4 × 0.25 = 1.00; an overdue one
        // on another 4-point leaf has ceiling 1.00 and projected 0.
        let tasks = [
            F.task(1, .done, due: F.day(1, 5), completedAt: F.at(3, 5), CriterionLink(code: "1.1")),
            F.task(2, .inProgress, due: F.day(1, 5), CriterionLink(code: "1.2")),
        ]
        let projection = project([F.leaf("1.1", 4), F.leaf("1.2", 4)], tasks: tasks, lateCreditPercent: 25)
        #expect(projection.total == F.figures("1", "1", "2"))
        #expect(projection.lateCreditPercent == 25)
    }

    @Test func taskWithoutDueDateIsNeverOverdue() throws {
        let tasks = [F.task(1, .inProgress, due: nil, CriterionLink(code: "1.1"))]
        let projection = project([F.leaf("1.1", 2)], tasks: tasks)
        #expect(try #require(projection.node("1.1")).figures == F.figures("0", "2", "2"))
        #expect(projection.whatIf.map(\.points) == [Points(2)])
        #expect(projection.whatIf.first?.explanation.key == "projection.gain.no_due_date")
    }

    @Test func taskDoneAfterTheMomentCountsAsOpenThen() throws {
        // Done 25/6, projected as of 20/6: still in progress then, due 30/6, so 0 earned, 2 projected.
        let tasks = [F.task(1, .done, due: F.day(30, 6), completedAt: F.at(25, 6), CriterionLink(code: "1.1"))]
        let projection = project([F.leaf("1.1", 2)], tasks: tasks)
        #expect(try #require(projection.node("1.1")).figures == F.figures("0", "2", "2"))
    }

    @Test func reportLeafWithNoScheduleFallsBackToBaselineOrNotCovered() throws {
        let withBaseline = project([F.leaf("1.1", 2, .reportCompliance)], baselines: ["1.1": Points(1)])
        #expect(try #require(withBaseline.node("1.1")).coverage == .baseline)
        #expect(withBaseline.total == F.figures("1", "1", "1"))
        let without = project([F.leaf("1.1", 2, .reportCompliance)])
        #expect(try #require(without.node("1.1")).coverage == .notCovered)
    }

    @Test func overdueMissingReportEarnsNothingAnywhere() throws {
        // As of 20/6: Q1 missing (overdue), H1 on time, 9M upcoming. Of 3 periods, max 3:
        // earned = 3 × 1/3 = 1.00; projected = ceiling = 3 × 2/3 = 2.00.
        let reports = [
            ReportSubmissionFact(kind: .q1, due: F.day(15, 3)),
            ReportSubmissionFact(kind: .h1, due: F.day(15, 6), submittedAt: F.at(15, 6, 16)),
            ReportSubmissionFact(kind: .nineMonths, due: F.day(15, 9)),
        ]
        let projection = project([F.leaf("1.1", 3, .reportCompliance)], reports: reports)
        let leaf = try #require(projection.node("1.1"))
        #expect(leaf.figures == F.figures("1", "2", "2"))
        #expect(leaf.reports?.missing == 1)
        #expect(projection.pointsAtRisk.isEmpty)
    }

    @Test func surveyLeafWithoutPointsAwaitsTheSurveyAndIgnoresTasks() throws {
        let tasks = [F.task(1, .done, due: F.day(1, 5), completedAt: F.at(1, 5), CriterionLink(code: "1.1"))]
        let projection = project([F.leaf("1.1", 3, .survey)], tasks: tasks)
        let leaf = try #require(projection.node("1.1"))
        #expect(leaf.coverage == .awaitingSurvey)
        #expect(leaf.isFlagged)
        #expect(leaf.figures == .zero)
        #expect(projection.issues.map(\.key) == ["projection.issue.link_to_survey_criterion"])
    }

    @Test func unusableLinksAndBaselinesAreLeftOutWithAMessageEach() throws {
        let catalog = F.catalog(areas: [
            F.node("1", 4, [F.node("1.1", 2, [F.leaf("1.1.1", 2)]), F.leaf("1.2", 2, .reportCompliance)])
        ])
        let tasks = [
            ProjectionTask(
                id: 1, title: "A", state: .notStarted, due: F.day(1, 9),
                links: [
                    CriterionLink(code: "9.9"), CriterionLink(code: "1.1"), CriterionLink(code: "1.2"),
                    CriterionLink(code: "1.1.1", weight: 0), CriterionLink(code: "1.1.1", weight: 2),
                    CriterionLink(code: "1.1.1"),
                ]),
            ProjectionTask(id: 1, title: "A again", state: .done, due: nil, links: [CriterionLink(code: "1.1.1")]),
        ]
        let baselines = ["1.1": Points(1), "7.7": Points(1), "1.2": F.points("2.5")]
        let projection = ProjectionEngine.project(
            ProjectionInput(catalog: catalog, tasks: tasks, baselines: baselines, asOf: asOf))
        #expect(
            projection.issues.map(\.key) == [
                "projection.issue.unknown_criterion", "projection.issue.link_to_parent",
                "projection.issue.link_to_report_criterion", "projection.issue.bad_weight",
                "projection.issue.duplicate_task", "projection.issue.baseline_on_parent",
                "projection.issue.baseline_out_of_range", "projection.issue.baseline_unknown_criterion",
            ])
        #expect(projection.issues[6].arguments["used"] == "2")
        // The two good links to 1.1.1 (weights 2 and 1) are merged into one of weight 3; the task is
        // not yet due: 0 earned, 2 projected. 1.2 has no report schedule, so its (held) baseline 2 counts.
        #expect(try #require(projection.node("1.1.1")).figures == F.figures("0", "2", "2"))
        #expect(try #require(projection.node("1.2")).figures == F.figures("2", "2", "2"))
        #expect(try #require(projection.node("1.1.1")).tasks.open == 1)
    }

    @Test func emptyCatalogProjectsToZeroWithoutCrashing() {
        let projection = ProjectionEngine.project(ProjectionInput(catalog: F.catalog(areas: []), asOf: asOf))
        #expect(projection.total == .zero)
        #expect(projection.percent == Scenarios(all: 0))
        #expect(projection.nodes.isEmpty)
    }
}
