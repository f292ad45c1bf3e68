import Foundation

/// Turns instants into the calendar days people speak of, in one time zone
/// (Vietnam's by default, whatever zone the server itself runs in).
/// "Due 15/3" means before the first instant of 16/3 in this zone.
public struct CivilClock: Sendable {
    public let timeZone: TimeZone

    public static let vietnam = CivilClock(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The day on which `instant` falls in this zone.
    public func day(of instant: Date) -> LocalDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The first instant of `day` in this zone.
    public func startOfDay(_ day: LocalDate) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
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
