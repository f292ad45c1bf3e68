import ArgumentParser
import PartrackDomain

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất bảng CSV để mở bằng Excel (Export CSV tables for Excel).",
        discussion: """
            Tệp CSV mã hóa UTF-8 có BOM, nên Excel hiện đúng tiếng Việt.

            CSV files in UTF-8 with a byte-order mark, so Excel shows Vietnamese right.

            Ví dụ / Examples:
              partrack export compliance --year 2023 -o tuan-thu-2023.csv
              partrack export projection --period Q1 --year 2023 -o du-kien-q1.csv
            """,
        subcommands: [ExportComplianceCommand.self, ExportProjectionCommand.self])
}

/// Where an export goes and what it covers.
struct ExportOptions: ParsableArguments {
    @Option(
        name: [.customShort("o"), .customLong("output")], help: "Tệp CSV sẽ ghi, hoặc - cho stdout. (Output file.)")
    var output: String

    @Option(help: "Đơn vị gốc: mã hoặc số; mặc định là đơn vị của bạn. (Unit code or id.)")
    var unit: String?

    @Option(help: "Năm; mặc định là năm nay. (Year.)")
    var year: Int?
}
