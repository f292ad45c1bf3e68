import Testing

@testable import PartrackDomain

@Suite struct ReportingCalendarTests {
    @Test func defaultsAreTheDatesOfSeed001() {
        let periods = ReportingCalendar.defaultPeriods(year: 2023)
        #expect(periods.map(\.kind) == [.q1, .h1, .nineMonths, .year])
        #expect(periods.map(\.due.formatted) == ["15/03/2023", "15/06/2023", "15/09/2023", "01/11/2023"])
        #expect(periods.allSatisfy { $0.cutOff < $0.due })
    }

    @Test func internalDueDateIsSomeDaysEarlier() {
        let q1 = ReportingCalendar.defaultPeriods(year: 2024)[0]
        #expect(q1.internalDue(daysEarlier: 5).formatted == "10/03/2024")
        #expect(q1.internalDue(daysEarlier: 20).formatted == "24/02/2024")
    }

    @Test func currentPeriodIsTheNextToFallDue() throws {
        let periods = ReportingCalendar.defaultPeriods(year: 2023)
        #expect(
            ReportingCalendar.current(in: periods, on: try #require(LocalDate(year: 2023, month: 1, day: 2)))?.kind
                == .q1)
        #expect(
            ReportingCalendar.current(in: periods, on: try #require(LocalDate(year: 2023, month: 3, day: 15)))?.kind
                == .q1)
        #expect(
            ReportingCalendar.current(in: periods, on: try #require(LocalDate(year: 2023, month: 3, day: 16)))?.kind
                == .h1)
        #expect(
            ReportingCalendar.current(in: periods, on: try #require(LocalDate(year: 2023, month: 11, day: 2))) == nil)
    }

    @Test func periodsSortInTheOrderOfTheYear() {
        #expect(PeriodKind.allCases.sorted() == [.q1, .h1, .nineMonths, .year])
        #expect(PeriodKind(rawValue: "9M") == .nineMonths)
    }
}
