import Fluent
import PartrackDomain
import Vapor

/// "/danh-gia/:round/ket-qua": before publication the reviewer's preview (compiled afresh on each
/// visit, or the list of what stops it), survey points and the publish button; after it the official
/// results, read-only, each unit seeing its own rank. Exports as CSV and a printable page.
enum ResultsPage {
    struct Line: Encodable {
        let cells: [String]
        let own: Bool
    }

    struct DetailLine: Encodable {
        let code: String
        let title: String
        let depth: Int
        let maximum: String
        let selfScore: String
        let appraised: String
        let percent: String
        let reason: String
    }

    struct UnitLink: Encodable {
        let name: String
        let href: String
        let current: Bool
    }

    struct SurveyField: Encodable {
        let key: Int
        let code: String
        let title: String
        let maximum: String
        let points: String
    }

    struct SurveyUnit: Encodable {
        let key: Int
        let name: String
        let action: String
        let fields: [SurveyField]
    }

    struct Context: Encodable {
        let chrome: Chrome
        let details: [String]
        let roundHref: String
        let roundTitle: String
        let published: Bool
        let publishedAt: String
        let ownRank: String?
        let problems: [String]
        let csvHref: String
        let printHref: String
        let header: [String]
        let lines: [Line]
        let detailUnits: [UnitLink]
        let detailName: String
        let detail: [DetailLine]
        let mayPublish: Bool
        let publishAction: String
        let survey: [SurveyUnit]
        let surveyImportAction: String
        let surveyCodes: String
    }

    /// The round with its results as the reader may see them: the published ones, the reviewer's
    /// preview, or nil with the reasons it cannot be compiled yet.
    struct Loaded {
        let snapshot: AssessmentSnapshot
        let results: CompiledResults?
        let problems: [Message]
        let reviews: Bool
    }

    static func load(_ request: Request) async throws -> Loaded {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let user = try request.currentUser.acting
        // A person of a unit in the round asks for their own unit; a reviewer or council member for any.
        let unitID =
            snapshot.unitIDs.contains(user.unitID) ? user.unitID : snapshot.units.first?.unitID ?? user.unitID
        try await AssessmentPolicy.mayViewResults(
            user, unitID: unitID, round: snapshot.round, council: snapshot.council
        ).orRefuse(
            "assessment.results.view", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
            request: request)
        let reviews = AssessmentPolicy.mayManage(user, .compile, unitIDs: snapshot.unitIDs).isAllowed
        if let published = snapshot.published {
            return Loaded(snapshot: snapshot, results: published.results, problems: [], reviews: reviews)
        }
        guard reviews else {
            return Loaded(
                snapshot: snapshot, results: nil, problems: [Message("assess.not_published")], reviews: false)
        }
        do {
            return Loaded(
                snapshot: snapshot, results: try await RoundActions.compile(snapshot, by: request), problems: [],
                reviews: true)
        } catch let refusal as AssessmentRefusal {
            return Loaded(
                snapshot: snapshot, results: nil, problems: [refusal.message] + refusal.details, reviews: true)
        }
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let loaded = try await load(request)
        let snapshot = loaded.snapshot
        let user = try request.currentUser
        let published = snapshot.published
        var header: [String] = []
        var lines: [Line] = []
        var detailUnits: [UnitLink] = []
        var detailName = ""
        var detail: [DetailLine] = []
        var ownRank: String?
        if let results = loaded.results {
            let table = ResultsTable.rows(results, locale: request.strings)
            header = table.first ?? []
            lines = zip(results.units, table.dropFirst()).map { Line(cells: $1, own: $0.unitID == user.unitID) }
            if published != nil, let own = results.unit(user.unitID) {
                ownRank = request.localized(
                    "assess.own_rank", ["unit": own.name, "total": own.total.vietnamese, "rank": own.rank.description])
            }
            let chosen = request.query.string("unit").flatMap(Int.init) ?? user.unitID
            let shown = results.unit(chosen) ?? (loaded.reviews ? results.units.first : nil)
            detailUnits =
                loaded.reviews
                ? results.units.map {
                    UnitLink(
                        name: $0.name, href: Pages.assessmentResults.link(snapshot.id) + "?unit=\($0.unitID)",
                        current: $0.unitID == shown?.unitID)
                } : []
            detailName = shown?.name ?? ""
            detail = (shown?.nodes ?? []).map {
                DetailLine(
                    code: $0.code, title: $0.title, depth: $0.depth, maximum: $0.maximum.vietnamese,
                    selfScore: $0.selfScore?.vietnamese ?? "—", appraised: $0.appraised.vietnamese,
                    percent: Points(hundredths: $0.percentHundredths).vietnamese + "\u{00A0}%", reason: $0.reason ?? "")
            }
        }
        return try await request.view.render(
            "assessment-results",
            Context(
                chrome: Chrome(request), details: AssessmentWeb.details(request),
                roundHref: Pages.assessmentRound.link(snapshot.id), roundTitle: snapshot.record.title,
                published: published != nil,
                publishedAt: published.map { request.partrack.clock.formatDateTime($0.publishedAt) } ?? "",
                ownRank: ownRank, problems: loaded.problems.map { request.localized($0) },
                csvHref: Pages.assessmentResultsCSV.link(snapshot.id),
                printHref: Pages.assessmentResultsPrint.link(snapshot.id), header: header, lines: lines,
                detailUnits: detailUnits, detailName: detailName, detail: detail,
                mayPublish: published == nil && loaded.reviews && loaded.results != nil,
                publishAction: Pages.assessmentPublish.link(snapshot.id),
                survey: published == nil && loaded.reviews ? survey(snapshot, request: request) : [],
                surveyImportAction: Pages.assessmentSurveyImport.link(snapshot.id),
                surveyCodes: snapshot.catalog.surveyLeafCodes.joined(separator: ", ")))
    }

