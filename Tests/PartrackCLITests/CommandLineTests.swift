import AsyncHTTPClient
import Foundation
import PartrackDomain
import Testing

@testable import PartrackCLI

/// What needs no server: help, usage errors, the catalog, tables, languages, exit code 3.
@Suite struct CommandLineTests {
    /// Runs a command with no server behind it.
    func run(_ arguments: [String], environment: [String: String] = [:]) async -> CLIRun {
        let out = Capture()
        let err = Capture()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partrack-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = CLIContext(
            http: .shared, configDirectory: folder, stdout: out, stderr: err, stdin: TypedInput(""),
            passwords: TypedPassword(nil), environment: environment)
        let code = await PartrackCommand.run(arguments: arguments, context: context)
        return CLIRun(code: code, stdout: out.text, stderr: err.text)
    }

    static let commands: [[String]] = [
        [], ["login"], ["logout"], ["whoami"], ["tasks"], ["task"], ["task", "show"], ["task", "update"],
        ["task", "done"], ["task", "evidence"], ["report"], ["report", "show"], ["report", "draft"],
        ["report", "submit"], ["report", "approve"], ["projection"], ["compliance"], ["plan"], ["plan", "import"],
        ["export"], ["export", "compliance"], ["export", "projection"], ["sync"],
        ["assessment"], ["assessment", "rounds"], ["assessment", "scores"], ["assessment", "ranking"],
    ]

    @Test(arguments: commands)
    func everyCommandsHelpIsVietnameseFirstThenEnglishWithExamples(command: [String]) async {
        let help = await run(command + ["--help"])
        #expect(help.code == 0)
        #expect(help.stderr.isEmpty)
        let overview = help.stdout.replacingOccurrences(of: "\n", with: " ")
        // "OVERVIEW: <Vietnamese> (<English>)."
        #expect(overview.range(of: #"OVERVIEW: \S.* \([A-Z][^)]*\)\."#, options: .regularExpression) != nil)
        #expect(help.stdout.contains("Ví dụ / Example"))
        // Examples stay whole lines a person can copy (none wrapped at 80 columns).
        let examples =
            help.stdout.components(separatedBy: "Ví dụ / Example").last?
            .components(separatedBy: "USAGE:").first?.split(separator: "\n").dropFirst() ?? []
        #expect(!examples.isEmpty)
        for line in examples { #expect(line.hasPrefix("  ") && line.contains("partrack "), "\(line)") }
    }

    @Test func theRootHelpListsTheExitCodes() async {
        let help = await run(["--help"])
        for line in ["0  thành công", "1  máy chủ từ chối", "2  dòng lệnh sai", "3  không kết nối được"] {
            #expect(help.stdout.contains(line))
        }
    }

    @Test func usageErrorsExitWithTwo() async {
        #expect(await run(["tasks", "--nonsense"]).code == 2)
        #expect(await run(["task", "update", "abc"]).code == 2)
        #expect(await run(["task", "update", "3", "--progress", "120"]).code == 2)
        #expect(await run(["task", "update", "3"]).code == 2)
        #expect(await run(["report", "show", "--period", "Q5"]).code == 2)
        #expect(await run(["no-such-command"]).code == 2)
        #expect(await run(["assessment", "scores", "third"]).code == 2)
        #expect(await run(["assessment", "ranking"]).code == 2)
        let badServer = await run(["login", "--server", "partrack.example.vn", "--user", "x", "--password-stdin"])
        #expect(badServer.code == 2)
        #expect(badServer.stderr.contains("https://"))
    }

    @Test func notSignedInIsARefusalThatSaysHowToSignIn() async {
        let result = await run(["tasks"])
        #expect(result.code == 1)
        #expect(
            result.stderr == "Lỗi: Bạn chưa đăng nhập.\nHãy đăng nhập: partrack login --server ĐỊA_CHỈ --user TÊN\n")
        let english = await run(["tasks"], environment: ["PARTRACK_LANG": "en"])
        #expect(english.stderr == "Error: You are not signed in.\nSign in: partrack login --server URL --user NAME\n")
    }

    @Test func aServerThatCannotBeReachedExitsWithThree() async {
        let result = await run(["login", "--server", "http://127.0.0.1:1", "--user", "x", "--password-stdin"])
        // --password-stdin with empty input: no password, a usage error before any connection.
        #expect(result.code == 2)
        let out = Capture()
        let err = Capture()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partrack-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = CLIContext(
            http: .shared, configDirectory: folder, stdout: out, stderr: err, stdin: TypedInput("secret\n"),
            passwords: TypedPassword(nil))
        let code = await PartrackCommand.run(
            arguments: ["login", "--server", "http://127.0.0.1:1", "--user", "x", "--password-stdin"],
            context: context)
        #expect(code == 3)
        #expect(err.text.hasPrefix("Lỗi: Không kết nối được máy chủ http://127.0.0.1:1."))
    }

