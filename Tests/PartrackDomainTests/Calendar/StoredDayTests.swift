import Testing

@testable import PartrackDomain

/// The yyyy-mm-dd form days are stored in.
@Suite struct StoredDayTests {
    @Test func readsTheStorageForm() {
        #expect(LocalDate(iso: "2023-03-15") == LocalDate(year: 2023, month: 3, day: 15))
        #expect(LocalDate(iso: "2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate(iso: "2023-12-31") == LocalDate(year: 2023, month: 12, day: 31))
    }

    @Test(arguments: [
        "", "2023-3-15", "2023-03-5", "23-03-15", "2023/03/15", "2023-03-15 ", "2023-03-1x", "2023-02-29",
        "2023-13-01", "2023-00-10", "+023-03-15", "2023-03-155",
    ])
    func refusesAnythingElse(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func roundTripsEveryDayOfALeapYear() {
        var day = LocalDate(year: 2024, month: 1, day: 1)!
        for _ in 0..<366 {
            #expect(LocalDate(iso: day.iso) == day)
            day = day.adding(days: 1)
        }
    }
}
