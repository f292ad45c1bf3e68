/// Index points in exact hundredths, so leaf points always add up to area and total
/// points with no floating-point drift (2.5 points is `Points(hundredths: 250)`).
public struct Points: Hashable, Comparable, Sendable, Codable, AdditiveArithmetic, CustomStringConvertible {
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    public init(_ whole: Int) { self.hundredths = whole * 100 }

    public static let zero = Points(hundredths: 0)

    public static func + (lhs: Points, rhs: Points) -> Points { Points(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func - (lhs: Points, rhs: Points) -> Points { Points(hundredths: lhs.hundredths - rhs.hundredths) }
    public static func < (lhs: Points, rhs: Points) -> Bool { lhs.hundredths < rhs.hundredths }

    /// Reads "2.5", "2,5", "10", "0.25". More than two decimals, signs other than a leading
    /// minus, or anything else is not a number of points.
    public init?(parsing text: String) {
        var body = Substring(text.trimmingWhitespace())
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let parts = body.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
            let whole = Int(parts[0])
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = Int(digits)! * (digits.count == 1 ? 10 : 1)
        }
        let magnitude = whole * 100 + fraction
        self.hundredths = negative ? -magnitude : magnitude
    }

    /// "7.5", "10", "0.25": the machine form (API, YAML, CSV for scripts).
    public var description: String { format(decimalSeparator: ".") }

    /// "7,5": the Vietnamese form for pages and the CLI.
    public var vietnamese: String { format(decimalSeparator: ",") }

    public func format(decimalSeparator: String) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole)\(decimalSeparator)\(digits)"
    }

    /// The value as a Double, for JSON and percentages only; sums stay in hundredths.
    public var value: Double { Double(hundredths) / 100 }

    /// Percent of `maximum` in hundredths of a percent (9050 = 90.5 %), rounded half up.
    public func percentHundredths(of maximum: Points) -> Int {
        guard maximum.hundredths > 0 else { return 0 }
        return (hundredths * 10_000 * 2 + maximum.hundredths) / (maximum.hundredths * 2)
    }

    public init(from decoder: any Decoder) throws {
        self.hundredths = Int((try decoder.singleValueContainer().decode(Double.self) * 100).rounded())
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
