import Foundation
import Testing

@testable import PartrackDomain

/// Seed 001 (xã Ba Giang, 2023) is the reference shape of a plan: its import must give exactly the
/// tasks a person reading it would list.
@Suite struct Seed001ImportTests {
    let draft: PlanDraft

    init() throws {
        draft = try PlanTextParser.parse(PlanImportFixtures.seed(1), context: PlanImportFixtures.context)
    }

    var positionTasks: [DraftTask] { draft.tasks.filter { $0.origin == .positionTask } }

    @Test func givesThe38PositionTasksOfSectionII2() {
        #expect(positionTasks.count == 38)
        #expect(draft.positionTasks.count == 38)
        #expect(positionTasks.allSatisfy { !$0.needsAssignment && $0.unmatchedPositionNames.isEmpty })
    }

    @Test func countsTasksPerPositionWithAreaSevenSharedByTwoPositions() {
        func count(_ key: String) -> Int { positionTasks.filter { $0.leadPositionKeys.contains(key) }.count }
        #expect(count("1") == 26)  // Văn phòng – Thống kê
        #expect(count("2") == 12)  // Văn hóa – Xã hội
        #expect(count("3") == 5)  // Tư pháp – Hộ tịch
        #expect(count("4") == 4)  // Tài chính – Kế toán
        #expect(count("5") == 0)
        let shared = positionTasks.filter { $0.leadPositionKeys == ["1", "2"] }
        #expect(shared.count == 9)
        #expect(shared.allSatisfy { $0.areaCode == "7" })
    }

    @Test func putsEachTaskUnderTheAreaOfItsHeading() {
        var perArea: [String: Int] = [:]
        for task in positionTasks { perArea[task.areaCode ?? "none", default: 0] += 1 }
        #expect(perArea == ["1": 7, "2": 5, "3": 8, "4": 2, "5": 3, "6": 4, "7": 9])
        let first = positionTasks[0]
        #expect(first.title.hasPrefix("Tham mưu UBND xã ban hành kế hoạch CCHC hàng năm"))
        #expect(first.areaCode == "1" && first.leadPositionKeys == ["1"])
        #expect(first.source == .line(61))
        let legal = positionTasks.filter { $0.leadPositionKeys == ["3"] }
        #expect(legal.allSatisfy { $0.areaCode == "2" })
    }

    @Test func readsTheReportingScheduleFromSectionIII() throws {
        #expect(draft.periodsFromDocument)
        let due = draft.periods.map { "\($0.kind.rawValue) \($0.due.formatted)" }
        #expect(due == ["Q1 15/03/2023", "H1 15/06/2023", "9M 15/09/2023", "Y 01/11/2023"])
        #expect(draft.periods.allSatisfy { $0.cutOff < $0.due })
    }

    @Test func readsHeaderAndGoals() {
        #expect(draft.header.number == "/KH-UBND")
        #expect(draft.header.place == "Ba Giang")
        #expect(draft.header.date == nil)  // "ngày … tháng 02 năm 2023": the day is left blank for signing
        #expect(draft.header.year == 2023)
        #expect(draft.header.title?.hasPrefix("Về việc khắc phục, cải thiện và nâng cao Chỉ số") == true)
        #expect(draft.goals.targetRank == RankTarget(position: 4, of: 19))
        #expect(draft.goals.targetClass == "Tốt")
    }

    @Test func flagsGeneralTasksAndTheOneStopDesksDutiesForTheLeader() {
        let general = draft.tasks.filter { $0.origin == .generalTask }
        #expect(general.count == 7)
        #expect(general.allSatisfy { $0.needsAssignment && $0.leadPositionKeys.isEmpty && $0.areaCode == nil })
        #expect(general.first?.source == .line(41))
        let duties = draft.tasks.filter { $0.origin == .duty }
        #expect(duties.count == 3)
        #expect(duties.allSatisfy { $0.needsAssignment && $0.leadPositionKeys == ["5"] })
        #expect(draft.tasks.count == 48)
        #expect(draft.tasksToAssign.count == 10)
    }

    @Test func reportsWhatItLeftOutAndNoUnknownPositions() {
        #expect(draft.unknownPositions.isEmpty)
        let skipped = draft.diagnostics.filter { $0.message.key == "import.info.duties_not_imported.line" }
        #expect(skipped.map(\.location.line) == [165, 173, 187])
        #expect(!draft.diagnostics.contains { $0.severity == .error || $0.severity == .warning })
    }

    @Test func summarisesThePlan() {
        #expect(draft.summary.key == "import.summary.position_plan")
        #expect(draft.summary.arguments == ["tasks": "38", "positions": "4", "areas": "7", "to_assign": "10"])
    }

    @Test func suggestsCriteriaWithinTheTasksArea() {
        let first = positionTasks[0]
        let codes = first.suggestedCriteria.map(\.code)
        #expect(codes.first == "1.1.1")
        #expect(codes.contains("1.1.2"))
        #expect(
            positionTasks.allSatisfy { task in
                task.suggestedCriteria.allSatisfy { $0.code.hasPrefix((task.areaCode ?? "") + ".") }
            })
        let assets = positionTasks.first { $0.title.contains("tài sản công") }
        #expect(assets?.suggestedCriteria.first?.code == "6.2")
    }

    @Test func givesEveryTaskADistinctStableFingerprint() throws {
        #expect(Set(draft.tasks.map(\.fingerprint)).count == draft.tasks.count)
        let again = try PlanTextParser.parse(PlanImportFixtures.seed(1), context: PlanImportFixtures.context)
        #expect(again.tasks.map(\.fingerprint) == draft.tasks.map(\.fingerprint))
    }

    @Test func readsTheSameWhetherTheTextIsNFCOrNFDWithWindowsLineEnds() throws {
        let text = try PlanImportFixtures.seed(1)
        let variant = text.decomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: "\r\n")
        let other = try PlanTextParser.parse(variant, context: PlanImportFixtures.context)
        #expect(other.tasks.count == draft.tasks.count)
        #expect(other.tasks.map(\.fingerprint) == draft.tasks.map(\.fingerprint))
        #expect(other.tasks.map(\.leadPositionKeys) == draft.tasks.map(\.leadPositionKeys))
        #expect(other.periods == draft.periods)
    }
}
