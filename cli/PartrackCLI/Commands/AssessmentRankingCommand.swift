import ArgumentParser
import Foundation
import PartrackAPI
import PartrackDomain

struct AssessmentRankingCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "ranking",
        abstract: "Kết quả và thứ hạng các đơn vị của đợt đánh giá (The round's results and ranking).",
        discussion: """
            Mỗi đơn vị một dòng, xếp theo tổng điểm: tự chấm, thẩm định, điều tra xã hội học, tổng, tỷ lệ, xếp loại và thứ hạng ("4/19"). Sau khi công bố, ai trong đợt cũng xem được; trước đó người thẩm định xem bản xem trước khi hội đồng đã thẩm định xong. Với -o, ghi bảng ra tệp CSV (UTF-8 có BOM, mở bằng Excel).

            One line per unit, by total: self score, appraised, survey, total, percent, class and rank ("4/19"). Once published everyone in the round sees it; before that the reviewer sees a preview when the council has finished. With -o, writes the table as CSV (UTF-8 with BOM, for Excel).

            Ví dụ / Examples:
              partrack assessment ranking 3
              partrack assessment ranking 3 -o xep-hang-2023.csv
              partrack assessment ranking 3 --format json
            """)

    @Argument(help: "Số của đợt đánh giá. (Round id.)")
    var round: Int

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: "Ghi bảng ra tệp CSV này, hoặc - cho stdout. (CSV file to write.)")
    var file: String?

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        if let file {
            let data = try await session.api.download("/assessment-rounds/\(round)/results.csv")
            try ExportFile.write(data, to: file, console: console)
            return
        }
        let results: AssessmentResultsDTO = try await session.api.get("/assessment-rounds/\(round)/results")
        if output.json {
            try console.printJSON(results)
            return
        }
        let roundDTO: AssessmentRoundDTO = try await session.api.get("/assessment-rounds/\(round)")
        let show = console.show
        if let published = results.publishedAt {
            console.print(
                console.style.bold(
                    console.text("cli.ranking.published", ["round": roundDTO.title, "date": show.dateTime(published)])))
        } else {
            console.print(
                console.style.bold(
                    console.text(
                        "cli.ranking.preview",
                        ["round": roundDTO.title, "date": show.dateTime(results.results.compiledAt)])))
            console.say("cli.ranking.not_published")
        }
        var table = TextTable([
            .init(console.text("cli.column.rank"), .right), .init(console.text("cli.column.unit"), limit: 40),
            .init(console.text("cli.column.self_score"), .right), .init(console.text("cli.column.appraised"), .right),
            .init(console.text("cli.column.survey"), .right), .init(console.text("cli.column.total"), .right),
            .init(console.text("cli.column.rate"), .right), .init(console.text("cli.column.class")),
        ])
        for unit in results.results.units {
            table.add([
                "\(unit.rank.position)/\(unit.rank.of)", unit.name, show.points(unit.selfTotal),
                show.points(unit.appraisedTotal), show.points(unit.surveyTotal), show.points(unit.total),
                show.percent(hundredths: unit.percentHundredths), unit.className ?? "—",
            ])
        }
        console.printTable(table)
        console.say("cli.ranking.tie_rule", ["rule": console.text("cli.tie_rule.\(results.results.tieRule.rawValue)")])
    }
}
