import Foundation
import PartrackDomain
import Testing

@Suite("Self-assessment: owners score their areas, drafts come from the plan, the leader submits")
struct SelfAssessmentTests {
    typealias F = AssessmentFixture
    let p = AssessmentFixture.p
    let round = AssessmentFixture.round()
    let unit = UnitRoundState(unitID: 101)
    let official = AssessmentFixture.at(25, 11)

    func record(
        _ entry: SelfScore, _ code: String, by user: ActingUser, ownership: AreaOwnership = F.ownership(101),
        unit: UnitRoundState? = nil, at instant: Date? = nil
    ) -> Result<SelfScore, AssessmentRefusal> {
        SelfAssessment.record(
            entry, code: code, unit: unit ?? self.unit, round: round, catalog: F.catalog, ownership: ownership,
            by: user,
            at: instant ?? official)
    }

    // MARK: Who scores what

    @Test func onlyTheAreasOwnerScoresIt() throws {
        #expect(try record(F.entry("2"), "1.1", by: F.officeOfficer(101)).get().score == Points(2))
        // The justice officer does not own area 1, and the leader does not overwrite the owner.
        let notOwner = Message("assessment.access.not_owner", ["code": "1.1", "owner": "Văn phòng – Thống kê"])
        #expect(record(F.entry("2"), "1.1", by: F.justiceOfficer(101)).refused?.message == notOwner)
        #expect(record(F.entry("2"), "1.1", by: F.leader(101)).refused?.message == notOwner)
        #expect(try record(F.entry("3"), "2.2", by: F.justiceOfficer(101)).get().score == Points(3))
    }