    @Test func theLanguageComesFromPartrackLangThenThePOSIXVariables() {
        #expect(CLILanguage.detect([:]) == "vi")
        #expect(CLILanguage.detect(["LANG": "en_US.UTF-8"]) == "en")
        #expect(CLILanguage.detect(["LANG": "vi_VN.UTF-8"]) == "vi")
        #expect(CLILanguage.detect(["LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"]) == "vi")
        #expect(CLILanguage.detect(["LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"]) == "en")
        #expect(CLILanguage.detect(["PARTRACK_LANG": "vi", "LC_ALL": "en_US.UTF-8"]) == "vi")
        #expect(CLILanguage.detect(["PARTRACK_LANG": "en"]) == "en")
    }

    @Test func everyStringIsInBothLanguagesWithTheSamePlaceholders() {
        #expect(Set(CLIStrings.vi.keys) == Set(CLIStrings.en.keys))
        func placeholders(_ text: String) -> Set<String> {
            Set(text.matches(of: /\{([a-z_]+)\}/).map { String($0.output.1) })
        }
        for (key, vietnamese) in CLIStrings.vi {
            #expect(placeholders(vietnamese) == placeholders(CLIStrings.en[key] ?? ""), "\(key)")
            // Identical only when nothing but placeholders and punctuation is there to translate.
            let words = vietnamese.replacing(/\{[a-z_]+\}/, with: "").filter(\.isLetter)
            #expect(vietnamese != CLIStrings.en[key] || words.isEmpty, "\(key) not translated")
        }
        // Every name a command builds from a server value has its string.
        let names =
            TaskState.allCases.map { "cli.state.\($0.rawValue)" }
            + DeadlineStatus.allCases.map { "cli.deadline.\($0.rawValue)" }
            + ReportStatus.allCases.map { "cli.report_status.\($0.rawValue)" }
            + Role.allCases.map { "cli.role.\($0.rawValue)" } + PeriodKind.allCases.map { "cli.period.\($0.rawValue)" }
            + RoundPhase.allCases.map { "cli.phase.\($0.rawValue)" }
            + ScoreSource.allCases.map { "cli.source.\($0.rawValue)" }
            + SelfAssessmentProblem.Kind.allCases.map { "cli.problem.\($0.rawValue)" }
            + TieRule.allCases.map { "cli.tie_rule.\($0.rawValue)" }
        for key in names { #expect(CLIStrings.vi[key] != nil, "\(key)") }
    }

    @Test func everyKeyTheCodeUsesIsInTheCatalog() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("cli/PartrackCLI")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var used: Set<String> = []
        for case let file as URL in files
        where file.pathExtension == "swift" && file.lastPathComponent != "CLIStrings.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /"(cli\.[a-z_]+\.[a-z_0-9.]+)"/) { used.insert(String(match.output.1)) }
        }
        #expect(used.count > 100)
        for key in used { #expect(CLIStrings.vi[key] != nil, "\(key) is used but not in the catalog") }
    }

    @Test func tablesAlignVietnameseTextByTheLettersAPersonSees() {
        var table = TextTable([.init("ID", .right), .init("Tình trạng"), .init("Nhiệm vụ", limit: 12)])
        table.add(["8", "Quá hạn", "Rà soát văn bản quy phạm pháp luật"])
        table.add(["12", "Hoàn thành đúng hạn", "Họp"])
        #expect(
            table.render(style: Style(enabled: false)) == """
                ID  Tình trạng           Nhiệm vụ
                ──  ───────────────────  ────────────
                 8  Quá hạn              Rà soát văn…
                12  Hoàn thành đúng hạn  Họp

                """)
        // Decomposed marks (NFD) still count as one letter each.
        var decomposed = TextTable([.init("A"), .init("B")])
        decomposed.add(["Thu\u{0323}c", "x"])
        #expect(decomposed.render(style: Style(enabled: false)).contains("Thục  x"))
    }

    @Test func coloursOnlyWhenAsked() {
        #expect(Style(enabled: false).red("Quá hạn") == "Quá hạn")
        #expect(Style(enabled: true).red("Quá hạn") == "\u{1B}[31mQuá hạn\u{1B}[0m")
    }

    @Test func jsonOutputIsSortedAndStable() throws {
        struct Sample: Encodable {
            var zeta = 1
            var alpha = "Ba Giang"
            var when = Date(timeIntervalSince1970: 1_694_311_200)
        }
        #expect(
            try JSONOutput.string(Sample()) == """
                {
                  "alpha" : "Ba Giang",
                  "when" : "2023-09-10T02:00:00Z",
                  "zeta" : 1
                }
                """)
    }

    @Test func numbersAndDatesAreWrittenTheReadersWay() {
        let vi = Show(language: "vi")
        let en = Show(language: "en")
        #expect(vi.points(Points(hundredths: 750)) == "7,5")
        #expect(en.points(Points(hundredths: 750)) == "7.5")
        #expect(vi.percent(hundredths: 7375) == "73,75 %")
        #expect(en.percent(hundredths: 7375) == "73.75%")
        #expect(vi.date(iso: "2023-03-15") == "15/03/2023")
        // 23:30 UTC on 14 March is already 15 March in Vietnam.
        #expect(vi.day(Date(timeIntervalSince1970: 1_678_836_600)) == "15/03/2023")
    }
}
