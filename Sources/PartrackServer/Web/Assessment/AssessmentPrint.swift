import Fluent
import PartrackDomain
import Vapor

/// The printable pages of a round (a unit's self-assessment report, the results) share one layout: the
/// administrative letterhead, a title, one table, the recipients and the signature.
enum AssessmentPrint {
    struct Cell: Encodable {
        let text: String
        var numeric = false
        var strong = false
    }

    struct Line: Encodable {
        let cells: [Cell]
    }

    struct Context: Encodable {
        let chrome: Chrome
        let head: PrintPages.Letterhead
        let title: String
        let subtitle: String
        let header: [Cell]
        let lines: [Line]
        let recipients: [String]
        let signerTitle: String
        let signerName: String
    }

    /// Columns whose header is in `numeric` are right-aligned (figures).
    static func render(
        _ rows: [[String]], numeric: Set<Int>, strong: (Int) -> Bool, head: PrintPages.Letterhead, title: String,
        subtitle: String, recipients: [String], signerTitle: String, signerName: String, request: Request
    ) async throws -> View {
        let header = (rows.first ?? []).enumerated().map { Cell(text: $1, numeric: numeric.contains($0)) }
        let lines = rows.dropFirst().enumerated().map { index, row in
            Line(
                cells: row.enumerated().map { Cell(text: $1, numeric: numeric.contains($0), strong: strong(index)) })
        }
        return try await request.view.render(
            "print-assessment",
            Context(
                chrome: Chrome(request), head: head, title: title, subtitle: subtitle, header: header, lines: lines,
                recipients: recipients, signerTitle: signerTitle, signerName: signerName))
    }

    /// The name of the unit's active leader, who signs.
    static func leaderName(of unitID: Int, on db: any Database) async throws -> String {
        try await User.query(on: db).filter(\.$unit.$id == unitID).filter(\.$role == .leader)
            .filter(\.$active == true).sort(\.$id).first()?.displayName ?? ""
    }
}

/// A unit's self-assessment report: the printable page the leader signs, and the same table as CSV.
enum UnitExports {
    /// Code, criterion, maximum, self score, explanation, evidence: one row per node of the catalog.
    static func rows(_ snapshot: AssessmentSnapshot, unitID: Int, request: Request) async throws -> [[String]] {
        let unit = try snapshot.unit(unitID)
        let names = try await AssessmentEvidenceNames.load(
            snapshot, unitID: unitID, references: unit.selfScores.values.flatMap(\.evidence), on: request.db)
        let header = [
            "assess.col.code", "assess.col.criterion", "assess.col.maximum", "assess.col.self_score",
            "assess.col.explanation", "assess.col.evidence",
        ].map { request.localized($0) }
        let survey = Set(snapshot.catalog.surveyLeafCodes)
        var rows = [header]
        for node in snapshot.catalog.allNodes {
            let entry = node.isLeaf ? unit.selfScores[node.code] : nil
            let score =
                survey.contains(node.code)
                ? request.localized("assess.survey_leaf")
                : (node.isLeaf ? entry?.score.vietnamese : UnitPage.selfSum(node, unit.selfScores)?.vietnamese) ?? ""
            let evidence = (entry?.evidence ?? []).map { reference in
                names.label(reference, request: request) + (reference.pointer.isEmpty ? "" : " (\(reference.pointer))")
            }
            rows.append([
                node.code, node.title, node.maxPoints.vietnamese, score, entry?.explanation ?? "",
                evidence.joined(separator: "; "),
            ])
        }
        let total = unit.selfScores.filter { !survey.contains($0.key) }.values.reduce(Points.zero) { $0 + $1.score }
        rows.append([
            "", request.localized("assess.total"), snapshot.catalog.maximum.vietnamese, total.vietnamese, "", "",
        ])
        return rows
    }

    @Sendable static func print(_ request: Request) async throws -> View {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let unitID = try AssessmentWeb.unitID(request)
        try await AssessmentWeb.requireView(snapshot, unitID: unitID, request: request)
        guard let unit = try await OrgUnit.find(unitID, on: request.db) else {
            throw PartrackError.notFound("unit", id: "\(unitID)")
        }
        let rows = try await rows(snapshot, unitID: unitID, request: request)
        let depthOne = snapshot.catalog.allNodes.map { $0.depth == 1 } + [true]
        let day = request.partrack.clock.day(of: request.partrack.now())
        return try await AssessmentPrint.render(
            rows, numeric: [2, 3], strong: { depthOne[$0] },
            head: try await PrintPages.letterhead(unit: unit, number: "…/BC-UBND", day: day, request: request),
            title: request.localized("assess.print_self_title"),
            subtitle: request.localized(
                "assess.print_self_subtitle", ["year": "\(snapshot.round.year)", "catalog": snapshot.catalogName]),
            recipients: [request.localized("assess.print_to_council"), request.localized("print.archive")],
            signerTitle: request.localized("print.chairperson"),
            signerName: try await AssessmentPrint.leaderName(of: unitID, on: request.db), request: request)
    }

    @Sendable static func csv(_ request: Request) async throws -> Response {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let unitID = try AssessmentWeb.unitID(request)
        try await AssessmentWeb.requireView(snapshot, unitID: unitID, request: request)
        return CSVResponse.make(
            try await rows(snapshot, unitID: unitID, request: request),
            filename: "tu-danh-gia-\(snapshot.round.year)-\(unitID).csv")
    }
}
