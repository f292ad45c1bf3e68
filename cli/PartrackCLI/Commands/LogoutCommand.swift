import ArgumentParser
import Foundation

struct LogoutCommand: PartrackSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Đăng xuất: thu hồi mã truy cập trên máy chủ và xóa nó khỏi máy này (Sign out).",
        discussion: """
            Thu hồi mã trên máy chủ (DELETE /api/v1/tokens/{id}) rồi xóa mã khỏi config.json; địa chỉ máy chủ và tên đăng nhập được giữ lại cho lần đăng nhập sau. Nếu máy chủ đã không còn nhận mã (hết hạn hoặc đã bị thu hồi), mã vẫn được xóa khỏi máy này.

            Revokes the token on the server, then deletes it from config.json; the server address and username are kept for the next login. A token the server no longer accepts (expired or revoked) is deleted locally all the same.

            Ví dụ / Example:
              partrack logout
            """)

    func run(in context: CLIContext) async throws {
        let console = Console(context)
        let session = try Session.open(context, console)
        if let id = session.login.tokenID {
            do {
                try await session.api.delete("/tokens/\(id)")
            } catch let refusal as ServerRefusal where refusal.status == 401 {
                console.say("cli.logout.already_invalid")
            }
        }
        var login = session.login
        login.token = nil
        login.tokenID = nil
        login.expiresAt = nil
        try LoginStore(directory: context.configDirectory).save(login)
        console.print(console.text("cli.logout.done", ["server": login.server, "username": login.username]))
    }
}
