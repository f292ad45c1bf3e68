import ArgumentParser
import Foundation
import PartrackAPI
import PartrackDomain

struct AssessmentScoresCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "scores",
        abstract: "Điểm tự chấm và điểm thẩm định của một đơn vị trong đợt (A unit's scores in a round).",
        discussion: """
            Mỗi tiêu chí một dòng: điểm tối đa, điểm tự chấm, điểm thẩm định (với tiêu chí điều tra xã hội học: điểm khảo sát), nguồn của điểm tự chấm (gợi ý từ tiến độ nhiệm vụ, chờ xác nhận; hay đã chấm) và điều còn ngăn đơn vị gửi thẩm định. Công chức và lãnh đạo xem đơn vị mình; người thẩm định và thành viên hội đồng chọn đơn vị bằng --unit.

            One line per criterion: maximum, self score, appraised score (for survey criteria, the survey points), where the self score came from (suggested from the tasks' progress and awaiting confirmation, or scored) and what still stops the unit from submitting. Officers and leaders see their own unit; reviewers and council members choose one with --unit.

            Ví dụ / Examples:
              partrack assessment scores 3
              partrack assessment scores 3 --unit ba-giang --format json
            """)

    @Argument(help: "Số của đợt đánh giá. (Round id.)")
    var round: Int

    @Option(help: "Đơn vị: mã (ba-giang) hoặc số; mặc định là đơn vị của bạn. (Unit code or id.)")
    var unit: String?

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        let roundDTO: AssessmentRoundDTO = try await session.api.get("/assessment-rounds/\(round)")
        let unitID = try await chosenUnit(in: roundDTO, session: session)
        let assessment: UnitAssessmentDTO = try await session.api.get(
            "/assessment-rounds/\(round)/units/\(unitID)")
        if output.json {
            try console.printJSON(assessment)
            return
        }
        let catalog: CatalogDTO = try await session.api.get("/catalogs/\(roundDTO.catalogID)")
        printScores(assessment, of: roundDTO, catalog: catalog.definition, console: console)
    }

    /// The unit asked for, else the caller's own when it is in the round; a reviewer or a council
    /// member from outside the round's units must say which (usage error listing them).
    private func chosenUnit(in round: AssessmentRoundDTO, session: Session) async throws -> Int {
        if let id = try await session.unitID(unit) { return id }
        let me = try await session.me()
        if round.units.contains(where: { $0.unitID == me.unitID }) { return me.unitID }
        throw CLIError.usage(
            "cli.error.choose_unit",
            ["known": round.units.map { "\($0.unitID) (\($0.name))" }.joined(separator: ", ")])
    }

    private func printScores(
        _ assessment: UnitAssessmentDTO, of round: AssessmentRoundDTO, catalog: CatalogDefinition, console: Console
    ) {
        let show = console.show
        let unit = assessment.unit
        console.print(
            console.style.bold(
                console.text(
                    "cli.scores.heading",
                    ["unit": unit.name, "round": round.title, "phase": console.phaseName(unit.phase)])))
        let leaves = catalog.allNodes.filter(\.isLeaf)
        let scored = leaves.filter { $0.measure != .survey }
        let selfTotal = scored.reduce(Points.zero) { $0 + (assessment.selfScores[$1.code]?.score ?? .zero) }
        var pairs = [
            (
                console.text("cli.scores.self_total"),
                "\(show.points(selfTotal)) / \(show.points(catalog.maximum))"
            ),
            (console.text("cli.scores.confirmed"), "\(unit.confirmed)/\(unit.leaves)"),
            (console.text("cli.scores.submitted"), show.dateTime(unit.submittedAt)),
        ]
        if let result = assessment.result {
            pairs.append(
                (
                    console.text("cli.scores.result"),
                    console.text(
                        "cli.scores.result_line",
                        [
                            "total": show.points(result.total),
                            "percent": show.percent(hundredths: result.percentHundredths),
                            "class": result.className ?? "—", "rank": "\(result.rank.position)/\(result.rank.of)",
                        ])
                ))
        }
        console.printPairs(pairs)
        console.print()
        let problems = Dictionary(
            SelfAssessmentCheck.problems(catalog: catalog, scores: assessment.selfScores, step: round.scoreStep)
                .map { ($0.code, $0.kind) }
        ) { first, _ in first }
        var table = TextTable([
            .init(console.text("cli.column.code")), .init(console.text("cli.column.criteria"), limit: 40),
            .init(console.text("cli.column.maximum"), .right), .init(console.text("cli.column.self_score"), .right),
            .init(console.text("cli.column.appraised"), .right), .init(console.text("cli.column.source")),
            .init(console.text("cli.column.problem")),
        ])
        for leaf in leaves {
            let entry = assessment.selfScores[leaf.code]
            let appraisal = assessment.appraisals[leaf.code]
            let survey = leaf.measure == .survey
            let appraised = survey ? assessment.surveyPoints[leaf.code] : appraisal?.score
            let source: String
            if survey {
                source = console.text("cli.source.survey")
            } else {
                source = entry.map { console.text("cli.source.\($0.source.rawValue)") } ?? "—"
            }
            let problem = problems[leaf.code]
            table.add(
                [
                    leaf.code, leaf.title, show.points(leaf.maxPoints), entry.map { show.points($0.score) } ?? "—",
                    appraised.map(show.points) ?? "—", source,
                    problem.map { console.text("cli.problem.\($0.rawValue)") } ?? "",
                ],
                tones: [
                    4: appraisal?.isChange == true ? .warning : nil, 6: problem == nil ? nil : .bad,
                ].compactMapValues { $0 })
        }
        console.printTable(table)
        if !assessment.problems.isEmpty {
            console.print()
            console.print(console.style.bold(console.text("cli.scores.problems")))
            for line in assessment.problems { console.print("- " + line) }
        }
        let changed = leaves.compactMap { leaf in
            assessment.appraisals[leaf.code].flatMap { appraisal in
                appraisal.isChange ? (leaf.code, appraisal) : nil
            }
        }
        if !changed.isEmpty {
            console.print()
            console.print(console.style.bold(console.text("cli.scores.changed")))
            for (code, appraisal) in changed {
                console.print(
                    console.text(
                        "cli.scores.change_line",
                        [
                            "code": code, "self": show.points(appraisal.selfScore),
                            "score": show.points(appraisal.score), "reason": appraisal.reason ?? "",
                        ]))
            }
        }
    }
}
