import Foundation
import PartrackDomain
import Testing

@Suite("Appraisal: assigned members accept or change with a reason, ask for evidence, and the secretary follows")
struct AppraisalTests {
    typealias F = AssessmentFixture
    let p = AssessmentFixture.p
    let round = AssessmentFixture.round()
    let appraisalDay = AssessmentFixture.at(15, 12)

    func appraise(
        _ decision: AppraisalDecision, _ code: String, unit: UnitAssessment, by user: ActingUser? = nil,
        at instant: Date? = nil
    ) -> Result<Appraisal, AssessmentRefusal> {
        AppraisalRules.appraise(
            decision, code: code, unit: unit.state, selfScore: unit.selfScores[code], round: round, catalog: F.catalog,
            council: F.council, by: user ?? F.appraiser(of: code), at: instant ?? appraisalDay)
    }

    @Test func acceptingKeepsTheSelfScore() throws {
        let anBinh = try F.submitted(101, round: round)
        let accepted = try appraise(.accept, "1.1", unit: anBinh).get()
        #expect(
            accepted
                == Appraisal(
                    score: Points(3), selfScore: Points(3), reason: nil, appraiserID: 11, appraisedAt: appraisalDay))
        #expect(accepted.isChange == false)
        // Setting the same score as the unit's is accepting; no reason is needed.
        #expect(try appraise(.score(Points(3), reason: ""), "1.1", unit: anBinh).get().reason == nil)
    }

    @Test func aChangedScoreNeedsAReason() throws {
        let anBinh = try F.submitted(101, round: round)
        let needsReason = Message(
            "assessment.appraisal.reason_required", ["code": "2.2", "self_score": "4", "score": "3,5", "minimum": "10"])
        #expect(appraise(.score(p("3.5"), reason: ""), "2.2", unit: anBinh).refused?.message == needsReason)
        #expect(appraise(.score(p("3.5"), reason: " thiếu "), "2.2", unit: anBinh).refused?.message == needsReason)
        let changed = try appraise(.score(p("3.5"), reason: " Thiếu 01 văn bản rà soát quý IV "), "2.2", unit: anBinh)
            .get()
        #expect(changed.score == p("3.5") && changed.selfScore == Points(4) && changed.isChange)
        #expect(changed.reason == "Thiếu 01 văn bản rà soát quý IV")
        #expect(changed.appraiserID == F.tuPhap.userID)
        // Appraised scores follow the same range and steps.
        #expect(
            appraise(.score(p("3.6"), reason: "Thiếu 01 văn bản rà soát"), "2.2", unit: anBinh).refused?.message.key
                == "assessment.score.off_step")
    }

    @Test func onlyTheAssignedMemberAppraisesACriterion() throws {
        let anBinh = try F.submitted(101, round: round)
        // 1.2.1 is assigned to Văn phòng HĐND&UBND inside Phòng Nội vụ's area 1.
        #expect(try appraise(.accept, "1.2.1", unit: anBinh, by: F.vanPhong).get().score == Points(2))
        #expect(
            appraise(.accept, "1.2.1", unit: anBinh, by: F.noiVu).refused?.message
                == Message(
                    "assessment.access.not_appraiser",
                    ["code": "1.2.1", "member": "Lê Văn Nam (Văn phòng HĐND&UBND huyện)"]))
        #expect(
            appraise(.accept, "2.1", unit: anBinh, by: F.noiVu).refused?.message
                == Message(
                    "assessment.access.not_appraiser", ["code": "2.1", "member": "Phạm Minh Đức (Phòng Tư pháp)"]))
        // The reviewer and the secretary are not members assigned to anything; the unit never appraises itself.
        #expect(
            appraise(.accept, "1.1", unit: anBinh, by: F.reviewer).refused?.message.key
                == "assessment.access.not_appraiser")
        #expect(
            appraise(.accept, "1.1", unit: anBinh, by: F.secretary).refused?.message.key
                == "assessment.access.not_appraiser")
        let memberFromTheCommune = ActingUser(userID: 11, role: .officer, unitID: 101)
        #expect(
            appraise(.accept, "1.1", unit: anBinh, by: memberFromTheCommune).refused?.message
                == Message("assessment.access.own_unit"))
        let partial = Council(members: F.council.members, assignments: ["1": 11])
        #expect(
            AssessmentPolicy.mayAppraise(F.tuPhap, unitID: 101, code: "2.1", council: partial)
                == .deny(Message("assessment.access.no_appraiser", ["code": "2.1"])))
    }

    @Test func appraisalWaitsUntilTheSelfAssessmentIsFrozen() throws {
        var open = UnitAssessment(unitID: 101, name: "Xã An Bình")
        open.selfScores["1.1"] = F.entry("2")
        let notYet = Message("assessment.appraisal.not_yet_frozen", ["closes_on": "10/12/2023"])
        #expect(appraise(.accept, "1.1", unit: open, at: F.at(1, 12)).refused?.message == notYet)
        // Once the round has closed, the unsubmitted draft is appraised as it stands.
        #expect(try appraise(.accept, "1.1", unit: open, at: F.at(11, 12, 0, 0, 1)).get().score == Points(2))
        // A criterion the unit left unscored has nothing to accept; the member sets a score with a reason.
        #expect(
            appraise(.accept, "2.2", unit: open, at: F.at(12, 12)).refused?.message
                == Message("assessment.appraisal.nothing_to_accept", ["code": "2.2"]))
        #expect(
            appraise(.score(.zero, reason: ""), "2.2", unit: open, at: F.at(12, 12)).refused?.message
                == Message(
                    "assessment.appraisal.reason_required",
                    ["code": "2.2", "self_score": "—", "score": "0", "minimum": "10"]))
        let zero = try appraise(
            .score(.zero, reason: "Đơn vị không tự chấm, không có tài liệu"), "2.2", unit: open, at: F.at(12, 12)
        ).get()
        #expect(zero.score == .zero && zero.selfScore == .zero && zero.reason != nil)
    }

    @Test func surveyCriteriaAndUnitsOutsideTheRoundAreNotAppraised() throws {
        let anBinh = try F.submitted(101, round: round)
        #expect(
            appraise(.accept, "3.1", unit: anBinh, by: F.noiVu).refused?.message
                == Message("assessment.criterion.is_survey", ["code": "3.1"]))
        var stranger = anBinh
        stranger.state.unitID = 999
        #expect(
            appraise(.accept, "1.1", unit: stranger).refused?.message == Message("assessment.round.unit_not_in_round"))
    }

    // MARK: Evidence requests

    @Test func aMemberAsksForEvidenceAndTheOwnerAnswersWithinTheDeadline() throws {
        let anBinh = try F.submitted(101, round: round)
        func ask(_ text: String, by user: ActingUser = F.tuPhap, answerBy: LocalDate? = F.day(20, 12))
            -> Result<EvidenceRequest, AssessmentRefusal>
        {
            EvidenceRequests.ask(
                code: "2.2", text: text, answerBy: answerBy, unit: anBinh.state, round: round, catalog: F.catalog,
                council: F.council, by: user, at: appraisalDay)
        }
        #expect(
            ask("Bổ sung", by: F.tuPhap).refused?.message
                == Message("assessment.request.text_required", ["minimum": "10"]))
        #expect(
            ask("Bổ sung văn bản rà soát quý IV", by: F.noiVu).refused?.message.key == "assessment.access.not_appraiser"
        )
        #expect(
            ask("Bổ sung văn bản rà soát quý IV", answerBy: F.day(14, 12)).refused?.message
                == Message("assessment.request.answer_by_past", ["answer_by": "14/12/2023", "today": "15/12/2023"]))
        let request = try ask(" Bổ sung văn bản rà soát quý IV ").get()
        #expect(request.text == "Bổ sung văn bản rà soát quý IV" && request.isOpen && request.askedBy == 13)

        func answer(_ text: String, _ evidence: [EvidenceRef], by user: ActingUser, at instant: Date)
            -> Result<EvidenceRequest, AssessmentRefusal>
        {
            EvidenceRequests.answer(
                request, text: text, evidence: evidence, round: round, ownership: F.ownership(101), by: user,
                at: instant)
        }
        let file = [EvidenceRef(evidenceID: 300, pointer: "tr. 5")]
        #expect(
            answer("", file, by: F.officeOfficer(101), at: F.at(18, 12)).refused?.message
                == Message("assessment.access.not_owner", ["code": "2.2", "owner": "Tư pháp – Hộ tịch"]))
        #expect(
            answer("", file, by: F.justiceOfficer(102), at: F.at(18, 12)).refused?.message
                == Message("assessment.access.other_unit"))
        #expect(
            answer("Đã có", [], by: F.justiceOfficer(101), at: F.at(18, 12)).refused?.message
                == Message("assessment.request.answer_empty", ["minimum": "10"]))
        #expect(
            answer("", file, by: F.justiceOfficer(101), at: F.at(21, 12, 0, 0, 1)).refused?.message
                == Message("assessment.request.answer_late", ["answer_by": "20/12/2023"]))
        let answered = try answer("", file, by: F.justiceOfficer(101), at: F.at(20, 12, 23, 59, 59)).get()
        #expect(answered.isOpen == false)
        #expect(
            answered.answer
                == EvidenceAnswer(text: "", evidence: file, answeredBy: 1012, answeredAt: F.at(20, 12, 23, 59, 59)))
        // The leader may answer too, but only once per request.
        #expect(
            EvidenceRequests.answer(
                answered, text: "Bổ sung thêm báo cáo", evidence: [], round: round, ownership: F.ownership(101),
                by: F.leader(101),
                at: F.at(20, 12)
            ).refused?.message == Message("assessment.request.already_answered", ["at": "20/12/2023 23:59"]))
        #expect(
            try answer("Lãnh đạo UBND xã gửi bổ sung báo cáo", [], by: F.leader(101), at: F.at(19, 12)).get().answer?
                .answeredBy
                == 1010)
    }

    @Test func aRequestWithoutDeadlineIsAnsweredUntilPublication() throws {
        let anBinh = try F.submitted(101, round: round)
        let request = try EvidenceRequests.ask(
            code: "1.1", text: "Bổ sung quyết định ban hành kế hoạch", answerBy: nil, unit: anBinh.state, round: round,
            catalog: F.catalog, council: F.council, by: F.noiVu, at: appraisalDay
        ).get()
        #expect(
            try EvidenceRequests.answer(
                request, text: "", evidence: [EvidenceRef(evidenceID: 4)], round: round, ownership: F.ownership(101),
                by: F.officeOfficer(101), at: F.at(15, 1, year: 2024)
            ).get().isOpen == false)
        var published = round
        published.publishedAt = F.at(20, 2, year: 2024)
        #expect(
            EvidenceRequests.answer(
                request, text: "", evidence: [EvidenceRef(evidenceID: 4)], round: published,
                ownership: F.ownership(101),
                by: F.officeOfficer(101), at: F.at(21, 2, year: 2024)
            ).refused?.message == Message("assessment.round.published"))
    }

    // MARK: The council and its progress

    @Test func theCouncilOfSeed000IsReadyWhenEveryScoredCriterionHasAMember() {
        #expect(F.council.problems(for: F.catalog).isEmpty)
        #expect(F.council.appraiser(of: "1.2.2")?.office == "Phòng Nội vụ")
        #expect(F.council.appraiser(of: "1.2.1")?.office == "Văn phòng HĐND&UBND huyện")
        #expect(F.council.appraiser(of: "3.1") == nil)  // the survey needs nobody
        // Seed 000's council for the seven areas of the commune index: four offices with Phòng Nội vụ leading.
        let members = [
            CouncilMember(userID: 1, name: "Đào Thị Thủy", office: "Phòng Nội vụ"),
            CouncilMember(userID: 2, name: "Nguyễn Văn Bình", office: "Văn phòng HĐND&UBND huyện"),
            CouncilMember(userID: 3, name: "Lê Thị Cúc", office: "Phòng Tư pháp"),
            CouncilMember(userID: 4, name: "Hoàng Văn Dũng", office: "Phòng Văn hóa và Thông tin"),
            CouncilMember(userID: 5, name: "Vũ Thị Lan", office: "Phòng Tài chính – Kế hoạch"),
        ]
        let hiepHoa = Council(
            members: members, assignments: ["1": 1, "2": 3, "3": 2, "4": 1, "5": 1, "6": 5, "7": 4, "9": 7],
            secretaryUserIDs: [1])
        #expect(
            hiepHoa.problems(for: F.catalog) == [
                Message("assessment.council.unknown_criterion", ["code": "4"]),
                Message("assessment.council.unknown_criterion", ["code": "5"]),
                Message("assessment.council.unknown_criterion", ["code": "6"]),
                Message("assessment.council.unknown_criterion", ["code": "7"]),
                Message("assessment.council.unknown_criterion", ["code": "9"]),
            ])
        // 1.2 given to someone outside the council leaves 1.2.1 and 1.2.2 without an appraiser: the nearest
        // assignment applies, and it names nobody who can appraise.
        let unfinished = Council(members: members + [members[0]], assignments: ["1": 1, "1.2": 8])
        #expect(
            unfinished.problems(for: F.catalog) == [
                Message("assessment.council.member_twice", ["member": "Đào Thị Thủy (Phòng Nội vụ)"]),
                Message("assessment.council.assignee_not_member", ["code": "1.2"]),
                Message("assessment.council.unassigned", ["codes": "1.2.1, 1.2.2, 2.1, 2.2"]),
            ])
    }

    @Test func theSecretarySeesProgressByMemberAreaAndUnit() throws {
        // At 15/12: An Bình fully appraised (2 changes) with one open request on 2.2; Bắc Lý submitted, only area 1
        // appraised by Phòng Nội vụ (1.1 changed, 1.2.2 accepted) and not 1.2.1; the other three never submitted
        // but the round closed on 10/12, so they are frozen and waiting.
        var anBinh = try F.appraised(101, round: round)
        anBinh.evidenceRequests = [
            EvidenceRequest(unitID: 101, code: "2.2", askedBy: 13, askedAt: appraisalDay, text: "Bổ sung văn bản")
        ]
        var bacLy = try F.submitted(102, round: round)
        bacLy.appraisals["1.1"] = try appraise(.score(p("2.5"), reason: "Kế hoạch ban hành muộn"), "1.1", unit: bacLy)
            .get()
        bacLy.appraisals["1.2.2"] = try appraise(.accept, "1.2.2", unit: bacLy).get()
        let others = F.communes.dropFirst(2).map { UnitAssessment(unitID: $0.id, name: $0.name) }
        let progress = AppraisalProgress.of(
            round: round, catalog: F.catalog, council: F.council, units: [anBinh, bacLy] + others, at: appraisalDay)

        // 5 scored criteria × 5 communes = 25; appraised 5 + 2 = 7; changed 2 + 1 = 3.
        #expect(progress.overall.total == 25 && progress.overall.appraised == 7 && progress.overall.changed == 3)
        #expect(progress.overall.openRequests == 1 && progress.isComplete == false)
        #expect(progress.overall.percentHundredths == 2800)

        // By member: Phòng Nội vụ has 1.1 and 1.2.2 (10): An Bình 2 + Bắc Lý 2; Văn phòng 1.2.1 (5): An Bình 1;
        // Phòng Tư pháp 2.1 and 2.2 (10): An Bình 2.
        let byMember = Dictionary(uniqueKeysWithValues: progress.members.map { ($0.member.office, $0) })
        #expect(byMember["Phòng Nội vụ"]?.codes == ["1"])
        #expect(byMember["Phòng Nội vụ"]?.count.total == 10 && byMember["Phòng Nội vụ"]?.count.appraised == 4)
        #expect(byMember["Văn phòng HĐND&UBND huyện"]?.codes == ["1.2.1"])
        #expect(byMember["Văn phòng HĐND&UBND huyện"]?.count.total == 5)
        #expect(byMember["Văn phòng HĐND&UBND huyện"]?.count.appraised == 1)
        #expect(byMember["Phòng Tư pháp"]?.count.appraised == 2 && byMember["Phòng Tư pháp"]?.count.openRequests == 1)

        // By area: area 1 has 3 criteria × 5 = 15, appraised 3 + 2 = 5, and two members (so no single appraiser);
        // area 2: 10, appraised 2, Phòng Tư pháp; area 3 (survey) has nothing to appraise.
        #expect(progress.areas.map(\.code) == ["1", "2", "3"])
        #expect(progress.areas[0].count.total == 15 && progress.areas[0].count.appraised == 5)
        #expect(progress.areas[0].appraiser == nil)
        #expect(progress.areas[1].count.total == 10 && progress.areas[1].count.appraised == 2)
        #expect(progress.areas[1].appraiser?.office == "Phòng Tư pháp")
        #expect(progress.areas[2].count.total == 0 && progress.areas[2].count.isComplete)

        // By unit.
        #expect(progress.units.map(\.count.appraised) == [5, 2, 0, 0, 0])
        #expect(progress.units.map(\.submitted) == [true, true, false, false, false])
        #expect(progress.units.map(\.frozen) == [true, true, true, true, true])

        // The whole district appraised is complete.
        let done = AppraisalProgress.of(
            round: round, catalog: F.catalog, council: F.council, units: try F.district(round: round), at: F.at(20, 12))
        #expect(done.isComplete && done.overall.appraised == 25)
    }

    @Test func anAppraisalMadeBeforeTheUnitWasReopenedNoLongerCountsOnceTheScoreChanges() throws {
        var anBinh = try F.appraised(101, round: round)
        anBinh.selfScores["1.1"]?.score = p("2.5")
        let progress = AppraisalProgress.of(
            round: round, catalog: F.catalog, council: F.council, units: [anBinh], at: F.at(20, 12))
        #expect(progress.overall.appraised == 4)
        #expect(anBinh.currentAppraisal(of: "1.1") == nil && anBinh.currentAppraisal(of: "1.2.1") != nil)
    }

    // MARK: Who sees what

    @Test func readingFollowsMembershipOfTheUnitTheReviewAndTheCouncil() {
        #expect(AssessmentPolicy.mayView(F.officeOfficer(101), unitID: 101, council: nil) == .allow)
        #expect(AssessmentPolicy.mayView(F.reviewer, unitID: 103, council: nil) == .allow)
        #expect(AssessmentPolicy.mayView(F.tuPhap, unitID: 103, council: F.council) == .allow)
        #expect(AssessmentPolicy.mayView(F.secretary, unitID: 103, council: F.council) == .allow)
        #expect(
            AssessmentPolicy.mayView(F.officeOfficer(102), unitID: 101, council: F.council)
                == .deny(Message("assessment.access.view_other_unit")))
        #expect(
            AssessmentPolicy.mayFollowProgress(F.secretary, unitIDs: F.unitIDs, council: F.council) == .allow)
        #expect(AssessmentPolicy.mayFollowProgress(F.reviewer, unitIDs: F.unitIDs, council: F.council) == .allow)
        #expect(
            AssessmentPolicy.mayFollowProgress(F.tuPhap, unitIDs: F.unitIDs, council: F.council)
                == .deny(Message("assessment.access.progress_secretary_only")))
    }

    @Test func unitsSeeResultsOnlyOncePublished() {
        var published = round
        #expect(
            AssessmentPolicy.mayViewResults(F.leader(101), unitID: 101, round: published, council: F.council)
                == .deny(Message("assessment.access.results_not_published")))
        #expect(
            AssessmentPolicy.mayViewResults(F.reviewer, unitID: 101, round: published, council: F.council) == .allow)
        #expect(AssessmentPolicy.mayViewResults(F.noiVu, unitID: 101, round: published, council: F.council) == .allow)
        published.publishedAt = F.at(20, 2, year: 2024)
        #expect(
            AssessmentPolicy.mayViewResults(F.leader(101), unitID: 101, round: published, council: F.council) == .allow)
        #expect(
            AssessmentPolicy.mayViewResults(F.officeOfficer(102), unitID: 101, round: published, council: nil) == .allow
        )
    }

    @Test func reviewerActsAreRefusedToOthersOneSentenceEach() {
        for act in ReviewerAct.allCases {
            #expect(AssessmentPolicy.mayManage(F.reviewer, act, unitIDs: F.unitIDs) == .allow)
            #expect(
                AssessmentPolicy.mayManage(F.leader(101), act, unitIDs: [101])
                    == .deny(Message("assessment.access.reviewer_only.\(act.rawValue)")))
        }
        let admin = ActingUser(userID: 99, role: .admin, unitID: 1)
        #expect(AssessmentPolicy.mayManage(admin, .openRound, unitIDs: F.unitIDs) == .allow)
        #expect(
            AssessmentPolicy.mayManage(F.reviewer, .openRound, unitIDs: F.unitIDs.union([999]))
                == .deny(Message("access.not_reviewed_unit")))
    }

    @Test func surveyPointsAreEnteredByTheReviewerWithinTheLeafsRange() throws {
        func record(_ points: String, _ code: String = "3.1", by user: ActingUser = F.reviewer)
            -> Result<[String: Points], AssessmentRefusal>
        {
            SurveyPoints.record(
                p(points), code: code, into: [:], unitID: 101, round: round, catalog: F.catalog, by: user)
        }
        #expect(try record("4.37").get() == ["3.1": p("4.37")])  // survey points are not held to the step
        #expect(
            record("5.01").refused?.message
                == Message("assessment.survey.out_of_range", ["code": "3.1", "points": "5,01", "maximum": "5"]))
        #expect(
            record("2", "2.1").refused?.message == Message("assessment.survey.not_survey_criterion", ["code": "2.1"]))
        #expect(
            record("2", by: F.leader(101)).refused?.message == Message("assessment.access.reviewer_only.enter_survey"))
    }
}
