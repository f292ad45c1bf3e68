import Testing

@testable import PartrackDomain

@Suite struct DeadlinePhraseTests {
    func read(_ text: String) throws -> DeadlineReading? {
        try DeadlinePhrase.read(text, defaultYear: 2024, at: .cell("E5"))
    }

    @Test(arguments: [
        ("Quý II", "30/06/2024"), ("Quý I/2025", "31/03/2025"), ("quý IV năm 2023", "31/12/2023"),
        ("Quý III", "30/09/2024"), ("Tháng 6/2024", "30/06/2024"), ("Tháng 02/2024", "29/02/2024"),
        ("Trong tháng 4, 5 năm 2024", "31/05/2024"), ("Trước 30/6/2024", "30/06/2024"),
        ("trước ngày 15/3", "15/03/2024"), ("Từ ngày 01/12/2023 đến ngày 25/12/2023", "25/12/2023"),
        ("Năm 2024", "31/12/2024"), ("6 tháng đầu năm", "30/06/2024"), ("15.09.2024", "15/09/2024"),
    ])
    func turnsDeadlinePhrasesIntoDueDates(text: String, due: String) throws {
        #expect(try read(text)?.due?.formatted == due)
    }

    @Test func turnsOngoingWorkIntoARecurringTaskWithAStatedRule() throws {
        let ongoing = try #require(try read("Thường xuyên"))
        #expect(ongoing.due == nil)
        #expect(ongoing.recurrence?.kind == .everyReportPeriod)
        #expect(ongoing.recurrence?.rule == Message("import.recurrence.every_report_period"))
        #expect(try read("Hằng quý")?.recurrence?.kind == .quarterly)
        #expect(try read("hàng năm")?.recurrence?.kind == .yearly)
    }

    @Test func rejectsADayThatDoesNotExistNamingTheCell() {
        #expect(
            throws: PlanImportError.impossibleDate(text: "31/02/2024", day: 31, month: 2, year: 2024, at: .cell("E5"))
        ) {
            try read("Trước 31/02/2024")
        }
        #expect(throws: PlanImportError.self) { try read("29/02/2023") }
    }

    @Test func understandsNothingInPlainWords() throws {
        #expect(try read("Theo chỉ đạo của cấp trên") == nil)
    }

    @Test func findsDeadlinesInSentencesButNotDatesOfReferencedDocuments() throws {
        let sentence = AlignedText("Triển khai Kế hoạch số 140/KH-UBND ngày 14/10/2021 của Chủ tịch UBND tỉnh.")
        #expect(try DeadlinePhrase.find(in: sentence, defaultYear: 2024, at: .line(1)) == nil)
        let due = AlignedText("Xây dựng báo cáo gửi UBND huyện chậm nhất **ngày 19/4/2024**.")
        let found = try #require(try DeadlinePhrase.find(in: due, defaultYear: 2024, at: .line(1)))
        #expect(found.reading.due?.formatted == "19/04/2024")
        #expect(found.phrase == "chậm nhất **ngày 19/4/2024")
    }
}

@Suite struct ReportScheduleTests {
    let context = PlanImportFixtures.context

    func plan(_ body: String) -> String {
        """
        KẾ HOẠCH
        Cải cách hành chính năm 2025

        II. NHIỆM VỤ
        2.1. Chỉ số đối với lĩnh vực cải cách thể chế
        * Công chức Tư pháp – Hộ tịch:
        - Tham mưu ban hành kế hoạch theo dõi thi hành pháp luật.
        III. TỔ CHỨC THỰC HIỆN
        1. Công chức Văn phòng – Thống kê
        - \(body)
        """
    }

    @Test func readsAProvincesOwnDates() throws {
        let draft = try PlanTextParser.parse(
            plan("Báo cáo định kỳ: quý I (trước ngày 10/3/2025); 6 tháng (trước 10/6/2025); năm (trước 20/11/2025)."),
            context: context)
        #expect(draft.periodsFromDocument)
        #expect(draft.periods.map(\.due.formatted) == ["10/03/2025", "10/06/2025", "15/09/2025", "20/11/2025"])
        #expect(draft.periods.first { $0.kind == .q1 }?.cutOff.formatted == "09/03/2025")
    }

    @Test func fallsBackToTheDefaultsOfThePlansYear() throws {
        let draft = try PlanTextParser.parse(plan("Báo cáo kết quả định kỳ hằng quý."), context: context)
        #expect(!draft.periodsFromDocument)
        #expect(draft.periods == ReportingCalendar.defaultPeriods(year: 2025))
    }

    @Test func rejectsAnImpossibleDateInTheSchedule() {
        #expect(throws: PlanImportError.self) {
            try PlanTextParser.parse(
                plan("Báo cáo: quý I (chậm nhất 15/3/2025); 6 tháng (chậm nhất 31/6/2025)."), context: context)
        }
    }
}
