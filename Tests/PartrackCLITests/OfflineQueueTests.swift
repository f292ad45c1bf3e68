import Foundation
import PartrackAPI
import PartrackTestSupport
import Testing

/// Changes made while the server cannot be reached wait in queue.json and are sent by `sync`,
/// each based on the version it saw, so nobody's later change is overwritten.
@Suite struct OfflineQueueTests {
    @Test(arguments: TestDatabase.available)
    func aQueuedUpdateIsSentLaterBySync(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.tpht")
            let task = try await cli.openTask(of: "bagiang.tpht")
            // Seeing the task is what lets the CLI queue a change to it.
            #expect(await cli.run(["tasks", "--mine"]).code == 0)

            // Offline, without --queue and with nobody to ask: exit 3, nothing queued.
            let failed = await cli.run(["task", "update", "\(task.id)", "--progress", "70"], offline: true)
            #expect(failed.code == 3, "\(failed)")
            #expect(failed.stderr.contains("--queue"))
            #expect(!FileManager.default.fileExists(atPath: cli.queueFile.path))

            let queued = await cli.run(
                ["task", "update", "\(task.id)", "--progress", "70", "--note", "Làm ở thôn, không có mạng", "--queue"],
                offline: true)
            #expect(queued.code == 0, "\(queued)")
            #expect(queued.stdout.contains("phiên bản \(task.version)"))
            #expect(try CLIHarness.mode(of: cli.queueFile) == 0o600)
            let pending = try #require(try cli.queue()["pending"] as? [[String: Any]])
            #expect(pending.count == 1)
            let request = try #require(pending.first?["request"] as? [String: Any])
            #expect(request["baseVersion"] as? Int == task.version)
            #expect(request["progress"] as? Int == 70)
            // The server has not seen it.
            #expect(try await cli.task(task.id).progress == task.progress)

            // Asked on a terminal, "c" (có) queues too.
            let asked = await cli.run(
                ["task", "update", "\(task.id)", "--note", "Thêm ghi chú"], stdin: "c\n", terminal: true, offline: true)
            #expect(asked.code == 0, "\(asked)")
            #expect(asked.stderr.contains("[c/K]"))

            // Still offline: sync keeps both and exits 3.
            let still = await cli.run(["sync"], offline: true)
            #expect(still.code == 3)
            #expect((try cli.queue()["pending"] as? [[String: Any]])?.count == 2)

            let sync = await cli.run(["sync", "--format", "json"])
            #expect(sync.code == 0, "\(sync)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(sync.stdout.utf8)) as? [String: Any])
            // The second change was queued on top of the first, so it is based on the version the first made.
            #expect((report["sent"] as? [Any])?.count == 2)
            #expect((report["conflicts"] as? [Any])?.isEmpty == true)
            let now = try await cli.task(task.id)
            #expect(now.progress == 70)
            #expect(now.version == task.version + 2)
            let history = try await cli.get("/tasks/\(task.id)/history", as: "admin", [TaskHistoryDTO].self)
            #expect(history.suffix(2).map(\.note) == ["Làm ở thôn, không có mạng", "Thêm ghi chú"])
            #expect((try cli.queue()["pending"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aQueuedUpdateThatConflictsIsReportedWithTheServersStateAndNeverOverwrites(database: TestDatabase)
        async throws
    {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.tpht")
            let task = try await cli.openTask(of: "bagiang.tpht")
            #expect(await cli.run(["task", "show", "\(task.id)"]).code == 0)
            let queued = await cli.run(
                ["task", "update", "\(task.id)", "--progress", "30", "--queue"], offline: true)
            #expect(queued.code == 0, "\(queued)")
            let follow = await cli.run(
                ["task", "update", "\(task.id)", "--note", "Tiếp theo thay đổi trên", "--queue"], offline: true)
            #expect(follow.code == 0, "\(follow)")

            // Meanwhile the chairperson moves the task on.
            let leader = try await cli.auth("bagiang.chutich")
            let moved = try await cli.app.send(
                .PATCH, "/api/v1/tasks/\(task.id)", headers: leader,
                json: TaskUpdateRequest(baseVersion: task.version, progress: 90, note: "Lãnh đạo cập nhật"))
            #expect(moved.status == .ok)

            let sync = await cli.run(["sync"])
            #expect(sync.code == 1, "\(sync)")
            #expect(sync.stdout.contains("Xung đột"))
            #expect(sync.stdout.contains("90%"))
            #expect(sync.stdout.contains("phiên bản \(task.version + 1)"))
            #expect(sync.stderr.contains("partrack sync --list"))

            // The leader's change stands; neither queued change was written.
            let now = try await cli.task(task.id)
            #expect(now.progress == 90)
            #expect(now.version == task.version + 1)

            let contents = try cli.queue()
            #expect((contents["pending"] as? [Any])?.isEmpty == true)
            let aside = try #require(contents["setAside"] as? [[String: Any]])
            #expect(aside.count == 2)
            #expect(aside.first?["code"] as? String == "task.stale_version")
            let current = try #require(aside.first?["current"] as? [String: Any])
            #expect(current["progress"] as? Int == 90)
            #expect(aside.last?["code"] as? String == "cli.sync.after_set_aside")

            let list = await cli.run(["sync", "--list"])
            #expect(list.code == 0)
            #expect(list.stdout.contains("Để riêng"))
            #expect(list.stdout.contains("tiến độ 30%"))
            #expect(await cli.run(["sync", "--forget"]).code == 0)
            #expect((try cli.queue()["setAside"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aTaskNeverSeenCannotBeQueuedForWantOfItsVersion(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.tpht")
            let task = try await cli.openTask(of: "bagiang.tpht")
            let refused = await cli.run(["task", "update", "\(task.id)", "--progress", "10", "--queue"], offline: true)
            #expect(refused.code == 3)
            #expect(refused.stderr.contains("task show \(task.id)"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aQueuedDoneUploadsItsEvidenceFirst(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.tpht")
            let task = try await cli.openTask(of: "bagiang.tpht")
            #expect(await cli.run(["tasks", "--mine"]).code == 0)
            let done = await cli.run(
                ["task", "done", "\(task.id)", "--evidence", CLIHarness.fixture("minutes.docx").path, "--queue"],
                offline: true)
            #expect(done.code == 0, "\(done)")
            let sync = await cli.run(["sync"])
            #expect(sync.code == 0, "\(sync)")
            #expect(sync.stdout.contains("Đã gửi"))
            #expect(try await cli.task(task.id).state == "done")
            let evidence = try await cli.get("/tasks/\(task.id)/evidence", as: "admin", [EvidenceDTO].self)
            #expect(evidence.map(\.filename) == ["minutes.docx"])
        }
    }
}
