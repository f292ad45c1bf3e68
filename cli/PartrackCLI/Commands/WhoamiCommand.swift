import ArgumentParser
import Foundation
import PartrackAPI

struct WhoamiCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Cho biết bạn đang đăng nhập là ai, ở đơn vị và vị trí nào (Who am I).",
        discussion: """
            Hỏi máy chủ (GET /api/v1/me), nên cũng cho biết mã truy cập còn dùng được không.

            Asks the server (GET /api/v1/me), so it also tells whether the token still works.

            Ví dụ / Examples:
              partrack whoami
              partrack whoami --format json
            """)

    @OptionGroup var output: FormatOptions

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        let me = try await session.me()
        if output.json {
            try console.printJSON(
                WhoamiSummary(server: session.login.server, tokenExpiresAt: session.login.expiresAt, user: me))
            return
        }
        console.printPairs([
            (console.text("cli.whoami.name"), "\(me.displayName) (\(me.username))"),
            (console.text("cli.whoami.role"), console.text("cli.role.\(me.role)")),
            (console.text("cli.whoami.unit"), me.unitName),
            (
                console.text("cli.whoami.positions"),
                me.positions.isEmpty ? "—" : me.positions.map { "\($0.title) (#\($0.id))" }.joined(separator: ", ")
            ),
            (console.text("cli.whoami.server"), session.login.server),
            (console.text("cli.whoami.expires"), console.show.day(session.login.expiresAt)),
        ])
    }
}

struct WhoamiSummary: Encodable {
    var server: String
    var tokenExpiresAt: Date?
    var user: MeDTO
}
