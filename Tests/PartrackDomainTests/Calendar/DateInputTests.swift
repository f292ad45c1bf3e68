import Testing

@testable import PartrackDomain

@Suite struct DateInputTests {
    @Test(arguments: [
        ("15/3/2023", 2023, 3, 15), ("01/11/2023", 2023, 11, 1), ("29/02/2024", 2024, 2, 29),
        ("29/02/2000", 2000, 2, 29), ("31-12-2025", 2025, 12, 31), (" 5.6.2024 ", 2024, 6, 5),
    ])
    func readsDatesAsVietnameseWriteThem(text: String, year: Int, month: Int, day: Int) throws {
        let date = try DateInput.parse(text)
        #expect(date == LocalDate(year: year, month: month, day: day))
    }

    @Test(arguments: ["31/02/2024", "29/02/2023", "29/02/1900", "31/04/2024", "32/01/2024", "00/01/2024", "10/13/2024"])
    func rejectsDaysThatDoNotExist(text: String) {
        #expect(throws: DateInput.Failure.self) { try DateInput.parse(text) }
        do {
            _ = try DateInput.parse(text)
        } catch {
            if case .noSuchDay = error {} else { Issue.record("expected noSuchDay for \(text), got \(error)") }
        }
    }

    @Test func explainsHowManyDaysTheMonthHas() {
        do {
            _ = try DateInput.parse("31/02/2024")
            Issue.record("31/02/2024 was accepted")
        } catch {
            #expect(error.message.key == "date.no_such_day")
            #expect(error.message.arguments["days_in_month"] == "29")
        }
    }

    @Test(arguments: ["", "hôm nay", "2024-02-01", "15/3", "15/03/24", "1/1/20245", "a/b/cccc"])
    func rejectsTextThatIsNotADate(text: String) {
        do {
            _ = try DateInput.parse(text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error == .notADate(text))
        }
    }

    @Test func formatsAsDayMonthYear() throws {
        #expect(try #require(LocalDate(year: 2023, month: 3, day: 5)).formatted == "05/03/2023")
        #expect(try #require(LocalDate(year: 2023, month: 3, day: 5)).iso == "2023-03-05")
    }

    @Test func countsDaysAcrossMonthsAndLeapYears() throws {
        let start = try #require(LocalDate(year: 2024, month: 2, day: 28))
        #expect(start.adding(days: 1) == LocalDate(year: 2024, month: 2, day: 29))
        #expect(start.adding(days: 2) == LocalDate(year: 2024, month: 3, day: 1))
        #expect(start.days(until: try #require(LocalDate(year: 2025, month: 2, day: 28))) == 366)
        #expect(LocalDate(dayNumber: 0) == LocalDate(year: 1970, month: 1, day: 1))
        // Round trip over a long range catches off-by-one errors in the civil-day arithmetic.
        for number in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: number).dayNumber == number)
        }
    }
}
