import Fluent
import PartrackDomain
import Vapor

/// "/danh-gia": the rounds that concern the reader (their unit takes part, they review its units, or
/// they sit on its council), and for a reviewer the form that opens a round.
enum RoundsPage {
    struct Row: Encodable {
        let title: String
        let href: String
        let catalog: String
        let phase: String
        let phaseLabel: String
        let trial: String
        let official: String
    }

    struct UnitChoice: Encodable {
        let id: Int
        let name: String
    }

    struct Context: Encodable {
        let chrome: Chrome
        let rounds: [Row]
        let mayOpen: Bool
        let action: String
        let year: Int
        let catalogs: [FormOption]
        let units: [UnitChoice]
        let tieRules: [FormOption]
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let user = try request.currentUser
        let now = request.partrack.now()
        let records = try await AssessmentRoundRecord.query(on: request.db).sort(\.$id, .descending).all()
        let roundUnits = try await AssessmentRoundUnit.query(on: request.db).all()
        let seats = try await AssessmentCouncilMember.query(on: request.db).filter(\.$user.$id == user.id).all()
        let catalogs = try await Catalog.query(on: request.db).sort(\.$year, .descending).sort(\.$id).all()
        let catalogNames = Dictionary(uniqueKeysWithValues: catalogs.compactMap { c in c.id.map { ($0, c.name) } })
        var rows: [Row] = []
        for record in records {
            let id = try record.requireID()
            let unitIDs = Set(roundUnits.filter { $0.$round.id == id }.map { $0.$unit.id })
            let ownUnit = unitIDs.contains(user.unitID)
            let reviews = user.role == .admin || (user.role == .reviewer && unitIDs.isSubset(of: user.reviewedUnitIDs))
            let seated = seats.contains { $0.$round.id == id }
            guard ownUnit || reviews || seated else { continue }
            let phase = phase(of: record, at: now, clock: request.partrack.clock)
            rows.append(
                Row(
                    title: record.title,
                    href: ownUnit && !reviews
                        ? Pages.assessmentUnit.link(id, user.unitID) : Pages.assessmentRound.link(id),
                    catalog: catalogNames[record.$catalog.id] ?? "", phase: phase.rawValue,
                    phaseLabel: request.localized(phase.nameKey),
                    trial: record.trialFrom.map { "\($0.formatted) – \(record.trialTo?.formatted ?? "")" } ?? "—",
                    official: "\(record.officialFrom.formatted) – \(record.closesOn.formatted)"))
        }
        let mayOpen = user.role == .reviewer || user.role == .admin
        var units: [UnitChoice] = []
        if mayOpen {
            let communes = try await OrgUnit.query(on: request.db).filter(\.$level == .commune).all()
            units = communes.filter { user.role == .admin || user.reviewedUnitIDs.contains($0.id ?? 0) }
                .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
                .compactMap { unit in unit.id.map { UnitChoice(id: $0, name: unit.name) } }
        }
        return try await request.view.render(
            "assessment-rounds",
            Context(
                chrome: Chrome(request), rounds: rows, mayOpen: mayOpen, action: Pages.assessment.link(),
                year: request.partrack.clock.day(of: now).year,
                catalogs: catalogs.compactMap { catalog in
                    catalog.id.map { FormOption(value: "\($0)", label: "\(catalog.name) (\(catalog.year))") }
                },
                units: units,
                tieRules: TieRule.allCases.map { FormOption(value: $0.rawValue, label: request.localized($0.nameKey)) }
            ))
    }

    struct OpenForm: Content {
        let title: String?
        let catalogID: Int?
        let year: Int?
        let unitIDs: [Int]?
        let trialFrom: String?
        let trialTo: String?
        let officialFrom: String?
        let closesOn: String?
        let scoreStep: String?
        let tieRule: String?
    }

    /// Opens a round; back to the form with the reason when the dates or units do not fit.
    @Sendable static func open(_ request: Request) async throws -> Response {
        let form = try request.content.decode(OpenForm.self)
        var target = Pages.assessment.link()
        return try await AssessmentWeb.outcome(back: target, request: request) {
            guard let tieRule = TieRule(rawValue: form.tieRule ?? TieRule.shareRank.rawValue) else {
                throw PartrackError.badRequest(Message("assess.tie_rule_unknown", ["value": form.tieRule ?? ""]))
            }
            let opening = RoundActions.Opening(
                title: form.title ?? "", catalogID: form.catalogID ?? 0,
                year: form.year ?? request.partrack.clock.day(of: request.partrack.now()).year,
                unitIDs: Set(form.unitIDs ?? []), trialFrom: try AssessmentWeb.optionalDay(form.trialFrom),
                trialTo: try AssessmentWeb.optionalDay(form.trialTo),
                officialFrom: try AssessmentWeb.day(form.officialFrom), closesOn: try AssessmentWeb.day(form.closesOn),
                scoreStep: form.scoreStep?.nonBlank == nil
                    ? AssessmentRound.defaultScoreStep : try AssessmentWeb.points(form.scoreStep),
                tieRule: tieRule)
            let record = try await RoundActions.open(opening, by: request)
            target = Pages.assessmentRound.link(try record.requireID())
            return Message("assess.round_opened", ["title": record.title])
        }
    }

    /// A round's phase for everyone, from its stored record (no need to load the whole round).
    static func phase(of record: AssessmentRoundRecord, at now: Date, clock: CivilClock) -> RoundPhase {
        guard
            var round = try? AssessmentRound(
                catalogID: record.$catalog.id, year: record.year, unitIDs: [0], trialFrom: record.trialFrom,
                trialTo: record.trialTo, officialFrom: record.officialFrom, closesOn: record.closesOn,
                scoreStep: Points(hundredths: record.scoreStepHundredths), tieRule: record.tieRule)
        else { return .notOpen }
        round.publishedAt = record.publishedAt
        return round.phase(at: now, clock: clock)
    }
}
