import Foundation
import PartrackAPI
import PartrackTestSupport
import Testing

@testable import PartrackCLI

/// An officer's day with the CLI against a real server: sign in, list and open tasks, update one,
/// finish one with evidence, write and submit the position's report, sign out.
@Suite struct OfficerSessionTests {
    @Test(arguments: TestDatabase.available)
    func signInStoresTheTokenPrivatelyAndWhoamiAsksTheServer(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            let login = try await cli.login("bagiang.tpht")
            #expect(login.stdout.contains("Nguyễn Văn Bình (bagiang.tpht)"))
            #expect(login.stdout.contains("Tư pháp – Hộ tịch"))
            // 90 days from 10/09/2023 in Vietnam.
            #expect(login.stdout.contains("09/12/2023"))

            let config = try cli.storedConfig()
            #expect(config["server"] as? String == cli.server)
            #expect((config["token"] as? String)?.hasPrefix("ptk_") == true)
            #expect(try CLIHarness.mode(of: cli.configFile) == 0o600)
            #expect(try CLIHarness.mode(of: cli.configDirectory) == 0o700)

            let whoami = await cli.run(["whoami"])
            #expect(whoami.code == 0, "\(whoami)")
            #expect(whoami.stdout.contains("Vai trò:"))
            #expect(whoami.stdout.contains("công chức"))
            #expect(whoami.stdout.contains("UBND xã Ba Giang"))

            let json = await cli.run(["whoami", "--format", "json"])
            let summary = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            let user = try #require(summary?["user"] as? [String: Any])
            #expect(user["username"] as? String == "bagiang.tpht")
            #expect(user["role"] as? String == "officer")
            #expect(summary?["server"] as? String == cli.server)
        }
    }

    @Test(arguments: TestDatabase.available)
    func listsMyTasksWithFiltersAsATableOrStableJSON(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.tpht")
            let expected = try await cli.tasks("mine=1", as: "bagiang.tpht")

            let table = await cli.run(["tasks", "--mine"])
            #expect(table.code == 0, "\(table)")
            let lines = table.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix("ID  Hạn") == true)
            #expect(lines.count == expected.count + 2)
            for task in expected {
                #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(task.id)  ") })
            }
            #expect(table.stderr.contains("\(expected.count) nhiệm vụ"))

            let json = await cli.run(["tasks", "--mine", "--format", "json"])
            let listed = try json.json([TaskDTO].self)
            #expect(listed.map(\.id) == expected.map(\.id))
            // Stable for scripts: keys sorted, so the same data prints the same bytes.
            #expect(json.stdout.contains("\"areaCode\""))
            let keys = try #require(json.stdout.firstRange(of: "\"areaCode\"")).lowerBound
            let criteria = try #require(json.stdout.firstRange(of: "\"criteria\"")).lowerBound
            #expect(keys < criteria)
            #expect(await cli.run(["tasks", "--mine", "--format", "json"]).stdout == json.stdout)

            // A deadline status is filtered here, a task state by the server.
            let inProgress = await cli.run(["tasks", "--mine", "--status", "in_progress", "--format", "json"])
            #expect(
                try inProgress.json([TaskDTO].self).map(\.id) == expected.filter { $0.state == "in_progress" }.map(\.id)
            )
            let onTime = await cli.run(["tasks", "--mine", "--status", "done_on_time", "--format", "json"])
            #expect(
                try onTime.json([TaskDTO].self).map(\.id)
                    == expected.filter { $0.deadlineStatus == "done_on_time" }.map(\.id))

            let early = await cli.run(["tasks", "--due-before", "31/03/2023", "--format", "json"])
            let due = try early.json([TaskDTO].self)
            #expect(!due.isEmpty)
            #expect(due.allSatisfy { ($0.dueDate ?? "9999") <= "2023-03-31" })

            let byTitle = await cli.run(
                ["tasks", "--unit", "ba-giang", "--position", "Tư pháp – Hộ tịch", "--format", "json"])
            #expect(try byTitle.json([TaskDTO].self).map(\.id) == expected.map(\.id))

            let badDate = await cli.run(["tasks", "--due-before", "31/02/2023"])
            #expect(badDate.code == 2)
            #expect(badDate.stderr.contains("31/02/2023"))
            let badStatus = await cli.run(["tasks", "--status", "late"])
            #expect(badStatus.code == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func updatesATaskAndFinishesAnotherWithEvidence(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.tpht")
            let task = try await cli.openTask(of: "bagiang.tpht")

            let update = await cli.run([
                "task", "update", "\(task.id)", "--progress", "60", "--note", "Đã họp các thôn",
            ])
            #expect(update.code == 0, "\(update)")
            #expect(update.stdout.contains("#\(task.id)"))
            #expect(update.stdout.contains("60%"))
            let updated = try await cli.task(task.id)
            #expect(updated.progress == 60)
            #expect(updated.version == task.version + 1)

            let show = await cli.run(["task", "show", "\(task.id)"])
            #expect(show.code == 0)
            #expect(show.stdout.contains("Lịch sử cập nhật"))
            #expect(show.stdout.contains("Đã họp các thôn"))
            #expect(show.stdout.contains("Phiên bản:  \(task.version + 1)"))

            let other = try await cli.openTask(of: "bagiang.tpht", skipping: [task.id])
            let pdf = CLIHarness.fixture("report.pdf")
            let done = await cli.run(["task", "done", "\(other.id)", "--evidence", pdf.path, "--format", "json"])
            #expect(done.code == 0, "\(done)")
            let applied = try JSONSerialization.jsonObject(with: Data(done.stdout.utf8)) as? [String: Any]
            let finished = try #require(applied?["task"] as? [String: Any])
            #expect(finished["state"] as? String == "done")
            #expect(finished["progress"] as? Int == 100)
            let uploaded = try #require(applied?["uploaded"] as? [[String: Any]])
            #expect(uploaded.count == 1)

            // The same file again is kept once; a new one is added.
            let again = await cli.run(
                ["task", "evidence", "\(other.id)", pdf.path, CLIHarness.fixture("photo.png").path])
            #expect(again.code == 0, "\(again)")
            #expect(again.stdout.contains("report.pdf"))
            #expect(again.stdout.contains("đã có sẵn"))
            #expect(again.stdout.contains("photo.png"))

            let details = try await cli.run(["task", "show", "\(other.id)", "--format", "json"]).json(TaskDetails.self)
            #expect(details.task.state == "done")
            #expect(Set(details.evidence.map(\.filename)) == ["report.pdf", "photo.png"])
            #expect(details.history.contains { $0.kind.contains("completed") })

            // Without a file or an explanation there is nothing to mark done with: a usage error.
            #expect(await cli.run(["task", "done", "\(task.id)"]).code == 2)
            #expect(await cli.run(["task", "done", "\(task.id)", "--evidence", "/no/such/file.pdf"]).code == 2)
            let explained = await cli.run(
                ["task", "done", "\(task.id)", "--explain", "Đã niêm yết tại trụ sở, không có văn bản riêng"])
            #expect(explained.code == 0, "\(explained)")
            #expect(try await cli.task(task.id).state == "done")
        }
    }

    @Test(arguments: TestDatabase.available)
    func writesAndSubmitsThePositionsReportThenSignsOut(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.tpht")
            let show = await cli.run(["report", "show", "--period", "9M"])
            #expect(show.code == 0, "\(show)")
            #expect(show.stdout.contains("Báo cáo 9 tháng — Tư pháp – Hộ tịch"))
            #expect(show.stdout.contains("(chưa viết)"))

            let note = FileManager.default.temporaryDirectory.appendingPathComponent("note-\(UUID().uuidString).txt")
            defer { try? FileManager.default.removeItem(at: note) }
            try Data("Đã triển khai kế hoạch theo dõi thi hành pháp luật.".utf8).write(to: note)
            let draft = await cli.run([
                "report", "draft", "--period", "9M", "--note-file", note.path, "--format", "json",
            ])
            #expect(draft.code == 0, "\(draft)")
            let saved = try draft.json(PositionReportDTO.self)
            #expect(saved.narrative == "Đã triển khai kế hoạch theo dõi thi hành pháp luật.")
            #expect(saved.submittedAt == nil)

            let piped = await cli.run(
                ["report", "submit", "--period", "9M", "--note-file", "-", "--format", "json"],
                stdin: "Lời văn cuối cùng.\n")
            #expect(piped.code == 0, "\(piped)")
            let submitted = try piped.json(PositionReportDTO.self)
            #expect(submitted.narrative == "Lời văn cuối cùng.")
            #expect(submitted.status == "on_time")
            #expect(submitted.submittedBy == "Nguyễn Văn Bình")

            let tokenID = try #require(try cli.storedConfig()["tokenID"] as? Int)
            let logout = await cli.run(["logout"])
            #expect(logout.code == 0, "\(logout)")
            #expect(try cli.storedConfig()["token"] == nil)
            #expect(try cli.storedConfig()["username"] as? String == "bagiang.tpht")
            let tokens = try await cli.get("/tokens?all=1", as: "admin", [TokenDTO].self)
            #expect(tokens.first { $0.id == tokenID }?.revokedAt != nil)

            let after = await cli.run(["whoami"])
            #expect(after.code == 1)
            #expect(after.stderr.contains("Bạn chưa đăng nhập"))
        }
    }
}
