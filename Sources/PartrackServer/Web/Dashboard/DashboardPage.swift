import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// The commune dashboard: the chairperson's weekly view, and the reviewer's drill-down
/// (the same page, read-only, when the reader may not direct the unit).
enum DashboardPage {
    struct Line: Encodable {
        let title: String
        let href: String
        let points: String
        let note: String
    }

    struct PositionGroup: Encodable {
        let title: String
        let tasks: [TaskRow]
    }

    struct ReportState: Encodable {
        let title: String
        let status: String
        let statusLabel: String
    }

    struct Period: Encodable {
        let name: String
        let due: String
        let status: String
        let statusLabel: String
        let positions: [ReportState]
        let compiled: Bool
        let approved: Bool
        let submitted: Bool
        let action: String
        let printHref: String
        let locked: Bool
    }

    struct Context: Encodable {
        let chrome: Chrome
        let unitName: String
        let planTitle: String
        let planHref: String
        let catalogName: String
        let catalogIsSample: Bool
        let mayDirect: Bool
        let projected: String
        let percent: String
        let className: String
        let earned: String
        let ceiling: String
        let maximum: String
        let rank: String?
        let goal: String
        let goalMet: Bool
        let totalWords: String
        let bars: String
        let trend: String
        let atRisk: [Line]
        let whatIf: [Line]
        let notCovered: [String]
        let overdue: [TaskRow]
        let positions: [PositionGroup]
        let period: Period?
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let unitID = try request.id("unitID", of: "unit")
        try await request.authorize(
            .viewReports(unitID: unitID), audit: "dashboard.view", entity: "unit", entityID: unitID, unitID: unitID)
        let (unit, plan) = try await PlanChoice.resolve(request, unitID: unitID)
        let result = try await ProjectionAPI.project(
            unit: unit, plan: plan, asOf: request.partrack.now(), request: request)
        let projection = result.projection
        let user = try request.currentUser
        let tasks = try await PlanTask.query(on: request.db).filter(\.$plan.$id == plan.requireID())
            .filter(\.$state != .cancelled).sort(\.$sortOrder).all()
        let rows = try await TaskRow.make(tasks, request: request)
        let titles = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.title) })
        let percent = { (hundredths: Int) in Points(hundredths: hundredths).vietnamese + "%" }
        let trend = try await TrendAPI.snapshots(of: plan, on: request.db)

        return try await request.view.render(
            "dashboard",
            Context(
                chrome: Chrome(request), unitName: unit.name, planTitle: plan.title,
                planHref: Pages.plan.link(try plan.requireID()), catalogName: result.catalogName,
                catalogIsSample: result.catalogIsSample,
                mayDirect: AccessPolicy.mayDirect(user.acting, unitID: unitID),
                projected: projection.total.projected.vietnamese, percent: percent(projection.percent.projected),
                className: projection.classes.projected ?? "—", earned: projection.total.earned.vietnamese,
                ceiling: projection.total.ceiling.vietnamese, maximum: projection.maximum.vietnamese,
                rank: result.rank?.description, goal: result.words["goal"] ?? "", goalMet: result.goal.meets,
                totalWords: result.words["total"] ?? "",
                bars: SVGChart.areaBars(
                    projection.nodes.filter { $0.parentCode == nil }.map {
                        SVGChart.AreaBar(code: $0.code, title: $0.title, maximum: $0.maximum, figures: $0.figures)
                    },
                    labels: (
                        request.localized("dashboard.earned"), request.localized("dashboard.projected"),
                        request.localized("dashboard.ceiling")
                    )),
                trend: SVGChart.trend(
                    trend.map {
                        SVGChart.TrendPoint(
                            label: $0.day.formatted.prefix(5).description, earnedPercent: $0.percent.earned,
                            projectedPercent: $0.percent.projected)
                    },
                    labels: (request.localized("dashboard.earned"), request.localized("dashboard.projected"))),
                atRisk: projection.pointsAtRisk.prefix(10).map {
                    Line(
                        title: titles[$0.taskID] ?? $0.title, href: Pages.task.link($0.taskID),
                        points: $0.points.vietnamese, note: request.localized($0.explanation))
                },
                whatIf: projection.whatIf.prefix(10).map {
                    Line(
                        title: titles[$0.taskID] ?? $0.title, href: Pages.task.link($0.taskID),
                        points: $0.points.vietnamese, note: request.localized($0.status.nameKey))
                },
                notCovered: projection.nodes.filter { $0.coverage == LeafCoverage.notCovered }.map {
                    "\($0.code) \($0.title)"
                },
                overdue: rows.filter(\.overdue),
                positions: positionGroups(rows),
                period: try await currentPeriod(plan, request: request)))
    }

    /// Tasks by their first (lead) position, in the order positions are listed.
    static func positionGroups(_ rows: [TaskRow]) -> [PositionGroup] {
        var order: [String] = []
        var byPosition: [String: [TaskRow]] = [:]
        for row in rows {
            let lead = row.positions.components(separatedBy: ", ").first.flatMap { $0.isEmpty ? nil : $0 } ?? "—"
            if byPosition[lead] == nil { order.append(lead) }
            byPosition[lead, default: []].append(row)
        }
        return order.map { PositionGroup(title: $0, tasks: byPosition[$0] ?? []) }
    }

    /// The period whose report is next due (or the last), with where each report stands.
    static func currentPeriod(_ plan: Plan, request: Request) async throws -> Period? {
        let periods = try await ReportPeriod.query(on: request.db).filter(\.$plan.$id == plan.requireID()).all()
        let today = request.partrack.clock.day(of: request.partrack.now())
        let current = ReportingCalendar.current(in: periods.map(\.spec), on: today)?.kind ?? periods.map(\.kind).max()
        guard let period = periods.first(where: { $0.kind == current }), let periodID = period.id else { return nil }
        let context = try await PeriodContext.load(periodID, on: request.db)
        let status = try await ReportsAPI.status(of: context, request: request)
        let unitReport = try await PeriodReport.query(on: request.db).filter(\.$period.$id == periodID)
            .filter(\.$scopeKey == "unit").first()
        return Period(
            name: request.localized(period.kind.nameKey), due: period.dueDate.formatted,
            status: status.unitReport.status,
            statusLabel: request.localized("report.status.\(status.unitReport.status)"),
            positions: status.positions.map {
                ReportState(
                    title: $0.positionTitle, status: $0.status,
                    statusLabel: request.localized("report.status.\($0.status)"))
            },
            compiled: (unitReport?.summaryJSON ?? "{}") != "{}", approved: unitReport?.approvedAt != nil,
            submitted: unitReport?.submittedAt != nil, action: Pages.unitReport.link(periodID),
            printHref: Pages.unitReportPrint.link(periodID), locked: context.lock != nil)
    }
}