    @Test func criteriaWithoutAnOwnerAreScoredByTheLeader() throws {
        let onlyArea1 = AreaOwnership(owners: ["1": AreaOwner(positionID: 1011, title: "Văn phòng – Thống kê")])
        #expect(try record(F.entry("3"), "2.2", by: F.leader(101), ownership: onlyArea1).get().score == Points(3))
        #expect(
            record(F.entry("3"), "2.2", by: F.justiceOfficer(101), ownership: onlyArea1).refused?.message
                == Message("assessment.access.no_owner_leader_scores", ["code": "2.2"]))
    }

    @Test func reviewersAdminsAndOtherUnitsNeverSelfScore() {
        #expect(
            record(F.entry("2"), "1.1", by: F.reviewer).refused?.message
                == Message("assessment.access.reviewer_does_not_self_score"))
        let admin = ActingUser(userID: 99, role: .admin, unitID: 1)
        #expect(
            record(F.entry("2"), "1.1", by: admin).refused?.message == Message("assessment.access.admin_does_not_score")
        )
        #expect(
            record(F.entry("2"), "1.1", by: F.officeOfficer(102)).refused?.message
                == Message("assessment.access.other_unit"))
        var inactive = F.officeOfficer(101)
        inactive.active = false
        #expect(record(F.entry("2"), "1.1", by: inactive).refused?.message == Message("access.inactive"))
    }

    @Test func seed002OwnersWithACriterionOwnedInsideAnotherOfficesArea() {
        // Lào Cai (seed 002): Sở Nội vụ areas 1, 4, 5; Sở Tư pháp 2; Văn phòng UBND 3 and the criterion of tasks
        // assigned by the Government (here 1.6, inside area 1); Sở Tài chính 6; Sở TT&TT 7; Sở KH&ĐT 8.
        let offices = [
            (1, "Sở Nội vụ"), (2, "Sở Tư pháp"), (3, "Văn phòng UBND tỉnh"), (6, "Sở Tài chính"),
            (7, "Sở Thông tin và Truyền thông"), (8, "Sở Kế hoạch và Đầu tư"),
        ]
        var owners: [String: AreaOwner] = [:]
        for (id, title) in offices { owners["\(id)"] = AreaOwner(positionID: id, title: title) }
        owners["4"] = owners["1"]
        owners["5"] = owners["1"]
        owners["1.6"] = owners["3"]
        let ownership = AreaOwnership(owners: owners)
        #expect(ownership.owner(of: "1.2.3")?.title == "Sở Nội vụ")
        #expect(ownership.owner(of: "1.6")?.title == "Văn phòng UBND tỉnh")
        #expect(ownership.owner(of: "1.6.1")?.title == "Văn phòng UBND tỉnh")
        #expect(ownership.owner(of: "5.1")?.title == "Sở Nội vụ")
        #expect(ownership.owner(of: "8.2.1")?.title == "Sở Kế hoạch và Đầu tư")
        #expect(ownership.owner(of: "9.1") == nil)
        let noiVu = ActingUser(userID: 5, role: .officer, unitID: 1, positionIDs: [1])
        #expect(AssessmentPolicy.maySelfScore(noiVu, unitID: 1, code: "4.1", ownership: ownership) == .allow)
        #expect(
            AssessmentPolicy.maySelfScore(noiVu, unitID: 1, code: "1.6.1", ownership: ownership)
                == .deny(Message("assessment.access.not_owner", ["code": "1.6.1", "owner": "Văn phòng UBND tỉnh"])))
        // Against the fixture catalog, codes 4 … 8 and 1.6 do not exist.
        #expect(
            ownership.problems(for: F.catalog)
                == ["1.6", "4", "5", "6", "7", "8"].map {
                    Message("assessment.ownership.unknown_criterion", ["code": $0])
                })
        #expect(F.ownership(101).problems(for: F.catalog).isEmpty)
    }

    @Test func onlyTheLeaderAssignsOwners() {
        #expect(AssessmentPolicy.mayAssignOwners(F.leader(101), unitID: 101) == .allow)
        #expect(
            AssessmentPolicy.mayAssignOwners(F.officeOfficer(101), unitID: 101)
                == .deny(Message("assessment.access.leader_only.assign_owners")))
        #expect(
            AssessmentPolicy.mayAssignOwners(F.leader(102), unitID: 101)
                == .deny(Message("assessment.access.other_unit")))
    }

    // MARK: What may be recorded

    @Test func onlyScoredLeavesInRangeAndInStepsAreRecorded() {
        let officer = F.officeOfficer(101)
        #expect(
            record(F.entry("1"), "9.9", by: officer).refused?.message
                == Message("assessment.criterion.unknown", ["code": "9.9"]))
        #expect(
            record(F.entry("1"), "1.2", by: officer).refused?.message
                == Message("assessment.criterion.not_leaf", ["code": "1.2"]))
        // 3.1 is the survey; its owner would be nobody, so the leader tries it.
        #expect(
            record(F.entry("1"), "3.1", by: F.leader(101)).refused?.message
                == Message("assessment.criterion.is_survey", ["code": "3.1"]))
        #expect(record(F.entry("1.3"), "1.1", by: officer).refused?.message.key == "assessment.score.off_step")
        #expect(record(F.entry("3.25"), "1.1", by: officer).refused?.message.key == "assessment.score.above_maximum")
    }

    @Test func recordingIsRefusedOutsideTheWindowWithTheWindowsMessage() {
        let officer = F.officeOfficer(101)
        #expect(try! record(F.entry("1"), "1.1", by: officer, at: F.at(15, 11)).get().score == Points(1))  // trial
        #expect(
            record(F.entry("1"), "1.1", by: officer, at: F.at(11, 12, 0, 0, 1)).refused?.message
                == Message("assessment.window.closed", ["closes_on": "10/12/2023"]))
        #expect(record(F.entry("1"), "1.1", by: officer, at: F.at(10, 12, 23, 59, 59)).refused == nil)
    }

    @Test func whatIsStoredIsConfirmedTrimmedAndListsEachEvidenceOnce() throws {
        let entry = SelfScore(
            score: Points(2), explanation: "  Đã ban hành kế hoạch số 12/KH-UBND  ",
            evidence: [
                EvidenceRef(evidenceID: 5, pointer: "tr. 3 "), EvidenceRef(evidenceID: 5, pointer: "tr. 3"),
                EvidenceRef(evidenceID: 5, pointer: "tr. 4"), EvidenceRef(evidenceID: 8, taskID: 41),
            ],
            source: .suggested)
        let stored = try record(entry, "1.1", by: F.officeOfficer(101)).get()
        #expect(stored.source == .owner)
        #expect(stored.explanation == "Đã ban hành kế hoạch số 12/KH-UBND")
        #expect(
            stored.evidence == [
                EvidenceRef(evidenceID: 5, pointer: "tr. 3"), EvidenceRef(evidenceID: 5, pointer: "tr. 4"),
                EvidenceRef(evidenceID: 8, taskID: 41),
            ])
    }

    // MARK: What may be submitted

    @Test func everyCriterionThatCannotBeSubmittedIsListedWithWhy() {
        let scores: [String: SelfScore] = [
            // 1.1 missing entirely.
            "1.2.1": SelfScore(score: Points(2), source: .suggested),  // evidence-less suggestion: explanation first
            "1.2.2": SelfScore(score: Points(3), evidence: [EvidenceRef(evidenceID: 1)], source: .suggested),
            "2.1": SelfScore(score: p("1.5"), explanation: "ok ..."),  // too short to explain anything
            "2.2": SelfScore(score: .zero),  // zero needs nothing
            "3.1": SelfScore(score: Points(4)),
            "1.2": SelfScore(score: Points(4)),
            "9.9": SelfScore(score: Points(1)),
        ]
        let problems = SelfAssessmentCheck.problems(catalog: F.catalog, scores: scores, step: Points(hundredths: 25))
        #expect(problems.map(\.code) == ["1.1", "1.2.1", "1.2.2", "2.1", "1.2", "3.1", "9.9"])
        #expect(
            problems.map(\.kind) == [
                .notScored, .needsEvidenceOrExplanation, .suggestionNotConfirmed, .needsEvidenceOrExplanation,
                .notAScoredCriterion, .notAScoredCriterion, .notAScoredCriterion,
            ])
        #expect(problems[0].message == Message("assessment.self.not_scored", ["code": "1.1"]))
        #expect(
            problems[3].message
                == Message(
                    "assessment.self.needs_evidence_or_explanation", ["code": "2.1", "score": "1,5", "minimum": "10"]))
        #expect(
            problems[2].message == Message("assessment.self.suggestion_not_confirmed", ["code": "1.2.2", "score": "3"]))
        #expect(problems[5].message == Message("assessment.criterion.is_survey", ["code": "3.1"]))
    }

    @Test func anExplanationStandsInForMissingEvidence() {
        var scores = Dictionary(uniqueKeysWithValues: F.scoredCodes.map { ($0, F.entry("1")) })
        scores["2.1"] = SelfScore(score: Points(1), explanation: "Văn bản đang trình ký, sẽ bổ sung")
        #expect(SelfAssessmentCheck.problems(catalog: F.catalog, scores: scores, step: Points(hundredths: 25)).isEmpty)
        scores["2.1"] = SelfScore(score: Points(1), explanation: "- - - . . .")
        #expect(
            SelfAssessmentCheck.problems(catalog: F.catalog, scores: scores, step: Points(hundredths: 25)).count == 1)
    }

    @Test func theLeaderSubmitsWithTheSignedReportAndTheScoresFreeze() throws {
        let scores = Dictionary(uniqueKeysWithValues: F.scoredCodes.map { ($0, F.entry("1")) })
        let signed = EvidenceRef(evidenceID: 77, pointer: "Báo cáo số 45/BC-UBND")
        func submit(_ scores: [String: SelfScore], _ report: EvidenceRef?, by user: ActingUser, at instant: Date)
            -> Result<UnitRoundState, AssessmentRefusal>
        {
            SelfAssessment.submit(
                unit: unit, scores: scores, signedReport: report, round: round, catalog: F.catalog, by: user,
                at: instant)
        }
        #expect(
            submit(scores, signed, by: F.officeOfficer(101), at: F.at(5, 12)).refused?.message
                == Message("assessment.access.leader_only.submit"))
        #expect(
            submit(scores, signed, by: F.leader(102), at: F.at(5, 12)).refused?.message
                == Message("assessment.access.other_unit"))
        #expect(
            submit(scores, signed, by: F.reviewer, at: F.at(5, 12)).refused?.message
                == Message("assessment.access.leader_only.submit"))
        #expect(
            submit(scores, signed, by: F.leader(101), at: F.at(15, 11)).refused?.message
                == Message("assessment.submit.during_trial", ["official_from": "21/11/2023"]))
        #expect(
            submit(scores, nil, by: F.leader(101), at: F.at(5, 12)).refused?.message
                == Message("assessment.submit.signed_report_missing"))
        var incomplete = scores
        incomplete["2.2"] = nil
        incomplete["2.1"] = SelfScore(score: Points(1))
        let refusal = try #require(submit(incomplete, signed, by: F.leader(101), at: F.at(5, 12)).refused)
        #expect(refusal.message == Message("assessment.submit.problems", ["count": "2"]))
        #expect(
            refusal.details.map(\.key) == [
                "assessment.self.needs_evidence_or_explanation", "assessment.self.not_scored",
            ])

        let submitted = try submit(scores, signed, by: F.leader(101), at: F.at(5, 12, 14, 20)).get()
        #expect(
            submitted.submission
                == Submission(submittedAt: F.at(5, 12, 14, 20), submittedBy: 1010, signedReport: signed))
        #expect(
            record(F.entry("2"), "1.1", by: F.officeOfficer(101), unit: submitted).refused?.message
                == Message("assessment.self.submitted", ["at": "05/12/2023 14:20"]))
        #expect(round.selfScoresFrozen(submitted, at: F.at(5, 12, 14, 21)))
    }

    // MARK: The draft from the plan

    @Test func theDraftTakesEarnedPointsRoundedDownToTheStep() throws {
        // As of 20/11/2023, λ = 50 %:
        //   1.1 (max 3): tasks 1, 2 done on time, 3 done late, 4 open → 3 × (1 + 1 + 0.5 + 0)/4 = 1.875 → 1.88
        //        earned → suggested 1.75 (rounded down to the quarter).
        //   1.2.1 (max 2): no task, no baseline → 0, suggested 0.
        //   1.2.2 (max 3): task 7 done on time → 3 → suggested 3, replacing an older suggestion of 2.
        //   2.1 (max 3): no task, last year's appraised 2.6 → earned 2.6 → suggested 2.5.
        //   2.2 (max 4): the owner already entered 3.5 → kept, though task 5 done of 5, 6 would suggest 2.
        //   3.1: survey → no suggestion.
        let tasks = [
            ProjectionTask(
                id: 1, title: "Ban hành kế hoạch CCHC năm 2023", state: .done, due: F.day(31, 1),
                completedAt: F.at(30, 1), links: [CriterionLink(code: "1.1")]),
            ProjectionTask(
                id: 2, title: "Ban hành kế hoạch tuyên truyền CCHC", state: .done, due: F.day(28, 2),
                completedAt: F.at(20, 2), links: [CriterionLink(code: "1.1")]),
            ProjectionTask(
                id: 3, title: "Kế hoạch tự kiểm tra", state: .done, due: F.day(31, 3), completedAt: F.at(10, 4),
                links: [CriterionLink(code: "1.1")]),
            ProjectionTask(
                id: 4, title: "Báo cáo tổng kết", state: .inProgress, due: F.day(15, 12),
                links: [CriterionLink(code: "1.1")]),
            ProjectionTask(
                id: 5, title: "Rà soát văn bản", state: .done, due: F.day(30, 6), completedAt: F.at(1, 6),
                links: [CriterionLink(code: "2.2")]),
            ProjectionTask(
                id: 6, title: "Hệ thống hóa văn bản", state: .notStarted, due: F.day(15, 12),
                links: [CriterionLink(code: "2.2")]),
            ProjectionTask(
                id: 7, title: "Tự kiểm tra CCHC", state: .done, due: F.day(30, 9), completedAt: F.at(1, 9),
                links: [CriterionLink(code: "1.2.2")]),
        ]
        let projection = ProjectionEngine.project(
            ProjectionInput(catalog: F.catalog, tasks: tasks, baselines: ["2.1": p("2.6")], asOf: F.at(20, 11)))
        #expect(projection.node("1.1")?.figures.earned == p("1.88"))
        let evidence: [String: [EvidenceRef]] = [
            "1.1": [
                EvidenceRef(evidenceID: 51, pointer: "tr. 1", taskID: 1),
                EvidenceRef(evidenceID: 51, pointer: "tr. 1", taskID: 1),
                EvidenceRef(evidenceID: 52, taskID: 2),
            ]
        ]
        let existing: [String: SelfScore] = [
            "1.2.2": SelfScore(score: Points(2), source: .suggested),
            "2.2": SelfScore(score: p("3.5"), explanation: "Đã rà soát 14 văn bản", source: .owner),
        ]
        let draft = SelfAssessmentDraft.prefill(
            from: projection, step: round.scoreStep, evidence: evidence, existing: existing)
        #expect(draft.keys.sorted() == ["1.1", "1.2.1", "1.2.2", "2.1", "2.2"])
        #expect(
            draft["1.1"]
                == SelfScore(
                    score: p("1.75"),
                    evidence: [
                        EvidenceRef(evidenceID: 51, pointer: "tr. 1", taskID: 1),
                        EvidenceRef(evidenceID: 52, taskID: 2),
                    ],
                    source: .suggested))
        #expect(draft["1.2.1"] == SelfScore(score: .zero, source: .suggested))
        #expect(draft["1.2.2"]?.score == Points(3))
        #expect(draft["2.1"]?.score == p("2.5"))
        #expect(draft["2.2"] == existing["2.2"])
        // A draft is not submittable until each suggestion is confirmed by its owner (2.1 and 1.2.2 also lack
        // evidence, which is said first).
        let problems = SelfAssessmentCheck.problems(catalog: F.catalog, scores: draft, step: round.scoreStep)
        #expect(problems.map(\.code) == ["1.1", "1.2.1", "1.2.2", "2.1"])
        #expect(
            problems.map(\.kind) == [
                .suggestionNotConfirmed, .suggestionNotConfirmed, .needsEvidenceOrExplanation,
                .needsEvidenceOrExplanation,
            ])
        // Confirming is recording it as the owner.
        let confirmed = try record(draft["1.1"]!, "1.1", by: F.officeOfficer(101)).get()
        #expect(confirmed.source == .owner && confirmed.score == p("1.75"))
    }

    @Test func selfScoresRoundTripThroughJSON() throws {
        let entry = SelfScore(
            score: p("1.75"), explanation: "Giải trình",
            evidence: [EvidenceRef(evidenceID: 3, pointer: "mục II", taskID: 9)])
        let data = try JSONEncoder().encode(entry)
        #expect(try JSONDecoder().decode(SelfScore.self, from: data) == entry)
        #expect(String(decoding: data, as: UTF8.self).contains("\"score\":1.75"))
    }
}
