import ArgumentParser
import Foundation
import PartrackDomain

struct ExportComplianceCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "Xuất ma trận tuân thủ báo cáo: đơn vị × kỳ báo cáo (Export the compliance matrix).",
        discussion: """
            Mỗi đơn vị một dòng, mỗi kỳ (Q1, H1, 9M, năm) một nhóm cột: trạng thái báo cáo, lúc nộp, các vị trí nộp đúng hạn/trễ/thiếu, nhiệm vụ đến hạn và xong đúng hạn. Tệp luôn có đủ các kỳ.

            One row per unit, a group of columns per period (Q1, H1, 9M, year): report status, when submitted, positions on time/late/missing, tasks due and done on time. The file always has every period.

            Ví dụ / Example:
              partrack export compliance --unit ba-to --year 2023 -o tuan-thu-2023.csv
            """)

    @OptionGroup var export: ExportOptions

    @Option(help: "Không cần: tệp có đủ các kỳ. (Not needed: the file has every period.)")
    var period: PeriodKind?

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        let unitID = try await session.unitID(export.unit)
        let data = try await session.api.download(
            "/compliance.csv", query: [("unit", unitID.map(String.init)), ("year", export.year.map(String.init))])
        if period != nil { console.say("cli.export.all_periods") }
        try ExportFile.write(data, to: export.output, console: console)
    }
}

enum ExportFile {
    /// Writes the file whole (or to stdout for `-`), then says where on stderr.
    static func write(_ data: Data, to path: String, console: Console) throws {
        if path == "-" {
            console.context.stdout.write(String(decoding: data, as: UTF8.self))
            return
        }
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw CLIError.usage("cli.error.cannot_write", ["path": path])
        }
        console.say("cli.export.written", ["path": path, "size": console.show.bytes(data.count)])
    }
}
