import Foundation

/// A hypothetical outcome for one task: "done by 30/6", "done on 15/7 (late)", "cancelled".
public struct TaskOutcome: Sendable, Equatable, Codable {
    public enum Result: Sendable, Equatable, Codable {
        /// Done on this day: on time when the day is on or before the task's due day, late otherwise.
        case done(on: LocalDate)
        /// Cancelled: left out, like any cancelled task.
        case cancelled
    }

    public var taskID: Int
    public var result: Result

    public init(taskID: Int, result: Result) {
        self.taskID = taskID
        self.result = result
    }

    public static func done(_ taskID: Int, on day: LocalDate) -> TaskOutcome {
        TaskOutcome(taskID: taskID, result: .done(on: day))
    }

    public static func cancelled(_ taskID: Int) -> TaskOutcome { TaskOutcome(taskID: taskID, result: .cancelled) }
}

extension TaskOutcome.Result {
    /// The status the task would have: judged by `DeadlineStatus.of` as if completed during `day`
    /// (its first instant, Vietnam time), whether that day is before or after the projection's moment.
    func status(for task: ProjectionTask, asOf: Date, clock: CivilClock) -> DeadlineStatus {
        switch self {
        case .cancelled:
            return .cancelled
        case .done(let day):
            return DeadlineStatus.of(
                state: .done, due: task.due, completedAt: clock.startOfDay(day), asOf: asOf, clock: clock)
        }
    }
}

/// "What if these three are done by 30/6 and this one late?" — the projection with the given outcomes
/// taken as fact (so they count in *earned* too) and every other task as it stands.
public enum WhatIf {
    /// The new projection. An outcome for a task the plan does not have is left out with a message in
    /// `issues`; when one task has several outcomes, the last one counts.
    public static func apply(_ outcomes: [TaskOutcome], to input: ProjectionInput) -> Projection {
        let known = Set(input.tasks.map(\.id))
        var hypothetical: [Int: TaskOutcome.Result] = [:]
        var issues: [Message] = []
        for outcome in outcomes {
            guard known.contains(outcome.taskID) else {
                issues.append(Message(.issueUnknownTask, ["task": "\(outcome.taskID)"]))
                continue
            }
            hypothetical[outcome.taskID] = outcome.result
        }
        return ProjectionEngine.project(input, hypothetical: hypothetical, issues: issues)
    }

    /// The projection now and with the outcomes, and the change in the total figures.
    public static func compare(_ outcomes: [TaskOutcome], to input: ProjectionInput) -> WhatIfComparison {
        let before = ProjectionEngine.project(input)
        let after = apply(outcomes, to: input)
        return WhatIfComparison(before: before, after: after, change: after.total - before.total)
    }
}

public struct WhatIfComparison: Sendable, Equatable, Codable {
    public var before: Projection
    public var after: Projection
    /// after − before, for each total figure.
    public var change: Figures
}
