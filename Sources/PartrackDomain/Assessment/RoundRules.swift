import Foundation

/// The calendar of a round applied to one unit: when its self-assessment may change, when it may be
/// submitted, and a reviewer reopening it after closing.
public enum RoundRules {
    /// Explanations, reasons, requests and answers need at least this many letters or digits, as task
    /// explanations do: a sentence, not "..." or "ok".
    public static let minimumLetters = TaskTransitions.minimumExplanationLetters

    /// Whether the unit's self-assessment may be entered or changed at `instant`: during the trial and the
    /// official window (or a reopening), before it is submitted, never after publication.
    public static func mayChangeSelfAssessment(
        _ round: AssessmentRound, unit: UnitRoundState, at instant: Date, clock: CivilClock = .vietnam
    ) -> AccessDecision {
        if let refusal = roundRefusal(round, unitID: unit.unitID) { return .deny(refusal) }
        if let submission = unit.submission {
            return deny(.selfSubmitted, ["at": clock.formatDateTime(submission.submittedAt)])
        }
        return windowDecision(round, unit: unit, at: instant, clock: clock)
    }

    /// Whether the unit may submit at `instant`: as for changes, except during the trial.
    public static func maySubmit(
        _ round: AssessmentRound, unit: UnitRoundState, at instant: Date, clock: CivilClock = .vietnam
    ) -> AccessDecision {
        if let refusal = roundRefusal(round, unitID: unit.unitID) { return .deny(refusal) }
        if let submission = unit.submission {
            return deny(.submitAlready, ["at": clock.formatDateTime(submission.submittedAt)])
        }
        if round.phase(of: unit, at: instant, clock: clock) == .trial {
            return deny(.submitDuringTrial, ["official_from": round.officialFrom.formatted])
        }
        return windowDecision(round, unit: unit, at: instant, clock: clock)
    }

    /// A reviewer reopens the unit's self-assessment until the end of `until`: its submission (if any)
    /// is withdrawn, so its owners may change scores and its leader must submit again. The reason is
    /// required, and the returned event is what the audit log records.
    public static func reopen(
        _ round: AssessmentRound, unit: UnitRoundState, until: LocalDate, reason: String, by user: ActingUser,
        at instant: Date, clock: CivilClock = .vietnam
    ) -> Result<Reopening, AssessmentRefusal> {
        if let refusal = AssessmentPolicy.mayManage(user, .reopenUnit, unitIDs: [unit.unitID]).refusal {
            return .failure(refusal)
        }
        if let refusal = roundRefusal(round, unitID: unit.unitID) {
            return .failure(AssessmentRefusal(message: refusal))
        }
        guard let reason = WrittenText.trimmed(reason), WrittenText.substance(of: reason) >= minimumLetters else {
            return .failure(AssessmentRefusal(.reopenReasonRequired, ["minimum": "\(minimumLetters)"]))
        }
        let today = clock.day(of: instant)
        guard until >= today else {
            return .failure(AssessmentRefusal(.reopenUntilPast, ["until": until.formatted, "today": today.formatted]))
        }
        var reopened = unit
        reopened.submission = nil
        reopened.reopenedUntil = until
        let event = Message(.eventReopened, ["until": until.formatted, "reason": reason])
        return .success(Reopening(unit: reopened, event: event))
    }

    // MARK: Shared checks

    /// Why nothing may be done to `unitID` in this round whatever the time: published, or not in it.
    static func roundRefusal(_ round: AssessmentRound, unitID: Int) -> Message? {
        if round.isPublished { return Message(.roundPublished) }
        if !round.unitIDs.contains(unitID) { return Message(.roundUnitNotInRound) }
        return nil
    }

    /// The calendar's answer for a unit that has not submitted.
    private static func windowDecision(
        _ round: AssessmentRound, unit: UnitRoundState, at instant: Date, clock: CivilClock
    ) -> AccessDecision {
        switch round.phase(of: unit, at: instant, clock: clock) {
        case .trial, .official, .reopened: return .allow
        case .notOpen:
            return deny(.windowNotOpen, ["opens_on": (round.trialFrom ?? round.officialFrom).formatted])
        case .awaitingOfficial:
            return deny(
                .windowAwaitingOfficial,
                ["trial_to": round.trialTo?.formatted ?? "", "official_from": round.officialFrom.formatted])
        case .closed:
            if let until = unit.reopenedUntil, until >= round.closesOn {
                return deny(.windowReopeningEnded, ["until": until.formatted])
            }
            return deny(.windowClosed, ["closes_on": round.closesOn.formatted])
        case .published: return .deny(Message(.roundPublished))
        }
    }

    private static func deny(_ key: AssessmentMessageKey, _ arguments: [String: String] = [:]) -> AccessDecision {
        .deny(Message(key, arguments))
    }
}

/// A unit reopened by a reviewer, and the line for the audit log.
public struct Reopening: Sendable, Equatable {
    public var unit: UnitRoundState
    public var event: Message
}