    /// The survey points form of each unit, when the catalog has survey criteria.
    static func survey(_ snapshot: AssessmentSnapshot, request: Request) -> [SurveyUnit] {
        let leaves = snapshot.catalog.allNodes.filter { snapshot.catalog.surveyLeafCodes.contains($0.code) }
        guard !leaves.isEmpty else { return [] }
        return snapshot.units.map { unit in
            SurveyUnit(
                key: unit.unitID, name: unit.name, action: Pages.assessmentSurvey.link(snapshot.id, unit.unitID),
                fields: leaves.enumerated().map { key, leaf in
                    SurveyField(
                        key: key, code: leaf.code, title: leaf.title, maximum: leaf.maxPoints.vietnamese,
                        points: unit.surveyPoints[leaf.code]?.vietnamese ?? "")
                })
        }
    }

    @Sendable static func publish(_ request: Request) async throws -> Response {
        let snapshot = try await AssessmentWeb.snapshot(request)
        return try await AssessmentWeb.outcome(back: Pages.assessmentResults.link(snapshot.id), request: request) {
            _ = try await RoundActions.publish(snapshot, by: request)
            return Message("assess.published")
        }
    }

    struct SurveyPointsField: Content {
        let code: String
        let points: String?
    }

    struct SurveyForm: Content {
        let p: [String: SurveyPointsField]?
    }

    /// The reviewer enters a unit's survey points (fields left empty are left alone).
    @Sendable static func saveSurvey(_ request: Request) async throws -> Response {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let unitID = try AssessmentWeb.unitID(request)
        let form = try request.content.decode(SurveyForm.self)
        return try await AssessmentWeb.outcome(back: Pages.assessmentResults.link(snapshot.id), request: request) {
            let entries = try (form.p ?? [:]).values.sorted { $0.code < $1.code }.compactMap { field in
                try field.points?.nonBlank.map { (field.code, try AssessmentWeb.points($0)) }
            }
            for (code, points) in entries {
                try await RoundActions.recordSurvey(snapshot, unitID: unitID, code: code, points: points, by: request)
            }
            return Message("assess.survey_saved")
        }
    }

    struct SurveyFile: Content {
        let file: File
    }

    /// The survey team's table (.csv or .xlsx) for every unit at once; nothing is written unless it all reads.
    @Sendable static func importSurvey(_ request: Request) async throws -> Response {
        let snapshot = try await AssessmentWeb.snapshot(request)
        return try await AssessmentWeb.outcome(back: Pages.assessmentResults.link(snapshot.id), request: request) {
            let file = try request.content.decode(SurveyFile.self).file
            let units = try await SurveyImport.run(
                Data(file.data.readableBytesView), filename: file.filename, snapshot, by: request)
            return Message("assess.survey_imported", ["units": "\(units)"])
        }
    }

    @Sendable static func csv(_ request: Request) async throws -> Response {
        let loaded = try await load(request)
        guard let results = loaded.results else {
            throw PartrackError.badRequest(loaded.problems.first ?? Message("assess.not_published"))
        }
        return CSVResponse.make(
            ResultsTable.rows(results, locale: request.strings),
            filename: "ket-qua-chi-so-cchc-\(loaded.snapshot.round.year).csv")
    }

    @Sendable static func print(_ request: Request) async throws -> View {
        let loaded = try await load(request)
        guard let results = loaded.results else {
            throw PartrackError.badRequest(loaded.problems.first ?? Message("assess.not_published"))
        }
        let snapshot = loaded.snapshot
        let someUnit = try await OrgUnit.find(snapshot.units.first?.unitID, on: request.db)
        guard let issuer = try await someUnit?.$parent.get(on: request.db) ?? someUnit else {
            throw PartrackError.notFound("unit", id: "")
        }
        let rows = ResultsTable.rows(results, locale: request.strings)
        let figures = Set(2..<(rows.first?.count ?? 2)).subtracting([(rows.first?.count ?? 0) - 1])
        let published = snapshot.published != nil
        return try await AssessmentPrint.render(
            rows, numeric: figures, strong: { _ in false },
            head: try await PrintPages.letterhead(
                unit: issuer, number: "…/QĐ-UBND",
                day: request.partrack.clock.day(of: snapshot.published?.publishedAt ?? request.partrack.now()),
                request: request),
            title: request.localized(published ? "assess.print_results_title" : "assess.print_preview_title"),
            subtitle: request.localized(
                "assess.print_results_subtitle", ["year": "\(snapshot.round.year)", "title": snapshot.record.title]),
            recipients: [request.localized("assess.print_to_units"), request.localized("print.archive")],
            signerTitle: request.localized("assess.print_reviewer"), signerName: "", request: request)
    }
}
