import Foundation

/// Turns instants into the calendar days people speak of, in one time zone
/// (Vietnam's by default, whatever zone the server itself runs in).
/// "Due 15/3" means before the first instant of 16/3 in this zone.
public struct CivilClock: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public static let vietnam = CivilClock(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The day on which `instant` falls in this zone: the day of its wall-clock time, which is the
    /// instant shifted by the zone's offset then. Worked out by arithmetic, not through `Calendar`:
    /// a province's projection asks this for every one of its 12,000 tasks.
    public func day(of instant: Date) -> LocalDate {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        return LocalDate(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    /// The first instant of `day` in this zone.
    public func startOfDay(_ day: LocalDate) -> Date {
        // Midnight there is midnight UTC less the zone's offset at that moment. Where the offset
        // changes around midnight (or midnight is skipped), `Calendar` knows better.
        let midnightUTC = Double(day.dayNumber) * 86_400
        let guess = Date(
            timeIntervalSince1970: midnightUTC
                - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: midnightUTC))))
        if self.day(of: guess) == day, self.day(of: guess.addingTimeInterval(-1)) != day {
            return guess
        }
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// The first instant after `day` ends: a deadline of `day` is met by anything strictly before it.
    public func endOfDay(_ day: LocalDate) -> Date {
        startOfDay(day.adding(days: 1))
    }

    /// Whether `instant` is on or before the end of `day`.
    public func isOnOrBefore(_ instant: Date, day: LocalDate) -> Bool {
        instant < endOfDay(day)
    }

    /// "dd/mm/yyyy HH:mm" in this zone, for history lines and timestamps on pages.
    public func formatDateTime(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        let hour = parts.hour!
        let minute = parts.minute!
        return "\(day(of: instant).formatted) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}

extension CivilClock {
    /// The instant of a wall-clock time on `day` in this zone.
    public func instant(on day: LocalDate, hour: Int, minute: Int, second: Int = 0) -> Date {
        calendar.date(
            from: DateComponents(
                year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second))!
    }

    /// Reads "15/03/2023 14:20" (or a bare date, meaning its noon) as an instant in this zone.
    public func parseDateTime(_ text: String) throws(DateInput.Failure) -> Date {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        let day = try DateInput.parse(parts.first.map(String.init) ?? text)
        guard parts.count == 2 else { return instant(on: day, hour: 12, minute: 0) }
        let time = parts[1].split(separator: ":")
        guard time.count == 2, let hour = Int(time[0]), let minute = Int(time[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { throw .notADate(text) }
        return instant(on: day, hour: hour, minute: minute)
    }
}
