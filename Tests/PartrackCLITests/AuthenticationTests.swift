import Foundation
import PartrackAPI
import PartrackTestSupport
import Testing

/// Signing in and what the CLI says when the token is no longer good.
@Suite struct AuthenticationTests {
    @Test(arguments: TestDatabase.available)
    func asksForThePasswordOnATerminalAndOnlyThere(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            let typed = await cli.run(
                ["login", "--server", cli.server, "--user", "bagiang.vptk"], password: demoPassword, terminal: true)
            #expect(typed.code == 0, "\(typed)")
            #expect(typed.passwordPrompts == ["Mật khẩu của bagiang.vptk: "])

            // No terminal and no --password-stdin: nobody to ask, a usage error.
            let script = await cli.run(["login", "--user", "bagiang.vptk"], password: demoPassword)
            #expect(script.code == 2)
            #expect(script.passwordPrompts.isEmpty)
            #expect(script.stderr.contains("--password-stdin"))

            // The server and user of the last login are remembered.
            let again = await cli.run(["login", "--password-stdin"], stdin: demoPassword + "\n")
            #expect(again.code == 0, "\(again)")
            #expect(again.stdout.contains("bagiang.vptk"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aWrongPasswordIsRefusedAndNothingIsStored(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            let wrong = await cli.run(
                ["login", "--server", cli.server, "--user", "bagiang.tpht", "--password-stdin"], stdin: "doan-mo\n")
            #expect(wrong.code == 1)
            #expect(wrong.stdout.isEmpty)
            #expect(wrong.stderr.hasPrefix("Lỗi: "))
            #expect(!FileManager.default.fileExists(atPath: cli.configFile.path))

            // In English the server answers in English.
            let english = await cli.run(
                ["login", "--server", cli.server, "--user", "bagiang.tpht", "--password-stdin"], stdin: "guess\n",
                environment: ["LANG": "en_US.UTF-8"])
            #expect(english.code == 1)
            #expect(english.stderr.hasPrefix("Error: "))
            #expect(!english.stderr.contains("Lỗi"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func tooManyWrongPasswordsSayWhenToTryAgain(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            var last = CLIRun(code: 0, stdout: "", stderr: "")
            for _ in 0..<6 {
                last = await cli.run(
                    ["login", "--server", cli.server, "--user", "bagiang.tpht", "--password-stdin"], stdin: "x\n")
            }
            #expect(last.code == 1)
            #expect(last.stderr.contains("Hãy thử lại sau"))
            #expect(last.stderr.contains("giây"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anExpiredTokenIsRefusedWithItsDateAndAHintToSignInAgain(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            let login = await cli.run(
                ["login", "--server", cli.server, "--user", "bagiang.tpht", "--password-stdin", "--days", "1"],
                stdin: demoPassword + "\n")
            #expect(login.code == 0, "\(login)")
            #expect(await cli.run(["whoami"]).code == 0)

            try cli.clock.set(vietnam: "12/09/2023 09:00")
            let expired = await cli.run(["whoami"])
            #expect(expired.code == 1)
            #expect(expired.stderr.contains("11/09/2023"))
            #expect(expired.stderr.contains("partrack login"))
            let json = await cli.run(["tasks", "--format", "json"])
            #expect(json.code == 1)
            #expect(json.stdout.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRevokedTokenIsRefusedAndLogoutStillForgetsIt(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.tpht")
            let tokenID = try #require(try cli.storedConfig()["tokenID"] as? Int)
            let revoke = try await cli.app.sendRequest(
                .DELETE, "/api/v1/tokens/\(tokenID)", headers: try await cli.auth("admin"))
            #expect(revoke.status == .noContent)

            let refused = await cli.run(["whoami"])
            #expect(refused.code == 1)
            #expect(refused.stderr.contains("thu hồi"))

            let unknown = try await cli.get("/tokens?all=1", as: "admin", [TokenDTO].self)
            #expect(unknown.contains { $0.id == tokenID && $0.revokedAt != nil })

            let logout = await cli.run(["logout"])
            #expect(logout.code == 0, "\(logout)")
            #expect(logout.stderr.contains("không còn nhận mã"))
            #expect(try cli.storedConfig()["token"] == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anUnknownTokenIsToldApartFromAnExpiredOne(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.tpht")
            var config = try cli.storedConfig()
            config["token"] = "ptk_not-a-real-token"
            try JSONSerialization.data(withJSONObject: config).write(to: cli.configFile)
            let refused = await cli.run(["whoami"], environment: ["PARTRACK_LANG": "en"])
            #expect(refused.code == 1)
            #expect(refused.stderr.contains("not valid"))
            #expect(!refused.stderr.contains("expired"))
            #expect(refused.stderr.contains("partrack login --server URL --user NAME"))
        }
    }
}
