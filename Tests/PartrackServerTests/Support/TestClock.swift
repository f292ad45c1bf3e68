import Foundation
import PartrackDomain

/// A clock a test moves by hand, to place updates and submissions either side of midnight in Vietnam.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    /// A clock at a Vietnam wall-clock time, e.g. `TestClock.vietnam("15/03/2023 23:59")`.
    static func vietnam(_ text: String) throws -> TestClock {
        TestClock(try CivilClock.vietnam.parseDateTime(text))
    }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func set(vietnam text: String) throws {
        let instant = try CivilClock.vietnam.parseDateTime(text)
        lock.lock()
        current = instant
        lock.unlock()
    }

    /// The closure the application reads the time from.
    var reader: @Sendable () -> Date { { [self] in now } }
}
