import ArgumentParser
import PartrackDomain

enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
}

/// `--format text|json`, which every command that prints data takes.
struct FormatOptions: ParsableArguments {
    @Option(help: "Dạng kết quả: text (bảng cho người đọc) hoặc json (ổn định, cho script). (Output format.)")
    var format: OutputFormat = .text

    var json: Bool { format == .json }
}

extension PeriodKind: ExpressibleByArgument {}
