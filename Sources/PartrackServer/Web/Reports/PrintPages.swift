import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// Reports as they are printed, signed and sent: the Vietnamese administrative layout on A4.
enum PrintPages {
    /// The heading block every administrative document starts with.
    struct Letterhead: Encodable {
        let parentName: String
        let unitName: String
        let number: String
        let placeAndDate: String
    }

    struct CommuneReport: Encodable {
        let chrome: Chrome
        let head: Letterhead
        let title: String
        let subtitle: String
        let generated: [String]
        let narrative: String
        let counts: ReportPages.Counts
        let positions: [DashboardPage.ReportState]
        let items: [ReportPages.Item]
        let signerTitle: String
        let signerName: String
        let recipients: [String]
    }

    @Sendable static func communeReport(_ request: Request) async throws -> View {
        let context = try await PeriodContext.load(try request.id("periodID", of: "period"), on: request.db)
        try await request.authorize(
            .viewReports(unitID: context.unitID), audit: "report.view", entity: "period", entityID: context.id,
            unitID: context.unitID)
        let report = try await ReportsAPI.unitDTO(context, request: request)
        let leader = try await User.query(on: request.db).filter(\.$unit.$id == context.unitID)
            .filter(\.$role == .leader).filter(\.$active == true).sort(\.$id).first()
        let day = request.partrack.clock.day(of: report.submittedAt ?? report.approvedAt ?? request.partrack.now())
        return try await request.view.render(
            "print-commune-report",
            CommuneReport(
                chrome: Chrome(request),
                head: try await letterhead(unit: context.unit, number: "…/BC-UBND", day: day, request: request),
                title: request.localized("print.report_title"),
                subtitle: request.localized(
                    "print.report_subtitle",
                    [
                        "period": request.localized(context.period.kind.nameKey),
                        "year": "\(context.plan.year)", "plan": context.plan.title,
                    ]),
                generated: report.generatedText, narrative: report.narrative, counts: ReportPages.counts(report.counts),
                positions: report.positions.map {
                    DashboardPage.ReportState(
                        title: $0.positionTitle, status: $0.status,
                        statusLabel: request.localized("report.status.\($0.status)"))
                },
                items: ReportPages.items(report.items, request: request),
                signerTitle: request.localized("print.chairperson"), signerName: leader?.displayName ?? "",
                recipients: [
                    context.unit.$parent.id == nil ? "" : request.localized("print.to_reviewer"),
                    request.localized("print.archive"),
                ].filter { !$0.isEmpty }))
    }

    /// "UBND huyện Ba Tơ / UBND xã Ba Giang … Ba Giang, ngày 14 tháng 03 năm 2023".
    static func letterhead(unit: OrgUnit, number: String, day: LocalDate, request: Request) async throws -> Letterhead {
        let parent = try await unit.$parent.get(on: request.db)
        let place = unit.name.replacingOccurrences(of: "UBND ", with: "")
            .replacingOccurrences(of: "xã ", with: "").replacingOccurrences(of: "huyện ", with: "")
            .replacingOccurrences(of: "tỉnh ", with: "")
        return Letterhead(
            parentName: parent?.name.uppercased() ?? "", unitName: unit.name.uppercased(), number: number,
            placeAndDate: request.localized(
                "print.place_date",
                [
                    "place": place, "day": day.formatted.prefix(2).description,
                    "month": String(day.formatted.dropFirst(3).prefix(2)), "year": "\(day.year)",
                ]))
    }
}
