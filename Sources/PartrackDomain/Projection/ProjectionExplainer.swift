/// Puts every figure into words as `Message`s (keys in `web/locales/*/projection.json`):
/// "Tiêu chí 1.2: 7,5/10 — 2 nhiệm vụ hoàn thành đúng hạn (“A”, “B”); 1 nhiệm vụ quá hạn (“C”)".
/// Numbers use the Vietnamese decimal comma (`Points.vietnamese`), dates dd/mm/yyyy.
enum ProjectionExplainer {
    /// A leaf: its headline and the tasks, reports, baseline or survey behind it.
    static func leaf(
        _ node: CatalogIndex.Node, score: LeafScore, tasks: LeafTasks, resolved: [ResolvedTask],
        reports: ReportSummary, lateCreditPercent: Int
    ) -> Explanation {
        var reasons: [Message] = []
        switch score.coverage {
        case .tasks:
            var onTime: [String] = []
            var late: [String] = []
            var overdue: [String] = []
            var open: [String] = []
            for (task, _) in tasks.live {
                let title = resolved[task].task.title
                switch resolved[task].status {
                case .doneOnTime: onTime.append(title)
                case .doneLate: late.append(title)
                case .overdue: overdue.append(title)
                case .notYetDue, .inProgress, .cancelled: open.append(title)
                }
            }
            let groups: [(ProjectionMessageKey, [String])] = [
                (.reasonTasksDoneOnTime, onTime), (.reasonTasksDoneLate, late), (.reasonTasksOverdue, overdue),
                (.reasonTasksOpen, open),
            ]
            for (key, names) in groups where !names.isEmpty {
                var arguments = ["count": "\(names.count)", "tasks": ProjectionText.titles(names)]
                if key == .reasonTasksDoneLate { arguments["late_credit"] = "\(lateCreditPercent)" }
                reasons.append(Message(key, arguments))
            }
        case .reportCompliance:
            reasons.append(
                Message(.reasonReportsOnTime, ["count": "\(reports.tally.onTime)", "total": "\(reports.tally.total)"]))
            let groups: [(ProjectionMessageKey, [LocalDate])] = [
                (.reasonReportsLate, reports.lateDues),
                (.reasonReportsMissing, reports.missingDues),
                (.reasonReportsUpcoming, reports.upcomingDues),
            ]
            for (key, dues) in groups where !dues.isEmpty {
                reasons.append(Message(key, ["count": "\(dues.count)", "dates": ProjectionText.dates(dues)]))
            }
        case .baseline:
            reasons.append(Message(.reasonBaseline, ["baseline": ProjectionText.points(score.baseline ?? .zero)]))
        case .notCovered:
            reasons.append(Message(.reasonNotCovered))
        case .survey:
            reasons.append(Message(.reasonSurveyEntered, ["points": ProjectionText.points(score.baseline ?? .zero)]))
        case .awaitingSurvey:
            reasons.append(Message(.reasonAwaitingSurvey))
        }
        if !tasks.cancelled.isEmpty {
            let names = tasks.cancelled.map { resolved[$0].task.title }
            reasons.append(
                Message(.reasonTasksCancelled, ["count": "\(names.count)", "tasks": ProjectionText.titles(names)]))
        }
        return Explanation(headline: headline(node, figures: score.figures), reasons: reasons)
    }

    /// What a node with children, or the whole catalog, adds up to; shared by parents and the total.
    struct Summary {
        var figures: Figures
        var maximum: Points
        var overdueTasks: Int
        var notCovered: [String]
        var awaitingSurvey: [String]
    }

    static func parent(_ node: CatalogIndex.Node, summary: Summary) -> Explanation {
        Explanation(headline: headline(node, figures: summary.figures), reasons: summaryReasons(summary))
    }

    static func total(_ summary: Summary, percent: Scenarios<Int>, className: String?) -> Explanation {
        var arguments = [
            "projected": ProjectionText.points(summary.figures.projected),
            "max": ProjectionText.points(summary.maximum),
            "percent": ProjectionText.percent(percent.projected),
        ]
        let key: ProjectionMessageKey
        if let className {
            key = .headlineTotal
            arguments["class"] = className
        } else {
            key = .headlineTotalUnclassified
        }
        return Explanation(headline: Message(key, arguments), reasons: summaryReasons(summary))
    }

    private static func headline(_ node: CatalogIndex.Node, figures: Figures) -> Message {
        let key: ProjectionMessageKey =
            switch node.depth {
            case 1: .headlineArea
            case 2: .headlineCriterion
            default: .headlineSubCriterion
            }
        return Message(
            key,
            [
                "code": node.code, "projected": ProjectionText.points(figures.projected),
                "max": ProjectionText.points(node.maximum),
            ])
    }

    private static func summaryReasons(_ summary: Summary) -> [Message] {
        let figures = summary.figures
        let percent = figures.percentHundredths(of: summary.maximum)
        var reasons = [
            Message(
                .reasonEarned,
                ["earned": ProjectionText.points(figures.earned), "percent": ProjectionText.percent(percent.earned)])
        ]
        if figures.ceiling != figures.projected {
            reasons.append(
                Message(
                    .reasonCeiling,
                    [
                        "ceiling": ProjectionText.points(figures.ceiling),
                        "percent": ProjectionText.percent(percent.ceiling),
                    ]))
        }
        if summary.overdueTasks > 0 {
            reasons.append(
                Message(
                    .reasonAtRisk,
                    [
                        "points": ProjectionText.points(figures.ceiling - figures.projected),
                        "count": "\(summary.overdueTasks)",
                    ]))
        }
        if !summary.notCovered.isEmpty {
            reasons.append(
                Message(
                    .reasonNotCoveredCount,
                    ["count": "\(summary.notCovered.count)", "codes": summary.notCovered.joined(separator: ", ")]))
        }
        if !summary.awaitingSurvey.isEmpty {
            reasons.append(
                Message(
                    .reasonAwaitingSurveyCount,
                    [
                        "count": "\(summary.awaitingSurvey.count)",
                        "codes": summary.awaitingSurvey.joined(separator: ", "),
                    ]))
        }
        return reasons
    }

    static func risk(_ task: ProjectionTask, points: Points, lateCreditPercent: Int) -> Message {
        Message(
            .riskOverdue,
            [
                "title": task.title, "due": ProjectionText.day(task.due), "points": ProjectionText.points(points),
                "late_credit": "\(lateCreditPercent)",
            ])
    }

    static func gain(_ task: ProjectionTask, status: DeadlineStatus, points: Points) -> Message {
        let points = ProjectionText.points(points)
        guard let due = task.due else { return Message(.gainNoDueDate, ["title": task.title, "points": points]) }
        let key: ProjectionMessageKey = status == .overdue ? .gainOverdue : .gainNotYetDue
        return Message(key, ["title": task.title, "due": due.formatted, "points": points])
    }
}
