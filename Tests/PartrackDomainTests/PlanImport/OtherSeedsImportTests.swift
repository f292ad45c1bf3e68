import Testing

@testable import PartrackDomain

/// Seeds 000, 002, 003 and 004 are plans about the index process, not task lists. Each must give
/// the items it does contain and say what it is — never fail, never succeed empty.
@Suite struct OtherSeedsImportTests {
    func draft(_ seed: Int) throws -> PlanDraft {
        try PlanTextParser.parse(PlanImportFixtures.seed(seed), context: PlanImportFixtures.context)
    }

    @Test(arguments: [0, 2, 3, 4])
    func givesItemsAndAnAccountButNoPositionTasks(seed: Int) throws {
        let draft = try draft(seed)
        #expect(!draft.tasks.isEmpty)
        #expect(draft.positionTasks.isEmpty)
        #expect(draft.tasks.allSatisfy { $0.needsAssignment })
        #expect(draft.summary.key != "import.summary.position_plan")
        #expect(Int(draft.summary.arguments["tasks"] ?? "") == draft.tasks.count)
        #expect(!draft.periodsFromDocument)
        #expect(draft.periods == ReportingCalendar.defaultPeriods(year: draft.header.year ?? 0))
    }

    @Test func seed000IsAnAssessmentPlanWithItsDatedSteps() throws {
        let draft = try draft(0)
        #expect(draft.summary.key == "import.summary.assessment_plan")
        let dated = draft.tasks.filter { $0.due != nil }
        #expect(dated.map(\.due!.formatted) == ["10/12/2023", "20/11/2023", "31/12/2023", "31/01/2024", "29/02/2024"])
        let appraisal = try #require(dated.first { $0.title.hasPrefix("Thẩm định kết quả tự đánh giá") })
        #expect(appraisal.dueText == "Tháng 12/2023")
        #expect(appraisal.unmatchedPositionNames == ["Phòng Nội vụ"])
        #expect(draft.unknownPositions.map(\.name).contains("Phòng Nội vụ"))
        let communeDuties = draft.tasks.filter { $0.addressee == "UBND cấp xã" }
        #expect(communeDuties.count == 2)
    }

    @Test func seed002KeepsTheDeadlinesOfTheProvincePlan() throws {
        let draft = try draft(2)
        #expect(draft.summary.key == "import.summary.assessment_plan")
        let due = Set(draft.tasks.compactMap(\.due?.formatted))
        #expect(due == ["20/01/2024", "25/12/2023", "05/01/2024", "15/01/2024", "10/12/2023"])
        // "2.2. Thời gian thực hiện: Trước ngày 15/01/2024." belongs to "2. Tổ chức thẩm định …".
        let appraisal = try #require(draft.tasks.first { $0.due?.formatted == "15/01/2024" })
        #expect(appraisal.title == "Tổ chức thẩm định kết quả tự đánh giá, chấm điểm")
        // A line broken by the PDF export ("… được" / "giao và gửi …") is read as one item.
        #expect(draft.tasks.contains { $0.title.contains("lĩnh vực được giao và gửi về Sở Nội vụ") })
    }

    @Test func seed003GivesTheCommunesOwnDeadline() throws {
        let draft = try draft(3)
        #expect(draft.header.year == 2023)
        let commune = try #require(draft.tasks.first { $0.due?.formatted == "19/04/2024" })
        #expect(commune.addressee == "UBND các xã, thị trấn")
        #expect(commune.dueText == "chậm nhất ngày 19/4/2024")
        let appraisal = try #require(draft.tasks.first { $0.title.hasPrefix("Thẩm định, xác định Chỉ số") })
        #expect(appraisal.due?.formatted == "31/05/2024")
        #expect(appraisal.dueText == "Trong tháng 4, 5 năm 2024")
    }

    @Test func seed004SaysItsTasksAreInTheMissingAppendix() throws {
        let draft = try draft(4)
        #expect(draft.summary.key == "import.summary.tasks_in_appendix")
        #expect(draft.header.year == 2024)
        #expect(draft.tasks.count == 9)
        #expect(draft.tasks.filter { $0.addressee == "Các cơ quan, đơn vị; UBND các xã, thị trấn" }.count == 5)
        // The recipients after "Nơi nhận:" are not duties.
        #expect(!draft.tasks.contains { $0.title.contains("Thường trực Huyện ủy") })
    }
}
