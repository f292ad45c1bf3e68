import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import VaporTesting

@testable import PartrackServer

/// Issue 4: who may change a task and how, its history, and stale updates.
@Suite struct TaskUpdateTests {
    static let justice = "Tư pháp – Hộ tịch"
    static let office = "Văn phòng – Thống kê"

    @Test(arguments: TestDatabase.available)
    func anOfficerUpdatesProgressOfTheirOwnTaskAndItIsKeptAsHistory(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("10/03/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: Self.justice, in: "ba-giang", state: .inProgress)
            let response = try await app.patchTask(
                task.requireID(), TaskUpdateRequest(baseVersion: task.version, progress: 90, note: "Đã trình dự thảo"),
                as: officer)
            #expect(response.status == .ok)
            let updated = try response.json(TaskDTO.self)
            #expect(updated.progress == 90)
            #expect(updated.version == task.version + 1)

            let history = try await app.sendRequest(.GET, "/api/v1/tasks/\(task.requireID())/history", headers: officer)
                .json([TaskHistoryDTO].self)
            let line = try #require(history.last)
            #expect(line.authorName == "Nguyễn Văn Bình")
            #expect(line.fromProgress == task.progress && line.toProgress == 90)
            #expect(line.note == "Đã trình dự thảo")
            #expect(line.summary.contains("90"))
            #expect(line.at == clock.now)
            let audit = try #require(try await app.auditEvents("task.update").last)
            #expect(audit.outcome == "done")
            #expect(audit.afterJSON.contains("\"progress\":90"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anOfficerCannotTouchAnotherPositionsTaskAndTheRefusalIsLogged(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let culture = try await app.signIn("bagiang.vhxh")
            let task = try await app.task(of: Self.justice, in: "ba-giang")
            let response = try await app.patchTask(
                task.requireID(), TaskUpdateRequest(baseVersion: task.version, progress: 10), as: culture)
            #expect(response.status == .forbidden)
            let error = try response.json(ErrorDTO.self)
            #expect(error.message.contains(Self.justice))
            #expect(try await PlanTask.find(task.requireID(), on: app.db)?.version == task.version)
            let refusal = try #require(try await app.auditEvents("task.update").last)
            #expect(refusal.outcome == "refused")
            #expect(refusal.actorName == "bagiang.vhxh")
            #expect(!refusal.reason.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func officersOfOtherCommunesAndReviewersChangeNothing(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let task = try await app.task(of: Self.justice, in: "ba-giang")
            for username in ["badinh.tpht", "noivu.bato", "badinh.chutich"] {
                let response = try await app.patchTask(
                    task.requireID(), TaskUpdateRequest(baseVersion: task.version, progress: 10),
                    as: try await app.signIn(username))
                #expect(response.status == .forbidden, "\(username)")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func doneNeedsEvidenceOrAWrittenExplanation(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: Self.justice, in: "ba-giang", state: .inProgress)
            let bare = try await app.patchTask(
                task.requireID(), TaskUpdateRequest(baseVersion: task.version, state: "done"), as: officer)
            #expect(bare.status == .unprocessableEntity)
            #expect(try bare.json(ErrorDTO.self).message.contains("giải trình"))

            let explained = try await app.patchTask(
                task.requireID(),
                TaskUpdateRequest(
                    baseVersion: task.version, state: "done",
                    explanation: "Kế hoạch đã ban hành, bản giấy lưu tại văn thư xã"), as: officer)
            #expect(explained.status == .ok)
            let done = try explained.json(TaskDTO.self)
            #expect(done.state == "done" && done.progress == 100 && done.completedAt != nil)
            let stored = try #require(try await PlanTask.find(task.requireID(), on: app.db))
            #expect(stored.completionExplanation == "Kế hoạch đã ban hành, bản giấy lưu tại văn thư xã")
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyALeaderReopensCancelsOrMovesADueDateAndAlwaysWithAReason(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let leader = try await app.signIn("bagiang.chutich")
            let done = try await app.task(of: Self.justice, in: "ba-giang", state: .done)
            let id = try done.requireID()

            let officerReopen = try await app.patchTask(
                id, TaskUpdateRequest(baseVersion: done.version, state: "in_progress", note: "làm lại"), as: officer)
            #expect(officerReopen.status == .forbidden)
            let noReason = try await app.patchTask(
                id, TaskUpdateRequest(baseVersion: done.version, state: "in_progress"), as: leader)
            #expect(noReason.status == .unprocessableEntity)
            let reopened = try await app.patchTask(
                id, TaskUpdateRequest(baseVersion: done.version, state: "in_progress", note: "Thiếu chữ ký"),
                as: leader)
            #expect(reopened.status == .ok)
            var current = try reopened.json(TaskDTO.self)
            #expect(current.state == "in_progress" && current.completedAt == nil)

            let officerDue = try await app.patchTask(
                id, TaskUpdateRequest(baseVersion: current.version, note: "xin gia hạn", dueDate: "30/12/2023"),
                as: officer)
            #expect(officerDue.status == .forbidden)
            let badDay = try await app.patchTask(
                id, TaskUpdateRequest(baseVersion: current.version, note: "gia hạn", dueDate: "31/02/2024"), as: leader)
            #expect(badDay.status == .badRequest)
            #expect(try badDay.json(ErrorDTO.self).code == "date.no_such_day")
            let moved = try await app.patchTask(
                id,
                TaskUpdateRequest(baseVersion: current.version, note: "Chờ hướng dẫn của huyện", dueDate: "30/12/2023"),
                as: leader)
            #expect(moved.status == .ok)
            current = try moved.json(TaskDTO.self)
            #expect(current.dueDate == "2023-12-30")

            let officerCancel = try await app.patchTask(
                id, TaskUpdateRequest(baseVersion: current.version, state: "cancelled", note: "không cần"), as: officer)
            #expect(officerCancel.status == .forbidden)
            let cancelled = try await app.patchTask(
                id, TaskUpdateRequest(baseVersion: current.version, state: "cancelled", note: "Gộp vào nhiệm vụ khác"),
                as: leader)
            #expect(cancelled.status == .ok)
            #expect(try cancelled.json(TaskDTO.self).deadlineStatus == "cancelled")

            let history = try await app.sendRequest(.GET, "/api/v1/tasks/\(id)/history", headers: leader)
                .json([TaskHistoryDTO].self)
            #expect(history.map(\.kind) == ["reopened", "due_date_changed", "cancelled"])
            #expect(history.map(\.note) == ["Thiếu chữ ký", "Chờ hướng dẫn của huyện", "Gộp vào nhiệm vụ khác"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aStaleUpdateIsRefusedWith409AndTheCurrentTask(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let task = try await app.task(of: Self.justice, in: "ba-giang", state: .inProgress)
            let first = try await app.patchTask(
                task.requireID(), TaskUpdateRequest(baseVersion: task.version, progress: 85), as: officer)
            #expect(first.status == .ok)
            let stale = try await app.patchTask(
                task.requireID(), TaskUpdateRequest(baseVersion: task.version, progress: 95), as: officer)
            #expect(stale.status == .conflict)
            let conflict = try stale.json(TaskConflictDTO.self)
            #expect(conflict.code == "task.stale_version")
            #expect(conflict.current.progress == 85)
            #expect(conflict.current.version == task.version + 1)
            #expect(try await PlanTask.find(task.requireID(), on: app.db)?.progress == 85)
        }
    }

    @Test(arguments: TestDatabase.available)
    func completionJustBeforeAndAfterMidnightInVietnamIsOnTimeOrLate(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("14/03/2023 10:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let leader = try await app.signIn("bagiang.chutich")
            let officer = try await app.signIn("bagiang.tpht")
            let tasks = [
                try await app.task(of: Self.justice, in: "ba-giang", state: .inProgress, index: 0),
                try await app.task(of: Self.justice, in: "ba-giang", state: .notStarted, index: 1),
            ]
            // Both due 15/03/2023 (set by the leader), then done at 23:30 and at 00:30 the next day.
            var versions: [Int] = []
            for task in tasks {
                let moved = try await app.patchTask(
                    task.requireID(),
                    TaskUpdateRequest(baseVersion: task.version, note: "Thống nhất hạn", dueDate: "15/03/2023"),
                    as: leader)
                #expect(moved.status == .ok)
                versions.append(try moved.json(TaskDTO.self).version)
            }
            let explanation = "Đã hoàn thành, hồ sơ lưu tại bộ phận văn thư"
            try clock.set(vietnam: "15/03/2023 23:30")
            let onTime = try await app.patchTask(
                tasks[0].requireID(),
                TaskUpdateRequest(baseVersion: versions[0], state: "done", explanation: explanation), as: officer)
            try clock.set(vietnam: "16/03/2023 00:30")
            let late = try await app.patchTask(
                tasks[1].requireID(),
                TaskUpdateRequest(baseVersion: versions[1], state: "done", explanation: explanation), as: officer)
            #expect(try onTime.json(TaskDTO.self).deadlineStatus == "done_on_time")
            #expect(try late.json(TaskDTO.self).deadlineStatus == "done_late")
        }
    }
}
