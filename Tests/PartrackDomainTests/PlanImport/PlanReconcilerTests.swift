import Foundation
import Testing

@testable import PartrackDomain

@Suite struct PlanReconcilerTests {
    let context = PlanImportFixtures.context

    /// The stored plan as the server would hold it after the first import.
    func stored(_ draft: PlanDraft) -> [ExistingTask] {
        draft.tasks.enumerated().map { index, task in
            ExistingTask(
                id: "t\(index)", fingerprint: task.fingerprint, title: task.title, details: task.details,
                areaCode: task.areaCode, leadPositionKeys: task.leadPositionKeys,
                cooperatingPositionKeys: task.cooperatingPositionKeys, expectedOutput: task.expectedOutput,
                due: task.due)
        }
    }

    @Test func reimportingTheSameDocumentChangesNothing() throws {
        let text = try PlanImportFixtures.seed(1)
        let first = try PlanTextParser.parse(text, context: context)
        let again = try PlanTextParser.parse(text.decomposedStringWithCanonicalMapping, context: context)
        let result = PlanReconciler.reconcile(existing: stored(first), incoming: again.tasks)
        #expect(result.unchanged.count == 48)
        #expect(result.changed.isEmpty && result.added.isEmpty && result.removed.isEmpty)
        #expect(result.unchanged.map(\.existingID) == (0..<48).map { "t\($0)" })
    }

    @Test func aRevisionKeepsEditedTasksAddsNewOnesAndCancelsRemovedOnes() throws {
        let text = try PlanImportFixtures.seed(1)
        let first = try PlanTextParser.parse(text, context: context)
        let revised =
            text
            // An edited task: one word more.
            .replacingOccurrences(
                of: "- Tham mưu xây dựng kế hoạch, tổ chức tự kiểm tra công tác CCHC tại xã.",
                with: "- Tham mưu xây dựng kế hoạch, tổ chức tự kiểm tra công tác CCHC định kỳ tại xã."
            )
            // A removed task.
            .replacingOccurrences(
                of: "- Triển khai thực hiện kết nối, liên thông hệ thống quản lý văn bản.\n", with: ""
            )
            // A task moved to another position.
            .replacingOccurrences(
                of: "*** Công chức Tài chính – Kế toán:**",
                with: "*** Công chức Tài chính – Kế toán, Công chức Văn phòng – Thống kê:**"
            )
            // A new task.
            .replacingOccurrences(
                of: "- Rà soát, đánh giá, kiến nghị đơn giản hóa quy định pháp luật về TTHC.",
                with: "- Rà soát, đánh giá, kiến nghị đơn giản hóa quy định pháp luật về TTHC.\n\n"
                    + "- Niêm yết số điện thoại đường dây nóng tại Bộ phận Một cửa, hoàn thành trước ngày 31/3/2023.")
        let second = try PlanTextParser.parse(revised, context: context)
        let existing = stored(first)
        let result = PlanReconciler.reconcile(existing: existing, incoming: second.tasks)

        #expect(
            result.added.map(\.title) == [
                "Niêm yết số điện thoại đường dây nóng tại Bộ phận Một cửa, hoàn thành trước ngày 31/3/2023"
            ])
        let removed = try #require(
            existing.first { $0.title == "Triển khai thực hiện kết nối, liên thông hệ thống quản lý văn bản" })
        #expect(result.removed == [removed.id])
        let edited = try #require(result.changed.first { $0.draft.title.contains("định kỳ tại xã") })
        #expect(edited.changedFields == [.title])
        #expect(
            existing.first { $0.id == edited.existingID }?.title.contains("tự kiểm tra công tác CCHC tại xã") == true)
        let moved = result.changed.filter { $0.changedFields == [.leads] }
        #expect(moved.count == 4)
        #expect(result.changed.count == 5)
        #expect(result.unchanged.count == 48 - 1 - 5)
    }

    @Test func aCancelledTaskListedAgainComesBackAsAChange() {
        let draft = DraftTask(fingerprint: "f1", title: "Việc A", origin: .positionTask, source: .line(1))
        let cancelled = ExistingTask(id: "1", fingerprint: "f1", title: "Việc A", isCancelled: true)
        let result = PlanReconciler.reconcile(existing: [cancelled], incoming: [draft])
        #expect(result.changed.map(\.existingID) == ["1"] && result.changed[0].changedFields.isEmpty)
        let gone = PlanReconciler.reconcile(existing: [cancelled], incoming: [])
        #expect(gone.removed.isEmpty)
    }
}
