import Foundation
import PartrackDomain
import Vapor

/// What the whole application shares: its configuration, the civil clock, the locale catalogs.
/// Built once at start; read-only afterwards, hence safe to share across requests.
struct PartrackServices: Sendable {
    let config: AppConfig
    let clock: CivilClock
    let locales: Locales
    /// The current instant. A function so a test can move time (deadlines around midnight).
    let now: @Sendable () -> Date

    init(config: AppConfig, now: (@Sendable () -> Date)? = nil) throws {
        self.config = config
        let clock = CivilClock(timeZone: config.timeZone)
        self.clock = clock
        self.locales = try Locales(directory: config.webDirectory.appendingPathComponent("locales"))
        if let now {
            self.now = now
        } else if let text = config.today, let day = try? DateInput.parse(text) {
            // Shift the real clock so that today is `day`; the time of day keeps running.
            let offset = clock.startOfDay(day).timeIntervalSince(clock.startOfDay(clock.day(of: Date())))
            self.now = { Date().addingTimeInterval(offset) }
        } else {
            self.now = { Date() }
        }
    }

    /// Root of the repository's seed files (catalogs, demo data), beside the web directory.
    var seedsDirectory: URL {
        config.webDirectory.deletingLastPathComponent().appendingPathComponent("seeds")
    }
}

/// The two interface languages, Vietnamese first.
struct Locales: Sendable {
    static let supported = ["vi", "en"]
    let vietnamese: LocaleCatalog
    let english: LocaleCatalog

    init(directory: URL) throws {
        vietnamese = try LocaleCatalog.load(language: "vi", from: directory)
        english = try LocaleCatalog.load(language: "en", from: directory)
    }

    func catalog(for language: String) -> LocaleCatalog {
        language == "en" ? english : vietnamese
    }
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = PartrackServices
    }

    var partrack: PartrackServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                fatalError("configure(_:config:) has not run: partrack services are missing")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }

    /// nil once the application has shut down: Vapor clears its storage then.
    fileprivate var partrackIfRunning: PartrackServices? { storage[ServicesKey.self] }
}

extension Request {
    private struct HeldServicesKey: StorageKey {
        typealias Value = PartrackServices
    }

    /// The services as they were when the request arrived, so a request still finishing while the
    /// application shuts down (a client that hung up mid-upload, a server being stopped) does not
    /// find them gone.
    var partrack: PartrackServices { storage[HeldServicesKey.self] ?? application.partrack }

    /// Called first thing for every request (by `PartrackErrorMiddleware`).
    func holdServices() { storage[HeldServicesKey.self] = application.partrackIfRunning }
}
