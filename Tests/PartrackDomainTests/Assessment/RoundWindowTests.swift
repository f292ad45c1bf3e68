import Foundation
import PartrackDomain
import Testing

@Suite("A round's windows in Vietnam time: trial, official, closing at the end of the day, reopening")
struct RoundWindowTests {
    typealias F = AssessmentFixture

    /// Seed 000: trial 10/11–20/11/2023, official from 21/11, closes 10/12/2023.
    let round = AssessmentFixture.round()
    let unit = UnitRoundState(unitID: 101)

    func change(_ instant: Date, unit: UnitRoundState? = nil) -> AccessDecision {
        RoundRules.mayChangeSelfAssessment(round, unit: unit ?? self.unit, at: instant)
    }

    @Test func phasesFollowSeed000sCalendar() {
        #expect(round.phase(at: F.at(9, 11, 23, 59, 59)) == .notOpen)
        #expect(round.phase(at: F.at(10, 11, 0, 0, 1)) == .trial)
        #expect(round.phase(at: F.at(20, 11, 23, 59, 59)) == .trial)
        #expect(round.phase(at: F.at(21, 11, 0, 0, 1)) == .official)
        #expect(round.phase(at: F.at(10, 12, 23, 59, 59)) == .official)
        #expect(round.phase(at: F.at(11, 12, 0, 0, 1)) == .closed)
        #expect(round.closingInstant() == F.at(11, 12, 0, 0, 0))
        // The first closed instant, 00:00:00 on 11/12 in Vietnam, is 17:00:00 UTC on 10/12.
        #expect(round.closingInstant().timeIntervalSince1970 == 1_702_227_600)
    }

