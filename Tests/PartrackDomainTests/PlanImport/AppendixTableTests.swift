import Testing

@testable import PartrackDomain

@Suite struct AppendixTableTests {
    let context = PlanImportFixtures.context

    let rows: [[String]] = [
        ["PHỤ LỤC: NHIỆM VỤ, GIẢI PHÁP"],
        ["STT", "Nhiem vu / Giai phap", "San pham", "Tien do", "Co quan chu tri", "Co quan phoi hop"],
        ["I", "Công tác chỉ đạo, điều hành CCHC", "", "", "", ""],
        ["1", "Ban hành kế hoạch CCHC năm", "Kế hoạch", "Tháng 1/2024", "Văn phòng – Thống kê", ""],
        ["2", "Tuyên truyền CCHC trên loa truyền thanh", "Báo cáo", "Thường xuyên", "VH-XH", "VP-TK"],
        ["II", "Cải cách tài chính công", "", "", "", ""],
        ["3", "Giải ngân vốn đầu tư công", "", "Trước 30/6/2024", "Tài chính – Kế toán; UBND các thôn", ""],
        ["4", "Kiểm kê tài sản công", "", "Quý IV", "Phòng Tài chính – Kế hoạch huyện", ""],
    ]

    @Test func readsTasksWithAreasPositionsAndDeadlines() throws {
        let draft = try AppendixTableParser.parse(PlanTable(name: "Phụ lục", rows: rows), context: context)
        #expect(draft.tasks.map(\.areaCode) == ["1", "1", "6", "6"])
        #expect(draft.tasks.map(\.leadPositionKeys) == [["1"], ["2"], ["4"], []])
        #expect(draft.tasks[1].cooperatingPositionKeys == ["1"])
        #expect(draft.tasks.map { $0.due?.formatted } == ["31/01/2024", nil, "30/06/2024", "31/12/2024"])
        #expect(draft.tasks[1].recurrence?.kind == .everyReportPeriod)
        #expect(draft.tasks[0].expectedOutput == "Kế hoạch")
        #expect(draft.tasks[0].source == .cell("Phụ lục!B4"))
        #expect(draft.tasks[3].needsAssignment)
        #expect(draft.tasks[3].addressee == "Phòng Tài chính – Kế hoạch huyện")
        #expect(draft.unknownPositions.map(\.name) == ["UBND các thôn", "Phòng Tài chính – Kế hoạch huyện"])
        #expect(draft.unknownPositions.first?.location == .cell("Phụ lục!E7"))
        #expect(draft.summary.key == "import.summary.appendix_table")
        #expect(draft.summary.arguments["tasks"] == "4" && draft.summary.arguments["to_assign"] == "1")
    }

    @Test func namesTheMissingColumnAndTheHeadingRow() {
        let table = PlanTable(rows: [["STT", "Nhiệm vụ", "Thời gian hoàn thành"], ["1", "Việc A", "Quý I"]])
        #expect(throws: PlanImportError.missingColumns(names: ["Cơ quan chủ trì"], at: .cell("A1"))) {
            try AppendixTableParser.parse(table, context: context)
        }
        let noTask = PlanTable(rows: [["STT", "Cơ quan chủ trì", "Tiến độ"], ["1", "VP-TK", "Quý I"]])
        #expect(throws: PlanImportError.missingColumns(names: ["Nhiệm vụ / Giải pháp"], at: .cell("A1"))) {
            try AppendixTableParser.parse(noTask, context: context)
        }
    }

    @Test func rejectsATableWithoutHeadingsAndAnEmptyTable() {
        #expect(throws: PlanImportError.noHeaderRow(expected: ["Nhiệm vụ / Giải pháp", "Cơ quan chủ trì"])) {
            try AppendixTableParser.parse(PlanTable(rows: [["a", "b"], ["c", "d"]]), context: context)
        }
        #expect(throws: PlanImportError.empty) {
            try AppendixTableParser.parse(PlanTable(rows: [["", " "]]), context: context)
        }
    }

    @Test func rejectsAnImpossibleDateNamingTheCell() {
        var bad = rows
        bad[3][3] = "31/02/2024"
        #expect(
            throws: PlanImportError.impossibleDate(
                text: "31/02/2024", day: 31, month: 2, year: 2024, at: .cell("Phụ lục!D4"))
        ) { try AppendixTableParser.parse(PlanTable(name: "Phụ lục", rows: bad), context: context) }
    }

    @Test func reportsADeadlineItCannotRead() throws {
        var odd = rows
        odd[3][3] = "Khi có chỉ đạo"
        let draft = try AppendixTableParser.parse(PlanTable(rows: odd), context: context)
        #expect(draft.tasks[0].due == nil && draft.tasks[0].dueText == "Khi có chỉ đạo")
        #expect(draft.diagnostics.contains { $0.message.key == "import.warning.deadline_not_understood.cell" })
    }

    @Test func namesColumnsLikeSpreadsheets() {
        #expect(PlanTable.columnLetters(0) == "A")
        #expect(PlanTable.columnLetters(25) == "Z")
        #expect(PlanTable.columnLetters(26) == "AA")
        #expect(PlanTable.parseReference("AB12")! == (12, 27))
        #expect(PlanTable.parseReference("12") == nil)
    }
}

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let table = try CSVReader.read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n")
        #expect(table.rows == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\r\nlines"]])
        #expect(table.rowNumbers == [1, 2])
    }

    @Test func skipsTheByteOrderMarkAndSniffsSemicolons() throws {
        let table = try CSVReader.read(
            "\u{FEFF}STT;Nhiệm vụ;Thời gian\n1;Việc, có dấu phẩy;Quý I\n\n2;Việc khác;Quý II")
        #expect(
            table.rows == [
                ["STT", "Nhiệm vụ", "Thời gian"], ["1", "Việc, có dấu phẩy", "Quý I"], ["2", "Việc khác", "Quý II"],
            ])
        #expect(table.rowNumbers == [1, 2, 4])
    }

    @Test func rejectsAQuoteThatNeverCloses() {
        #expect(throws: PlanImportError.unterminatedQuote(line: 2)) { try CSVReader.read("a,b\n\"open,c\nd,e") }
    }

    @Test func tellsATableFromProse() {
        #expect(CSVReader.looksLikeTable("STT;Nhiệm vụ;Chủ trì\n1;A;B\n2;C;D"))
        #expect(!CSVReader.looksLikeTable("KẾ HOẠCH\nVề việc cải cách, nâng cao chỉ số, năm 2023"))
    }
}
