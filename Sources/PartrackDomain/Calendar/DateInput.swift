import Foundation

/// Reading dates the way users type them: dd/mm/yyyy (also d/m/yyyy, and with - or . as separator).
public enum DateInput {
    public enum Failure: UserFacingError, Equatable {
        /// Not of the form dd/mm/yyyy at all.
        case notADate(String)
        /// Well formed but the day does not exist, e.g. 31/02/2024 or 29/02/2023.
        case noSuchDay(String, day: Int, month: Int, year: Int)

        public var message: Message {
            switch self {
            case .notADate(let text):
                return Message("date.not_a_date", ["text": text])
            case .noSuchDay(let text, let day, let month, let year):
                let days = (1...12).contains(month) ? LocalDate.daysIn(month: month, year: year) : 0
                return Message(
                    "date.no_such_day",
                    ["text": text, "day": "\(day)", "month": "\(month)", "year": "\(year)", "days_in_month": "\(days)"])
            }
        }
    }

    /// Parses "15/3/2023", "01/11/2023", "15-03-2023", "15.03.2023".
    public static func parse(_ raw: String) throws(Failure) -> LocalDate {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" || $0 == "." }
        guard parts.count == 3,
            parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { throw .notADate(raw) }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            throw .noSuchDay(raw, day: day, month: month, year: year)
        }
        return date
    }
}
