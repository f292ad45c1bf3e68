/// How many tasks stand in each deadline status. Cancelled tasks are counted apart and left out of
/// `live`, as they are left out of every figure.
public struct TaskStatusCounts: Sendable, Equatable, Codable {
    public var notYetDue = 0
    public var inProgress = 0
    public var doneOnTime = 0
    public var doneLate = 0
    public var overdue = 0
    public var cancelled = 0

    public init() {}

    public subscript(status: DeadlineStatus) -> Int {
        get {
            switch status {
            case .notYetDue: return notYetDue
            case .inProgress: return inProgress
            case .doneOnTime: return doneOnTime
            case .doneLate: return doneLate
            case .overdue: return overdue
            case .cancelled: return cancelled
            }
        }
        set {
            switch status {
            case .notYetDue: notYetDue = newValue
            case .inProgress: inProgress = newValue
            case .doneOnTime: doneOnTime = newValue
            case .doneLate: doneLate = newValue
            case .overdue: overdue = newValue
            case .cancelled: cancelled = newValue
            }
        }
    }

    /// Every task that is not cancelled.
    public var live: Int { notYetDue + inProgress + doneOnTime + doneLate + overdue }

    public var done: Int { doneOnTime + doneLate }

    public mutating func add(_ status: DeadlineStatus) { self[status] += 1 }

    public static func + (lhs: TaskStatusCounts, rhs: TaskStatusCounts) -> TaskStatusCounts {
        var sum = lhs
        sum += rhs
        return sum
    }

    public static func += (lhs: inout TaskStatusCounts, rhs: TaskStatusCounts) {
        for status in DeadlineStatus.allCases { lhs[status] += rhs[status] }
    }
}
