import Foundation
import PartrackAPI
import PartrackTestSupport
import Testing

/// What the server refuses, the CLI reports with the server's reason and exit code 1.
@Suite struct PermissionTests {
    @Test(arguments: TestDatabase.available)
    func anOfficerCannotTouchAnotherPositionsTask(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            try await cli.login("bagiang.tpht")
            let office = try await cli.positionID("Văn phòng – Thống kê")
            let tasks = try await cli.tasks("position=\(office)", as: "bagiang.chutich")
            let theirs = try #require(tasks.first { $0.state != "done" && $0.leadPositionIDs == [office] })

            let update = await cli.run(["task", "update", "\(theirs.id)", "--progress", "50"])
            #expect(update.code == 1, "\(update)")
            #expect(update.stdout.isEmpty)
            #expect(update.stderr.contains("Văn phòng – Thống kê"))
            let upload = await cli.run(["task", "evidence", "\(theirs.id)", CLIHarness.fixture("report.pdf").path])
            #expect(upload.code == 1)
            // Nothing changed.
            #expect(try await cli.task(theirs.id).version == theirs.version)
            #expect(try await cli.get("/tasks/\(theirs.id)/evidence", as: "admin", [EvidenceDTO].self).isEmpty)

            // Reading it is allowed: it is the officer's own unit.
            #expect(await cli.run(["task", "show", "\(theirs.id)"]).code == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aReviewerReadsButNeverChangesAndAnOfficerImportsNoPlan(database: TestDatabase) async throws {
        try await CLIHarness.with(database) { cli in
            let task = try await cli.openTask(of: "bagiang.tpht")
            try await cli.login("noivu.bato")
            #expect(await cli.run(["task", "show", "\(task.id)"]).code == 0)
            let refused = await cli.run(["task", "update", "\(task.id)", "--note", "Nhắc việc"])
            #expect(refused.code == 1)
            #expect(refused.stderr.hasPrefix("Lỗi: "))

            let officer = cli.configDirectory.deletingLastPathComponent().appendingPathComponent("officer")
            try await cli.login("bagiang.tpht", in: officer)
            let plan = repositoryRoot.appendingPathComponent("seeds/plans/001_341dbe7e484b0306.txt")
            let upload = await cli.run(["plan", "import", plan.path], in: officer)
            #expect(upload.code == 1)
            let approve = await cli.run(["report", "approve", "--period", "9M"], in: officer)
            #expect(approve.code == 1)
        }
    }
}
