import ArgumentParser
import Foundation
import PartrackAPI
import PartrackDomain

struct ProjectionCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "projection",
        abstract: "Điểm Chỉ số CCHC dự kiến của đơn vị và việc nên đẩy trước (A unit's projected PAR INDEX score).",
        discussion: """
            Ba con số cho mỗi lĩnh vực: đã đạt (nhiệm vụ đã xong), dự kiến (nếu việc chưa đến hạn xong đúng hạn), tối đa có thể (nếu cả việc quá hạn xong ngay). --what-if liệt kê các nhiệm vụ đang mở theo số điểm mỗi việc còn đáng giá, việc đáng đẩy nhất trước.

            Three figures per area: earned (done tasks), projected (open tasks not yet due done on time), ceiling (overdue tasks done now as well). --what-if lists the open tasks by the points each is still worth, the one most worth pushing first.

            Ví dụ / Examples:
              partrack projection
              partrack projection --unit ba-giang --what-if
              partrack projection --unit ba-giang --year 2023 --format json
            """)

    @Option(help: "Đơn vị: mã (ba-giang) hoặc số; mặc định là đơn vị của bạn. (Unit code or id.)")
    var unit: String?

    @Option(help: "Năm của kế hoạch; mặc định là kế hoạch mới nhất. (Plan year.)")
    var year: Int?

    @Flag(help: "Liệt kê nhiệm vụ nên đẩy, xếp theo điểm. (Ranked tasks to push.)")
    var whatIf = false

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        let unitID = try await session.unitID(unit)
        let dto: UnitProjectionDTO = try await session.api.get(
            "/projection", query: [("unit", unitID.map(String.init)), ("year", year.map(String.init))])
        if whatIf {
            try printWhatIf(dto, console: console)
        } else {
            try printProjection(dto, console: console)
        }
    }

    private func printProjection(_ dto: UnitProjectionDTO, console: Console) throws {
        if output.json {
            try console.printJSON(dto)
            return
        }
        let show = console.show
        let projection = dto.projection
        console.print(
            console.style.bold(
                console.text(
                    "cli.projection.heading",
                    ["unit": dto.unitName, "year": "\(dto.year)", "date": show.date(projection.asOf)])))
        if dto.catalogIsSample { console.say("cli.projection.sample", ["catalog": dto.catalogName]) }
        console.printPairs([
            (console.text("cli.projection.earned"), figure(projection.total.earned, projection, \.earned, console)),
            (
                console.text("cli.projection.projected"),
                figure(projection.total.projected, projection, \.projected, console)
                    + (projection.classes.projected.map { " — \($0)" } ?? "")
            ),
            (console.text("cli.projection.ceiling"), figure(projection.total.ceiling, projection, \.ceiling, console)),
            (console.text("cli.projection.rank"), dto.rank.map { "\($0.position)/\($0.of)" } ?? "—"),
        ])
        console.print()
        var table = TextTable([
            .init(console.text("cli.column.code")), .init(console.text("cli.column.area"), limit: 50),
            .init(console.text("cli.column.earned"), .right), .init(console.text("cli.column.projected"), .right),
            .init(console.text("cli.column.ceiling"), .right), .init(console.text("cli.column.maximum"), .right),
        ])
        for area in projection.areas {
            table.add([
                area.code, area.title, show.points(area.figures.earned), show.points(area.figures.projected),
                show.points(area.figures.ceiling), show.points(area.maximum),
            ])
        }
        console.printTable(table)
        if let goal = dto.words["goal"] {
            console.print()
            console.print(goal)
        }
        if !projection.pointsAtRisk.isEmpty {
            console.print()
            console.print(console.style.bold(console.text("cli.projection.at_risk")))
            var risks = TextTable([
                .init("ID", .right), .init(console.text("cli.column.due")),
                .init(console.text("cli.column.points"), .right), .init(console.text("cli.column.task"), limit: 70),
            ])
            for risk in projection.pointsAtRisk {
                risks.add(
                    ["\(risk.taskID)", show.date(risk.due), show.points(risk.points), risk.title], tones: [2: .bad])
            }
            console.printTable(risks)
        }
    }

    private func figure(
        _ points: Points, _ projection: Projection, _ percent: KeyPath<Scenarios<Int>, Int>, _ console: Console
    ) -> String {
        let show = console.show
        return
            "\(show.points(points)) / \(show.points(projection.maximum)) (\(show.percent(hundredths: projection.percent[keyPath: percent])))"
    }

    private func printWhatIf(_ dto: UnitProjectionDTO, console: Console) throws {
        let gains = dto.projection.whatIf
        if output.json {
            try console.printJSON(gains)
            return
        }
        guard !gains.isEmpty else {
            console.say("cli.projection.nothing_open")
            return
        }
        console.print(console.style.bold(console.text("cli.projection.what_if", ["unit": dto.unitName])))
        let show = console.show
        var table = TextTable([
            .init("#", .right), .init("ID", .right), .init(console.text("cli.column.due")),
            .init(console.text("cli.column.status")), .init(console.text("cli.column.points"), .right),
            .init(console.text("cli.column.task"), limit: 70),
        ])
        for (index, gain) in gains.enumerated() {
            table.add(
                [
                    "\(index + 1)", "\(gain.taskID)", show.date(gain.due), console.deadlineName(gain.status.rawValue),
                    show.points(gain.points), gain.title,
                ], tones: [3: Tones.deadline(gain.status.rawValue)].compactMapValues { $0 })
        }
        console.printTable(table)
    }
}
