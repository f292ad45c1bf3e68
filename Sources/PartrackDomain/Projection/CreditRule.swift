import Foundation

/// How much one task or one periodic report counts in each scenario (architecture, "Projection").
///
/// | status as of the day           | earned | projected | ceiling |
/// |--------------------------------|--------|-----------|---------|
/// | done on or before its due day  | 1      | 1         | 1       |
/// | done after its due day         | λ      | λ         | λ       |
/// | open, not yet due (or no due)  | 0      | 1         | 1       |
/// | open, overdue                  | 0      | 0         | λ       |
/// | cancelled                      | left out of every sum           |
///
/// λ is the catalog's late credit (`lateCreditPercent`, 50 = half). Credits are in percent of full credit.
public enum CreditRule {
    public static let fullCredit = 100

    /// The task's deadline status as of `asOf`, by `DeadlineStatus.of` (Vietnam-time day boundaries).
    /// A completion recorded after `asOf` had not happened yet at `asOf`, so the task counts as still in
    /// progress: a projection for a past moment (a trend snapshot recomputed later) comes out as it was then.
    public static func status(of task: ProjectionTask, asOf: Date, clock: CivilClock) -> DeadlineStatus {
        var state = task.state
        if state == .done, let completedAt = task.completedAt, completedAt > asOf {
            state = .inProgress
        }
        return DeadlineStatus.of(state: state, due: task.due, completedAt: task.completedAt, asOf: asOf, clock: clock)
    }

    /// The task's credit for `status`; nil for a cancelled task, which is left out.
    public static func taskCredit(for status: DeadlineStatus, lateCreditPercent: Int) -> Credit? {
        let late = min(max(lateCreditPercent, 0), fullCredit)
        switch status {
        case .doneOnTime: return Credit(all: fullCredit)
        case .doneLate: return Credit(all: late)
        case .notYetDue, .inProgress: return Credit(earned: 0, projected: fullCredit, ceiling: fullCredit)
        case .overdue: return Credit(earned: 0, projected: 0, ceiling: late)
        case .cancelled: return nil
        }
    }

    /// A periodic report's status as of `asOf`: done on time, done late, not yet due or overdue
    /// (by `DeadlineStatus.of`, so "due 15/3" means by the end of 15/3 in Vietnam).
    /// A submission after `asOf` had not happened yet then.
    public static func status(of report: ReportSubmissionFact, asOf: Date, clock: CivilClock) -> DeadlineStatus {
        let submittedAt = report.submittedAt.flatMap { $0 <= asOf ? $0 : nil }
        return DeadlineStatus.of(
            state: submittedAt == nil ? .notStarted : .done, due: report.due, completedAt: submittedAt, asOf: asOf,
            clock: clock)
    }

    /// A report-compliance criterion scores the share of the year's periodic reports submitted on time:
    ///
    /// - *earned*: reports submitted on time, out of all the periods of the year (future ones included,
    ///   so earned only grows through the year);
    /// - *projected*: those plus the periods not yet due, assumed submitted on time;
    /// - *ceiling*: the same as projected. A report that is late, or overdue and still missing, can no
    ///   longer be on time, and the criterion counts only on-time reports, so nothing more is possible.
    ///
    /// There is no late credit for reports: the commune sets score "đầy đủ, đúng thời gian" only.
    public static func reportCredit(for status: DeadlineStatus) -> Credit {
        switch status {
        case .doneOnTime: return Credit(all: fullCredit)
        case .notYetDue, .inProgress: return Credit(earned: 0, projected: fullCredit, ceiling: fullCredit)
        case .doneLate, .overdue, .cancelled: return Credit(all: 0)
        }
    }
}
