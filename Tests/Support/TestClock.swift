import Foundation
import PartrackDomain

/// A clock a test moves by hand, to place updates and submissions either side of midnight in Vietnam.
public final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    /// A clock at a Vietnam wall-clock time, e.g. `TestClock.vietnam("15/03/2023 23:59")`.
    public static func vietnam(_ text: String) throws -> TestClock {
        TestClock(try CivilClock.vietnam.parseDateTime(text))
    }

    public var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    public func set(vietnam text: String) throws {
        let instant = try CivilClock.vietnam.parseDateTime(text)
        lock.lock()
        current = instant
        lock.unlock()
    }

    /// Moves to a Vietnam wall-clock second, e.g. `set(day: 10/12/2023, 23, 59, 59)`.
    public func set(_ day: LocalDate, _ hour: Int, _ minute: Int, _ second: Int) {
        let instant = CivilClock.vietnam.instant(on: day, hour: hour, minute: minute, second: second)
        lock.lock()
        current = instant
        lock.unlock()
    }

    /// The closure the application reads the time from.
    public var reader: @Sendable () -> Date { { [self] in now } }
}
