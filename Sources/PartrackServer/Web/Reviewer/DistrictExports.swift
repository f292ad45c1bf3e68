import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// The district page's CSV exports, its bulk lock of a period, and its printable summary.
enum DistrictExports {
    static func view(_ request: Request) async throws -> (DistrictView, OrgUnit) {
        let unitID = try request.id("unitID", of: "unit")
        try await request.authorize(
            .viewCompliance(unitID: unitID), audit: "compliance.export", entity: "unit", entityID: unitID,
            unitID: unitID)
        guard let unit = try await OrgUnit.find(unitID, on: request.db) else {
            throw PartrackError.notFound("unit", id: "\(unitID)")
        }
        return (
            try await DistrictView.load(unitID: unitID, year: try DistrictPage.year(request), request: request), unit
        )
    }

    /// The compliance matrix (communes × periods), UTF-8 with BOM for Excel.
    @Sendable static func compliance(_ request: Request) async throws -> Response {
        let (view, _) = try await view(request)
        let rows = ComplianceMatrix.rows(view.reports, catalog: request.strings, clock: request.partrack.clock)
        return CSVResponse.make(rows, filename: "tuan-thu-bao-cao-\(view.year).csv")
    }

    /// The communes' table: completion, on-time rate, projected score, class, rank.
    @Sendable static func projection(_ request: Request) async throws -> Response {
        let (view, _) = try await view(request)
        let header = [
            "district.col.commune", "district.col.completion", "district.col.on_time", "district.col.projected",
            "district.col.percent", "district.col.class", "district.col.rank",
        ].map { request.localized($0) }
        let rows = view.table(sortedBy: "projected", request).map {
            [$0.name, $0.completion, $0.onTimeRate, $0.projected, $0.percent, $0.className, $0.rank]
        }
        return CSVResponse.make([header] + rows, filename: "du-bao-chi-so-\(view.year).csv")
    }

    struct LockForm: Content {
        /// lock | reopen
        let act: String
        let reason: String?
    }

    /// Locks (or reopens) one period kind for every commune below: the reviewer closes a quarter at once.
    @Sendable static func lock(_ request: Request) async throws -> Response {
        let unitID = try request.id("unitID", of: "unit")
        let form = try request.content.decode(LockForm.self)
        let year = try DistrictPage.year(request)
        guard let kindText = request.query.string("kind"), let kind = PeriodKind(rawValue: kindText) else {
            throw PartrackError.badQuery("kind", value: request.query.string("kind") ?? "")
        }
        let user = try request.currentUser
        let below = try await UnitTree.load(on: request.db).descendants(of: unitID)
        let plans = try await Plan.query(on: request.db).filter(\.$unit.$id ~~ Array(below)).filter(\.$year == year)
            .all()
        let periods = try await ReportPeriod.query(on: request.db).filter(\.$plan.$id ~~ plans.compactMap(\.id))
            .filter(\.$kind == kind).all()
        var changed = 0
        do {
            for period in periods {
                let context = try await PeriodContext.load(try period.requireID(), on: request.db)
                let now = request.partrack.now()
                if form.act == "lock" {
                    guard context.lock == nil else { continue }
                    let lock = try await ReportsAPI.refusalLogged(
                        PeriodLocking.lock(
                            nil, unitID: context.unitID, by: user.acting, userName: user.displayName, now: now,
                            clock: request.partrack.clock), action: "period.lock", context: context, request: request)
                    context.period.lockedAt = lock.lockedAt
                    context.period.$lockedBy.id = user.id
                } else {
                    guard context.lock != nil else { continue }
                    _ = try await ReportsAPI.refusalLogged(
                        PeriodLocking.reopen(context.lock, unitID: context.unitID, by: user.acting),
                        action: "period.reopen", context: context, request: request)
                    context.period.lockedAt = nil
                    context.period.$lockedBy.id = nil
                }
                try await request.db.transaction { db in
                    try await context.period.save(on: db)
                    try await Audit.record(
                        form.act == "lock" ? "period.lock" : "period.reopen", entity: "period", entityID: context.id,
                        unitID: context.unitID, reason: form.reason ?? "", by: request, on: db)
                }
                changed += 1
            }
            request.notice(
                Message(
                    form.act == "lock" ? "web.periods_locked" : "web.periods_reopened",
                    ["count": "\(changed)", "period": request.localized(kind.nameKey)]))
        } catch let error as any UserFacingError {
            request.notice(error.message, error: true)
        }
        return request.redirect(to: Pages.district.link(unitID) + "?year=\(year)")
    }

    struct PrintContext: Encodable {
        let chrome: Chrome
        let head: PrintPages.Letterhead
        let title: String
        let subtitle: String
        let columns: [DistrictPage.Column]
        let matrix: [DistrictPage.MatrixRow]
        let table: [DistrictPage.TableRow]
        let signerTitle: String
    }

    /// The compliance summary as a printed document of the reviewing office.
    @Sendable static func print(_ request: Request) async throws -> View {
        let (view, unit) = try await view(request)
        let day = request.partrack.clock.day(of: request.partrack.now())
        return try await request.view.render(
            "print-district",
            PrintContext(
                chrome: Chrome(request),
                head: try await PrintPages.letterhead(unit: unit, number: "…/BC-NV", day: day, request: request),
                title: request.localized("print.district_title"),
                subtitle: request.localized("print.district_subtitle", ["year": "\(view.year)", "unit": unit.name]),
                columns: view.columns(request), matrix: view.matrix(request),
                table: view.table(sortedBy: "projected", request),
                signerTitle: request.localized("print.head_of_office")))
    }
}
