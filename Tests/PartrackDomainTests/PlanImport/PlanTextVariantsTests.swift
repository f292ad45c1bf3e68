import Testing

@testable import PartrackDomain

/// Plans arrive written in other hands than seed 001: Markdown, other position spellings, deadlines
/// in the text, positions the unit does not have, broken input.
@Suite struct PlanTextVariantsTests {
    let context = PlanImportFixtures.context

    @Test func readsAMarkdownPlanWithHeadingsBoldPositionsAndPositionAbbreviations() throws {
        let text = """
            # KẾ HOẠCH
            Cải cách hành chính năm 2024 của UBND xã

            ## II. NHIỆM VỤ, GIẢI PHÁP
            ### 2.1. Lĩnh vực cải cách TTHC
            **VP-TK:**
            * Công khai TTHC tại Bộ phận Một cửa, hoàn thành trước ngày 30/6/2024.
            * Rà soát, đánh giá, đơn giản hóa TTHC.
            **Văn phòng-Thống kê và Văn hóa-Xã hội:**
            1) Số hóa hồ sơ, kết quả giải quyết TTHC.
            ### 2.2. Lĩnh vực cải cách tài chính công
            - Công chức Tài chính - Kế toán:
            - Giải ngân kế hoạch vốn đầu tư công.
              Thời gian: Quý III
            """
        let draft = try PlanTextParser.parse(text, context: context)
        #expect(draft.header.year == 2024)
        let tasks = draft.positionTasks
        try #require(tasks.count == 4)
        #expect(tasks.map(\.leadPositionKeys) == [["1"], ["1"], ["1", "2"], ["4"]])
        #expect(tasks.map(\.areaCode) == ["3", "3", "3", "6"])
        #expect(tasks[0].due?.formatted == "30/06/2024")
        #expect(tasks[0].dueText == "trước ngày 30/6/2024")
        #expect(tasks[3].due?.formatted == "30/09/2024")
        #expect(tasks[3].dueText == "Quý III")
        #expect(draft.summary.key == "import.summary.position_plan")
    }

    @Test func keepsTasksOfAnUnknownPositionAndReportsItWithItsLine() throws {
        let text = """
            KẾ HOẠCH
            Cải cách hành chính năm 2024

            2.1. Chỉ số đối với lĩnh vực cải cách thể chế
            * Công chức Địa chính – Xây dựng:
            - Rà soát văn bản QPPL về đất đai.
            - Theo dõi thi hành pháp luật về xây dựng.
            * Công chức Tư pháp – Hộ tịch:
            - Ban hành kế hoạch theo dõi thi hành pháp luật.
            """
        let draft = try PlanTextParser.parse(text, context: context)
        #expect(draft.tasks.count == 3)
        let orphan = draft.tasks.filter { !$0.unmatchedPositionNames.isEmpty }
        #expect(orphan.count == 2)
        #expect(orphan.allSatisfy { $0.needsAssignment && $0.leadPositionKeys.isEmpty && $0.areaCode == "2" })
        #expect(
            draft.unknownPositions == [UnknownPosition(name: "Địa chính – Xây dựng", location: .line(5), taskCount: 2)])
        let warning = try #require(draft.diagnostics.first { $0.severity == .warning })
        #expect(warning.message.key == "import.warning.unknown_position.line")
        #expect(warning.message.arguments["line"] == "5")
        #expect(warning.message.arguments["name"] == "Địa chính – Xây dựng")
    }

    @Test func warnsWhenAnAreaHeadingMatchesNoArea() throws {
        let text = """
            2.1. Chỉ số đối với lĩnh vực quốc phòng, an ninh
            * Công chức Văn phòng – Thống kê:
            - Tổ chức diễn tập phòng thủ.
            """
        let draft = try PlanTextParser.parse(text, context: context)
        #expect(draft.tasks.first?.areaCode == nil)
        #expect(draft.diagnostics.map(\.message.key) == ["import.warning.area_not_recognised.line"])
    }

    @Test func rejectsAnImpossibleDeadlineNamingItsLine() {
        let text = """
            2.1. Chỉ số đối với lĩnh vực cải cách thể chế
            * Công chức Tư pháp – Hộ tịch:
            - Ban hành kế hoạch theo dõi thi hành pháp luật, hoàn thành trước ngày 31/02/2024.
            """
        #expect(
            throws: PlanImportError.impossibleDate(text: "31/02/2024", day: 31, month: 2, year: 2024, at: .line(3))
        ) { try PlanTextParser.parse(text, context: context) }
    }

    @Test func rejectsAnImpossibleSigningDate() {
        #expect(throws: PlanImportError.self) {
            try PlanTextParser.parse("Ba Giang, ngày 30 tháng 02 năm 2024\nKẾ HOẠCH\n", context: context)
        }
    }

    @Test func rejectsEmptyTextAndTextWithoutTasks() {
        #expect(throws: PlanImportError.empty) { try PlanTextParser.parse("", context: context) }
        #expect(throws: PlanImportError.empty) { try PlanTextParser.parse(" \n\t\r\n ", context: context) }
        #expect(throws: PlanImportError.noTasksFound(lines: 2)) {
            try PlanTextParser.parse("Biên bản họp\nHôm nay trời đẹp.", context: context)
        }
    }

    @Test func readsAnAppendixTableWrittenInMarkdown() throws {
        let text = """
            KẾ HOẠCH năm 2024

            | STT | Nhiệm vụ / Giải pháp | Sản phẩm | Thời gian hoàn thành | Cơ quan chủ trì | Cơ quan phối hợp |
            |---|---|---|---|---|---|
            | I | Cải cách thủ tục hành chính | | | | |
            | 1 | Công khai TTHC tại Bộ phận Một cửa | Danh mục TTHC | Quý II | VP-TK | Bộ phận Một cửa |
            """
        let draft = try PlanTextParser.parse(text, context: context)
        let task = try #require(draft.tasks.first)
        #expect(draft.tasks.count == 1)
        #expect(task.areaCode == "3")
        #expect(task.leadPositionKeys == ["1"] && task.cooperatingPositionKeys == ["5"])
        #expect(task.due?.formatted == "30/06/2024")
        #expect(task.expectedOutput == "Danh mục TTHC")
        #expect(task.source == .line(6))
    }
}