    @Test func aChangeAtOneSecondPastMidnightAfterTheClosingDayIsRefusedWithAClearMessage() {
        #expect(change(F.at(10, 12, 23, 59, 59)) == .allow)
        #expect(
            change(F.at(11, 12, 0, 0, 1)) == .deny(Message("assessment.window.closed", ["closes_on": "10/12/2023"])))
    }

    @Test func theWindowIsJudgedInVietnamWhateverTheServersZone() {
        // 17:30 UTC on 10/12 is already 00:30 on 11/12 in Vietnam: closed.
        let utc = Date(timeIntervalSince1970: 1_702_229_400)
        #expect(change(utc).isAllowed == false)
        // A server clock in UTC would have said 10/12; the rule takes Vietnam's calendar by default.
        let utcClock = CivilClock(timeZone: TimeZone(identifier: "UTC")!)
        #expect(RoundRules.mayChangeSelfAssessment(round, unit: unit, at: utc, clock: utcClock) == .allow)
    }

    @Test func beforeTheTrialNothingMayBeEnteredAndTheMessageSaysWhenItOpens() {
        #expect(change(F.at(9, 11, 12)) == .deny(Message("assessment.window.not_open", ["opens_on": "10/11/2023"])))
    }

    @Test func theTrialAcceptsEntriesButNotSubmission() {
        #expect(change(F.at(15, 11)) == .allow)
        #expect(
            RoundRules.maySubmit(round, unit: unit, at: F.at(15, 11))
                == .deny(Message("assessment.submit.during_trial", ["official_from": "21/11/2023"])))
        #expect(RoundRules.maySubmit(round, unit: unit, at: F.at(21, 11, 0, 0, 1)) == .allow)
        #expect(
            RoundRules.maySubmit(round, unit: unit, at: F.at(11, 12, 0, 0, 1))
                == .deny(Message("assessment.window.closed", ["closes_on": "10/12/2023"])))
    }

    @Test func aGapBetweenTrialAndOfficialIsClosedAndSaysWhenTheOfficialPeriodStarts() throws {
        let gapped = try AssessmentRound(
            catalogID: 7, year: 2023, unitIDs: [101], trialFrom: F.day(10, 11), trialTo: F.day(15, 11),
            officialFrom: F.day(21, 11), closesOn: F.day(10, 12))
        #expect(gapped.phase(at: F.at(18, 11)) == .awaitingOfficial)
        #expect(
            RoundRules.mayChangeSelfAssessment(gapped, unit: unit, at: F.at(18, 11))
                == .deny(
                    Message(
                        "assessment.window.awaiting_official",
                        ["trial_to": "15/11/2023", "official_from": "21/11/2023"])))
    }

    @Test func seed003HasNoTrialAndClosesAtTheEndOf19April2024() throws {
        // Seed 003: communes send their self-assessment reports by 19/4/2024 (guidance of 29/3/2024).
        let kimSon = try AssessmentRound(
            catalogID: 9, year: 2023, unitIDs: [301], officialFrom: F.day(29, 3, 2024), closesOn: F.day(19, 4, 2024))
        let commune = UnitRoundState(unitID: 301)
        #expect(kimSon.phase(at: F.at(28, 3, 12, 0, 0, year: 2024)) == .notOpen)
        #expect(
            RoundRules.mayChangeSelfAssessment(kimSon, unit: commune, at: F.at(28, 3, year: 2024))
                == .deny(Message("assessment.window.not_open", ["opens_on": "29/03/2024"])))
        #expect(RoundRules.maySubmit(kimSon, unit: commune, at: F.at(19, 4, 23, 59, 59, year: 2024)) == .allow)
        #expect(
            RoundRules.maySubmit(kimSon, unit: commune, at: F.at(20, 4, 0, 0, 1, year: 2024))
                == .deny(Message("assessment.window.closed", ["closes_on": "19/04/2024"])))
    }

    @Test func aRoundWithBadWindowsIsRefusedWithTheDates() {
        func refusal(_ make: () throws -> AssessmentRound) -> Message? {
            do {
                _ = try make()
                return nil
            } catch {
                return (error as? AssessmentRefusal)?.message ?? Message("unexpected error")
            }
        }
        #expect(
            refusal {
                try AssessmentRound(
                    catalogID: 1, year: 2023, unitIDs: [], officialFrom: F.day(1, 12), closesOn: F.day(10, 12))
            } == Message("assessment.round.no_units"))
        #expect(
            refusal {
                try AssessmentRound(
                    catalogID: 1, year: 2023, unitIDs: [1], trialFrom: F.day(10, 11), officialFrom: F.day(21, 11),
                    closesOn: F.day(10, 12))
            } == Message("assessment.round.trial_incomplete"))
        #expect(
            refusal {
                try AssessmentRound(
                    catalogID: 1, year: 2023, unitIDs: [1], trialFrom: F.day(20, 11), trialTo: F.day(10, 11),
                    officialFrom: F.day(21, 11), closesOn: F.day(10, 12))
            } == Message("assessment.round.trial_order", ["from": "20/11/2023", "to": "10/11/2023"]))
        #expect(
            refusal {
                try AssessmentRound(
                    catalogID: 1, year: 2023, unitIDs: [1], trialFrom: F.day(10, 11), trialTo: F.day(21, 11),
                    officialFrom: F.day(21, 11), closesOn: F.day(10, 12))
            }
                == Message(
                    "assessment.round.trial_after_official", ["trial_to": "21/11/2023", "official_from": "21/11/2023"]))
        #expect(
            refusal {
                try AssessmentRound(
                    catalogID: 1, year: 2023, unitIDs: [1], officialFrom: F.day(11, 12), closesOn: F.day(10, 12))
            }
                == Message(
                    "assessment.round.closes_before_official",
                    ["official_from": "11/12/2023", "closes_on": "10/12/2023"]))
        #expect(
            refusal {
                try AssessmentRound(
                    catalogID: 1, year: 2023, unitIDs: [1], officialFrom: F.day(1, 12), closesOn: F.day(10, 12),
                    scoreStep: .zero)
            } == Message("assessment.round.bad_step", ["step": "0"]))
        // Opening and closing on the same day is a one-day window, which is allowed.
        #expect(
            refusal {
                try AssessmentRound(
                    catalogID: 1, year: 2023, unitIDs: [1], officialFrom: F.day(10, 12), closesOn: F.day(10, 12))
            } == nil)
    }

    @Test func aUnitOutsideTheRoundOrAlreadySubmittedCannotChange() {
        #expect(
            RoundRules.mayChangeSelfAssessment(round, unit: UnitRoundState(unitID: 999), at: F.at(25, 11))
                == .deny(Message("assessment.round.unit_not_in_round")))
        let submitted = UnitRoundState(
            unitID: 101,
            submission: Submission(
                submittedAt: F.at(5, 12, 14, 20), submittedBy: 1010, signedReport: EvidenceRef(evidenceID: 1)))
        #expect(
            change(F.at(6, 12), unit: submitted)
                == .deny(Message("assessment.self.submitted", ["at": "05/12/2023 14:20"])))
        #expect(
            RoundRules.maySubmit(round, unit: submitted, at: F.at(6, 12))
                == .deny(Message("assessment.submit.already", ["at": "05/12/2023 14:20"])))
        #expect(round.selfScoresFrozen(submitted, at: F.at(6, 12)))
        #expect(round.selfScoresFrozen(unit, at: F.at(6, 12)) == false)
        #expect(round.selfScoresFrozen(unit, at: F.at(11, 12, 0, 0, 1)))
    }

    @Test func onlyAReviewerReopensAClosedUnitWithAReasonAndItIsLogged() throws {
        let after = F.at(12, 12, 8, 0)
        #expect(
            RoundRules.reopen(
                round, unit: unit, until: F.day(14, 12), reason: "Đơn vị bị lỗi mạng ngày 10/12", by: F.leader(101),
                at: after
            )
            .refused?.message == Message("assessment.access.reviewer_only.reopen_unit"))
        #expect(
            RoundRules.reopen(round, unit: unit, until: F.day(14, 12), reason: "  ...  ", by: F.reviewer, at: after)
                .refused?.message == Message("assessment.reopen.reason_required", ["minimum": "10"]))
        #expect(
            RoundRules.reopen(
                round, unit: unit, until: F.day(11, 12), reason: "Đơn vị bị lỗi mạng ngày 10/12", by: F.reviewer,
                at: after
            )
            .refused?.message
                == Message("assessment.reopen.until_past", ["until": "11/12/2023", "today": "12/12/2023"]))
        let reopening = try RoundRules.reopen(
            round, unit: unit, until: F.day(14, 12), reason: " Đơn vị bị lỗi mạng ngày 10/12 ", by: F.reviewer,
            at: after
        ).get()
        #expect(
            reopening.event
                == Message(
                    "assessment.event.reopened", ["until": "14/12/2023", "reason": "Đơn vị bị lỗi mạng ngày 10/12"]))
        let reopened = reopening.unit
        #expect(round.phase(of: reopened, at: F.at(14, 12, 23, 59, 59)) == .reopened)
        #expect(change(F.at(14, 12, 23, 59, 59), unit: reopened) == .allow)
        #expect(RoundRules.maySubmit(round, unit: reopened, at: F.at(13, 12)) == .allow)
        #expect(round.selfScoresFrozen(reopened, at: F.at(13, 12)) == false)
        // Another unit stays closed.
        #expect(round.phase(of: UnitRoundState(unitID: 102), at: F.at(13, 12)) == .closed)
        // The reopening ends with its day, and says so.
        #expect(round.phase(of: reopened, at: F.at(15, 12, 0, 0, 1)) == .closed)
        #expect(
            change(F.at(15, 12, 0, 0, 1), unit: reopened)
                == .deny(Message("assessment.window.reopening_ended", ["until": "14/12/2023"])))
    }

    @Test func reopeningASubmittedUnitWithdrawsItsSubmission() throws {
        let submitted = UnitRoundState(
            unitID: 101,
            submission: Submission(
                submittedAt: F.at(5, 12), submittedBy: 1010, signedReport: EvidenceRef(evidenceID: 1)))
        let reopened = try RoundRules.reopen(
            round, unit: submitted, until: F.day(8, 12), reason: "Đơn vị xin sửa tiêu chí 2.2", by: F.reviewer,
            at: F.at(6, 12)
        ).get().unit
        #expect(reopened.submission == nil)
        #expect(change(F.at(6, 12), unit: reopened) == .allow)
        // Reopened "until 8/12" while the round runs to 10/12: the round's own closing still applies.
        #expect(change(F.at(10, 12, 23, 0), unit: reopened) == .allow)
        #expect(
            change(F.at(11, 12, 0, 0, 1), unit: reopened)
                == .deny(Message("assessment.window.closed", ["closes_on": "10/12/2023"])))
    }

    @Test func roundsRoundTripThroughJSON() throws {
        var published = round
        published.publishedAt = F.at(20, 2, year: 2024)
        let data = try JSONEncoder().encode(published)
        let decoded = try JSONDecoder().decode(AssessmentRound.self, from: data)
        #expect(decoded == published)
        #expect(String(decoding: data, as: UTF8.self).contains("\"closesOn\":\"2023-12-10\""))
        #expect(String(decoding: data, as: UTF8.self).contains("\"tieRule\":\"share_rank\""))
        #expect(decoded.scoreStep == Points(hundredths: 25))
    }
}
