import Foundation

/// One year's assessment (đợt tự đánh giá, thẩm định) that a reviewer opens for a catalog and a set
/// of units (seed 000: the communes of huyện Hiệp Hòa for 2023):
///
/// ```
/// trial (optional)      official                          closed           published
/// 10/11 … 20/11/2023    21/11 … 10/12/2023 23:59:59       from 11/12 00:00   read-only
/// enter and try         enter, confirm, "Gửi thẩm định"   only a reviewer     results and ranks
///                                                         reopens a unit
/// ```
///
/// Days are Vietnam calendar days (`CivilClock`): the round closes by itself when `closesOn` ends there.
///
/// Two rules of the province's method live here rather than in the catalog, because the catalog file
/// has no field for them and the reviewer opening the round copies them from the method decision of
/// that year: the score step (a self or appraised score is a multiple of it, or the criterion's
/// maximum; 0.25 points unless the province says otherwise) and how equal totals are ranked.
public struct AssessmentRound: Sendable, Equatable, Codable {
    /// The catalog the units are scored on (the server's id).
    public var catalogID: Int
    /// The year assessed (seed 003 assesses 2023 in April 2024).
    public var year: Int
    /// The units assessed and ranked together.
    public var unitIDs: Set<Int>
    /// First and last day of the trial, when the software is tried and entries are practice; nil when
    /// the round has no trial (seed 003). Entries made during the trial stay as the unit's draft.
    public var trialFrom: LocalDate?
    public var trialTo: LocalDate?
    /// First day of the official window, when units may submit.
    public var officialFrom: LocalDate
    /// Last day on which self-assessments may change: the round closes when it ends (Vietnam time).
    public var closesOn: LocalDate
    /// Scores are multiples of this step (or the criterion's maximum).
    public var scoreStep: Points
    /// How units with equal totals are ranked.
    public var tieRule: TieRule
    /// Set once, when the reviewer publishes; from then on nothing of the round changes.
    public var publishedAt: Date?

    /// The step most provinces use: quarter points.
    public static let defaultScoreStep = Points(hundredths: 25)

    /// Checks the windows: the trial (both days or neither) ends before the official window starts, the
    /// official window starts no later than the closing day, the step is positive, and there are units.
    public init(
        catalogID: Int, year: Int, unitIDs: Set<Int>, trialFrom: LocalDate? = nil, trialTo: LocalDate? = nil,
        officialFrom: LocalDate, closesOn: LocalDate, scoreStep: Points = AssessmentRound.defaultScoreStep,
        tieRule: TieRule = .shareRank
    ) throws(AssessmentRefusal) {
        guard !unitIDs.isEmpty else { throw AssessmentRefusal(.roundNoUnits) }
        switch (trialFrom, trialTo) {
        case (nil, nil): break
        case (let from?, let to?):
            guard from <= to else {
                throw AssessmentRefusal(.roundTrialOrder, ["from": from.formatted, "to": to.formatted])
            }
            guard to < officialFrom else {
                throw AssessmentRefusal(
                    .roundTrialAfterOfficial, ["trial_to": to.formatted, "official_from": officialFrom.formatted])
            }
        default: throw AssessmentRefusal(.roundTrialIncomplete)
        }
        guard officialFrom <= closesOn else {
            throw AssessmentRefusal(
                .roundClosesBeforeOfficial, ["official_from": officialFrom.formatted, "closes_on": closesOn.formatted])
        }
        guard scoreStep > .zero else { throw AssessmentRefusal(.roundBadStep, ["step": scoreStep.vietnamese]) }
        self.catalogID = catalogID
        self.year = year
        self.unitIDs = unitIDs
        self.trialFrom = trialFrom
        self.trialTo = trialTo
        self.officialFrom = officialFrom
        self.closesOn = closesOn
        self.scoreStep = scoreStep
        self.tieRule = tieRule
        self.publishedAt = nil
    }

    public var isPublished: Bool { publishedAt != nil }

