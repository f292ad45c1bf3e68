/// The three ways the projection counts a plan's points as of a day (architecture, "Projection").
public enum Scenario: String, CaseIterable, Codable, Sendable {
    /// Only what is done.
    case earned
    /// Open tasks not yet due assumed done on time; overdue ones lost until they are done.
    case projected
    /// Everything still possible: overdue tasks done now, at the late credit.
    case ceiling
}

/// One value per scenario: points, percentages, classes or credits side by side,
/// so a rule is written once and applied to all three with `map`.
public struct Scenarios<Value> {
    public var earned: Value
    public var projected: Value
    public var ceiling: Value

    public init(earned: Value, projected: Value, ceiling: Value) {
        self.earned = earned
        self.projected = projected
        self.ceiling = ceiling
    }

    /// The same value in every scenario (a done task, a baseline, a survey score).
    public init(all value: Value) {
        self.init(earned: value, projected: value, ceiling: value)
    }

    public subscript(scenario: Scenario) -> Value {
        get {
            switch scenario {
            case .earned: return earned
            case .projected: return projected
            case .ceiling: return ceiling
            }
        }
        set {
            switch scenario {
            case .earned: earned = newValue
            case .projected: projected = newValue
            case .ceiling: ceiling = newValue
            }
        }
    }

    public func map<Other>(_ transform: (Value) throws -> Other) rethrows -> Scenarios<Other> {
        Scenarios<Other>(
            earned: try transform(earned), projected: try transform(projected), ceiling: try transform(ceiling))
    }

    public func combined<Other, Result>(
        with other: Scenarios<Other>, _ combine: (Value, Other) throws -> Result
    ) rethrows -> Scenarios<Result> {
        Scenarios<Result>(
            earned: try combine(earned, other.earned), projected: try combine(projected, other.projected),
            ceiling: try combine(ceiling, other.ceiling))
    }
}

extension Scenarios: Sendable where Value: Sendable {}
extension Scenarios: Equatable where Value: Equatable {}
extension Scenarios: Hashable where Value: Hashable {}
extension Scenarios: Codable where Value: Codable {}

/// Points in the three scenarios: what a page shows for a criterion, an area or the total.
public typealias Figures = Scenarios<Points>

extension Scenarios where Value == Points {
    public static var zero: Figures { Figures(all: .zero) }

    public static func + (lhs: Figures, rhs: Figures) -> Figures { lhs.combined(with: rhs, +) }
    public static func - (lhs: Figures, rhs: Figures) -> Figures { lhs.combined(with: rhs, -) }

    /// Each figure as a percentage of `maximum`, in hundredths of a percent, rounded half up.
    public func percentHundredths(of maximum: Points) -> Scenarios<Int> {
        map { $0.percentHundredths(of: maximum) }
    }
}

/// Credit of a task or a report in each scenario, in percent of full credit (100 = done on time).
public typealias Credit = Scenarios<Int>

extension Scenarios where Value == Int {
    public static func + (lhs: Credit, rhs: Credit) -> Credit { lhs.combined(with: rhs, +) }
    public static func * (lhs: Credit, weight: Int) -> Credit { lhs.map { $0 * weight } }
}
