import Foundation
import PartrackDomain

/// Figures and dates the way the reader writes them: dd/mm/yyyy in Vietnam time, "7,5" in
/// Vietnamese and "7.5" in English.
struct Show {
    let language: String
    let clock = CivilClock.vietnam

    func date(iso: String?) -> String {
        guard let iso, let day = LocalDate(iso: iso) else { return "—" }
        return day.formatted
    }

    func date(_ day: LocalDate?) -> String { day?.formatted ?? "—" }

    func day(_ instant: Date?) -> String { instant.map { clock.day(of: $0).formatted } ?? "—" }

    func dateTime(_ instant: Date?) -> String { instant.map(clock.formatDateTime) ?? "—" }

    func points(_ points: Points) -> String { language == "vi" ? points.vietnamese : points.description }

    /// Hundredths of a percent: 7375 → "73,75 %" / "73.75%".
    func percent(hundredths: Int) -> String {
        let text = points(Points(hundredths: hundredths))
        return language == "vi" ? "\(text) %" : "\(text)%"
    }

    func bytes(_ count: Int) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return points(Points(hundredths: count * 100 / 1024)) + " KB" }
        return points(Points(hundredths: count * 100 / (1024 * 1024))) + " MB"
    }
}

extension Console {
    var show: Show { Show(language: language) }

    func stateName(_ state: String) -> String { text("cli.state.\(state)") }
    func deadlineName(_ status: String) -> String { text("cli.deadline.\(status)") }
    func reportStatusName(_ status: String) -> String { text("cli.report_status.\(status)") }
}

/// What a status means for the reader: late and missing are bad, done on time good.
enum Tones {
    static func deadline(_ status: String) -> TextTable.Tone? {
        switch status {
        case "overdue", "done_late": return .bad
        case "done_on_time": return .good
        case "cancelled": return .faint
        default: return nil
        }
    }

    static func report(_ status: String) -> TextTable.Tone? {
        switch status {
        case "missing", "late": return .bad
        case "on_time": return .good
        default: return nil
        }
    }
}