    /// The first instant at which the round is closed: 00:00:00 of the day after `closesOn`, so a
    /// change at 23:59:59 on the closing day is in time and one at 00:00:01 the next day is not.
    public func closingInstant(clock: CivilClock = .vietnam) -> Date { clock.endOfDay(closesOn) }

    /// Where the round stands for everyone at `instant`, by its calendar alone.
    public func phase(at instant: Date, clock: CivilClock = .vietnam) -> RoundPhase {
        if isPublished { return .published }
        let today = clock.day(of: instant)
        if today > closesOn { return .closed }
        if today >= officialFrom { return .official }
        if let trialFrom, let trialTo {
            if today < trialFrom { return .notOpen }
            return today <= trialTo ? .trial : .awaitingOfficial
        }
        return .notOpen
    }

    /// Where the round stands for one unit at `instant`: as for everyone, except that a closed round is
    /// `.reopened` for a unit a reviewer reopened, until the end of the day the reviewer set.
    public func phase(of unit: UnitRoundState, at instant: Date, clock: CivilClock = .vietnam) -> RoundPhase {
        let phase = phase(at: instant, clock: clock)
        if phase == .closed, let until = unit.reopenedUntil, clock.isOnOrBefore(instant, day: until) {
            return .reopened
        }
        return phase
    }

    /// Whether the unit's self scores can no longer change at `instant`: it has submitted, or its window
    /// has closed. Appraisal works on frozen self-assessments only.
    public func selfScoresFrozen(_ unit: UnitRoundState, at instant: Date, clock: CivilClock = .vietnam) -> Bool {
        if unit.submission != nil { return true }
        switch phase(of: unit, at: instant, clock: clock) {
        case .closed, .published: return true
        case .notOpen, .trial, .awaitingOfficial, .official, .reopened: return false
        }
    }
}

/// Where a round stands at a moment, for everyone or (with `.reopened`) for one unit.
public enum RoundPhase: String, Sendable, Codable, CaseIterable {
    /// Before the trial (or, without a trial, before the official window).
    case notOpen = "not_open"
    /// The trial: entries may be made and changed, nothing may be submitted.
    case trial
    /// After the trial and before the official window, when there is a gap between them.
    case awaitingOfficial = "awaiting_official"
    /// The official window: entries change and units submit.
    case official
    /// After the closing day: self-assessments no longer change.
    case closed
    /// Closed, but a reviewer reopened this unit until a day not yet over.
    case reopened
    /// Results published: nothing changes.
    case published

    /// The phase's name in the locale files.
    public var nameKey: String { "assessment.phase.\(rawValue)" }
}

/// How units with equal totals are ranked, as the province's method says.
public enum TieRule: String, Sendable, Codable, CaseIterable {
    /// Equal totals share the better position and the next is skipped: 1, 2, 2, 4.
    case shareRank = "share_rank"
    /// Equal totals are ordered by the higher appraised score in area 1, then area 2, … in catalog order;
    /// units equal in every area still share their position.
    case areasInOrder = "areas_in_order"

    public var nameKey: String { "assessment.tie_rule.\(rawValue)" }
}

/// What the server keeps of one unit in a round besides its scores: whether it has submitted, and
/// whether a reviewer reopened it. The history of both is in the audit log.
public struct UnitRoundState: Sendable, Equatable, Codable {
    public var unitID: Int
    /// Set by "Gửi thẩm định"; it freezes the self scores. A reviewer's reopening clears it.
    public var submission: Submission?
    /// After closing, the unit may change its self-assessment until the end of this day.
    public var reopenedUntil: LocalDate?

    public init(unitID: Int, submission: Submission? = nil, reopenedUntil: LocalDate? = nil) {
        self.unitID = unitID
        self.submission = submission
        self.reopenedUntil = reopenedUntil
    }
}

/// A unit's submission for appraisal.
public struct Submission: Sendable, Equatable, Codable {
    public var submittedAt: Date
    /// The leader who pressed "Gửi thẩm định".
    public var submittedBy: Int
    /// The signed scan of the self-assessment report.
    public var signedReport: EvidenceRef

    public init(submittedAt: Date, submittedBy: Int, signedReport: EvidenceRef) {
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.signedReport = signedReport
    }
}
