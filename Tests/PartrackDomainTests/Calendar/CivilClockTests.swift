import Foundation
import Testing

@testable import PartrackDomain

/// The clock works days out by arithmetic; `Calendar` is the reference it must agree with, in
/// Vietnam and in zones whose offset changes (even at midnight, as São Paulo's did).
@Suite struct CivilClockTests {
    static let zones = ["Asia/Ho_Chi_Minh", "UTC", "Europe/Berlin", "America/Sao_Paulo", "Pacific/Apia"]

    @Test(arguments: zones)
    func agreesWithTheCalendarOnEveryDayAndInstant(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let clock = CivilClock(timeZone: timeZone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // 1974–1976 crosses Vietnam's last change of offset; 2011 Samoa's skipped day; 2018 São
        // Paulo's midnight change; the rest are ordinary years.
        for year in [1975, 2011, 2018, 2023, 2024] {
            var day = LocalDate(year: year, month: 1, day: 1)!
            for _ in 0..<366 {
                let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
                #expect(clock.startOfDay(day) == start, "start of \(day.iso) in \(zone)")
                for hours in stride(from: 0.0, to: 24.0, by: 5.5) {
                    let instant = start.addingTimeInterval(hours * 3600)
                    let parts = calendar.dateComponents([.year, .month, .day], from: instant)
                    #expect(
                        clock.day(of: instant) == LocalDate(year: parts.year!, month: parts.month!, day: parts.day!))
                }
                day = day.adding(days: 1)
            }
        }
    }

    @Test func aDeadlineEndsAtMidnightVietnamTime() {
        let clock = CivilClock.vietnam
        let due = LocalDate(year: 2023, month: 3, day: 15)!
        #expect(clock.endOfDay(due) == Date(timeIntervalSince1970: 1_678_899_600))  // 16/03/2023 00:00 +07
        #expect(clock.day(of: Date(timeIntervalSince1970: 1_678_899_599)) == due)
    }
}
