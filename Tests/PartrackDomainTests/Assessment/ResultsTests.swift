import Foundation
import PartrackDomain
import Testing

@Suite("Compiling and ranking a round: the five communes of the fixture, worked by hand")
struct ResultsTests {
    typealias F = AssessmentFixture
    let p = AssessmentFixture.p

    func compile(_ rule: TieRule = .shareRank) throws -> CompiledResults {
        let round = F.round(tieRule: rule)
        return try ResultsCompiler.compile(
            round: round, catalog: F.catalog, units: try F.district(round: round), by: F.reviewer,
            at: F.at(10, 1, year: 2024)
        ).get()
    }

    @Test func compilingGivesEachCommunesFiguresAsWorkedByHand() throws {
        let results = try compile()
        // (self total, area 1, area 2, survey, total, percent in hundredths, class) from the table in the fixture.
        let expected: [Int: (String, String, String, String, String, Int, String)] = [
            101: ("15", "7.5", "6.5", "4.5", "18.5", 9250, "Tốt"),
            102: ("14.5", "7", "7", "4.5", "18.5", 9250, "Tốt"),
            103: ("13", "7", "5.25", "4", "16.25", 8125, "Khá"),
            104: ("12.5", "7", "5.5", "3.75", "16.25", 8125, "Khá"),
            105: ("8", "4", "3", "3.2", "10.2", 5100, "Trung bình"),
        ]
        #expect(results.units.count == 5)
        for (unitID, figures) in expected {
            let unit = try #require(results.unit(unitID))
            #expect(unit.selfTotal == p(figures.0), "\(unit.name)")
            #expect(unit.node("1")?.appraised == p(figures.1), "\(unit.name)")
            #expect(unit.node("2")?.appraised == p(figures.2), "\(unit.name)")
            #expect(unit.surveyTotal == p(figures.3), "\(unit.name)")
            #expect(unit.node("3")?.appraised == p(figures.3), "\(unit.name)")
            #expect(unit.total == p(figures.4), "\(unit.name)")
            #expect(unit.appraisedTotal == p(figures.4) - p(figures.3), "\(unit.name)")
            #expect(unit.percentHundredths == figures.5, "\(unit.name)")
            #expect(unit.className == figures.6, "\(unit.name)")
            #expect(unit.maximum == Points(20))
        }
    }

    @Test func eachCriterionShowsSelfBesideAppraisedWithTheCouncilsReason() throws {
        let anBinh = try #require(try compile().unit(101))
        // An Bình: 1.2.2 self 3 → 2.5 with a reason; 1.1 accepted.
        let changed = try #require(anBinh.node("1.2.2"))
        #expect(changed.selfScore == Points(3))
        #expect(changed.appraised == p("2.5"))
        #expect(changed.reason == "Tài liệu kiểm chứng chưa đầy đủ")
        #expect(changed.percentHundredths == 8333)  // 2.5 of 3 = 83.33 %
        let accepted = try #require(anBinh.node("1.1"))
        #expect(accepted.selfScore == Points(3) && accepted.appraised == Points(3) && accepted.reason == nil)
        // Criterion 1.2 = 1.2.1 + 1.2.2: self 2 + 3 = 5, appraised 2 + 2.5 = 4.5.
        let criterion = try #require(anBinh.node("1.2"))
        #expect(criterion.selfScore == Points(5) && criterion.appraised == p("4.5"))
        #expect(criterion.depth == 2 && criterion.parentCode == "1" && !criterion.isLeaf)
        // Area 1 self 3 + 2 + 3 = 8; area 2 self 3 + 4 = 7.
        #expect(anBinh.node("1")?.selfScore == Points(8))
        #expect(anBinh.node("2")?.selfScore == Points(7))
        // The survey leaf and its area have no self score.
        #expect(anBinh.node("3.1")?.selfScore == nil && anBinh.node("3.1")?.isSurvey == true)
        #expect(anBinh.node("3")?.selfScore == nil && anBinh.node("3")?.isSurvey == true)
        #expect(anBinh.node("1")?.isSurvey == false)
        #expect(anBinh.nodes.map(\.code) == ["1", "1.1", "1.2", "1.2.1", "1.2.2", "2", "2.1", "2.2", "3", "3.1"])
        #expect(anBinh.areas.map(\.code) == ["1", "2", "3"])
    }

    @Test func equalTotalsShareTheirRankAndTheNextIsSkipped() throws {
        let results = try compile(.shareRank)
        // An Bình and Bắc Lý 18.5 → 1, 1; Cao Sơn and Đông Lỗ 16.25 → 3, 3; Hòa Sơn 5.
        let ranks = Dictionary(uniqueKeysWithValues: results.units.map { ($0.unitID, $0.rank.description) })
        #expect(ranks == [101: "1/5", 102: "1/5", 103: "3/5", 104: "3/5", 105: "5/5"])
        // Shared positions list in name order.
        #expect(results.units.map(\.name) == ["Xã An Bình", "Xã Bắc Lý", "Xã Cao Sơn", "Xã Đông Lỗ", "Xã Hòa Sơn"])
        #expect(results.tieRule == .shareRank)
    }

    @Test func equalTotalsOrderedByAreaOneThenAreaTwo() throws {
        let results = try compile(.areasInOrder)
        // An Bình beats Bắc Lý in area 1 (7.5 > 7); Đông Lỗ beats Cao Sơn in area 2 after a tie in area 1
        // (5.5 > 5.25).
        let ranks = Dictionary(uniqueKeysWithValues: results.units.map { ($0.unitID, $0.rank.description) })
        #expect(ranks == [101: "1/5", 102: "2/5", 104: "3/5", 103: "4/5", 105: "5/5"])
        #expect(results.units.map(\.name) == ["Xã An Bình", "Xã Bắc Lý", "Xã Đông Lỗ", "Xã Cao Sơn", "Xã Hòa Sơn"])
    }

    @Test func unitsEqualInEveryAreaStillShareUnderTheAreaRule() throws {
        // A sixth commune scored exactly as An Bình ties with it in every area.
        var round = F.round(tieRule: .areasInOrder)
        round.unitIDs.insert(106)
        var twin = try F.appraised(101, round: round)
        twin.unitID = 106
        twin.name = "Xã Xuân Cẩm"
        twin.state.unitID = 106
        let units = try F.district(round: round) + [twin]
        var reviewer = F.reviewer
        reviewer.reviewedUnitIDs.insert(106)
        let results = try ResultsCompiler.compile(
            round: round, catalog: F.catalog, units: units, by: reviewer, at: F.at(10, 1, year: 2024)
        ).get()
        let ranks = Dictionary(uniqueKeysWithValues: results.units.map { ($0.unitID, $0.rank.description) })
        #expect(ranks == [101: "1/6", 106: "1/6", 102: "3/6", 104: "4/6", 103: "5/6", 105: "6/6"])
    }

    @Test func compilingWaitsForEveryAppraisalAndSurveyAndSaysWhatIsMissing() throws {
        let round = F.round()
        var units = try F.district(round: round)
        units[0].appraisals["2.2"] = nil  // An Bình: 2.2 not appraised
        units[1].surveyPoints = [:]  // Bắc Lý: no survey
        units.removeLast()  // Hòa Sơn left out
        let refusal = try #require(
            ResultsCompiler.compile(
                round: round, catalog: F.catalog, units: units, by: F.reviewer, at: F.at(10, 1, year: 2024)
            )
            .refused)
        #expect(refusal.message == Message("assessment.compile.incomplete", ["count": "3"]))
        #expect(
            refusal.details == [
                Message("assessment.compile.not_appraised", ["unit": "Xã An Bình", "codes": "2.2"]),
                Message("assessment.compile.survey_missing", ["unit": "Xã Bắc Lý", "codes": "3.1"]),
                Message("assessment.compile.units_missing", ["count": "1", "ids": "105"]),
            ])
    }

    @Test func aUnitStillOpenOrListedTwiceOrOutsideTheRoundCannotBeCompiled() throws {
        let round = F.round()
        var units = try F.district(round: round)
        units[2].state.submission = nil  // Cao Sơn withdrawn, and the round still open on 1/12
        units.append(units[0])
        units.append(UnitAssessment(unitID: 999, name: "Xã Ngoài"))
        let refusal = try #require(
            ResultsCompiler.compile(round: round, catalog: F.catalog, units: units, by: F.reviewer, at: F.at(1, 12))
                .refused)
        #expect(
            refusal.details == [
                Message("assessment.compile.unit_open", ["unit": "Xã Cao Sơn"]),
                Message("assessment.compile.unit_twice", ["unit": "Xã An Bình"]),
                Message("assessment.compile.unit_not_in_round", ["unit": "Xã Ngoài"]),
            ])
    }

    @Test func anAppraisalMadeBeforeTheSelfScoreChangedMustBeRedone() throws {
        let round = F.round()
        var units = try F.district(round: round)
        // Đông Lỗ was reopened and its owner raised 2.2 from 2.5 to 3 after the council had accepted 2.5.
        units[3].selfScores["2.2"]?.score = Points(3)
        let refusal = try #require(
            ResultsCompiler.compile(
                round: round, catalog: F.catalog, units: units, by: F.reviewer, at: F.at(10, 1, year: 2024)
            )
            .refused)
        #expect(
            refusal.details == [Message("assessment.compile.stale_appraisal", ["unit": "Xã Đông Lỗ", "codes": "2.2"])])
    }

    @Test func surveyPointsOutOfRangeAreCaughtAtCompileTime() throws {
        let round = F.round()
        var units = try F.district(round: round)
        units[4].surveyPoints["3.1"] = Points(6)  // stored by an older version, above the maximum of 5
        let refusal = try #require(
            ResultsCompiler.compile(
                round: round, catalog: F.catalog, units: units, by: F.reviewer, at: F.at(10, 1, year: 2024)
            )
            .refused)
        #expect(
            refusal.details == [
                Message("assessment.compile.survey_invalid", ["unit": "Xã Hòa Sơn", "code": "3.1", "points": "6"])
            ])
    }

    @Test func onlyTheReviewerCompilesAndPublishes() throws {
        let round = F.round()
        let units = try F.district(round: round)
        let compiled = ResultsCompiler.compile(
            round: round, catalog: F.catalog, units: units, by: F.secretary, at: F.at(10, 1, year: 2024))
        #expect(compiled.refused?.message == Message("assessment.access.reviewer_only.compile"))
        let published = ResultsPublication.publish(
            round: round, catalog: F.catalog, units: units, by: F.leader(101), at: F.at(20, 2, year: 2024))
        #expect(published.refused?.message == Message("assessment.access.reviewer_only.publish"))
        let otherDistrict = ActingUser(userID: 2, role: .reviewer, unitID: 200, reviewedUnitIDs: [101])
        #expect(
            ResultsCompiler.compile(
                round: round, catalog: F.catalog, units: units, by: otherDistrict, at: F.at(10, 1, year: 2024)
            )
            .refused?.message == Message("access.not_reviewed_unit"))
    }

    @Test func publishedResultsAreReadOnlyEverywhere() throws {
        let round = F.round()
        var units = try F.district(round: round)
        let publication = try ResultsPublication.publish(
            round: round, catalog: F.catalog, units: units, by: F.reviewer, at: F.at(20, 2, 10, 0, year: 2024)
        ).get()
        let published = publication.round
        #expect(published.isPublished && published.phase(at: F.at(21, 2, year: 2024)) == .published)
        #expect(publication.event == Message("assessment.event.published", ["units": "5", "at": "20/02/2024 10:00"]))
        #expect(publication.results.publishedBy == F.reviewer.userID)
        let readOnly = Message("assessment.round.published")
        let later = F.at(21, 2, year: 2024)

        // Compiling or publishing again.
        #expect(
            ResultsCompiler.compile(round: published, catalog: F.catalog, units: units, by: F.reviewer, at: later)
                .refused?.message == readOnly)
        #expect(
            ResultsPublication.publish(round: published, catalog: F.catalog, units: units, by: F.reviewer, at: later)
                .refused?.message == readOnly)
        // Appraising, changing a self score, reopening, entering survey points, asking for evidence.
        #expect(
            AppraisalRules.appraise(
                .score(Points(1), reason: "Sửa sau khi công bố kết quả"), code: "1.1", unit: units[0].state,
                selfScore: units[0].selfScores["1.1"], round: published, catalog: F.catalog, council: F.council,
                by: F.noiVu,
                at: later
            ).refused?.message == readOnly)
        units[0].state.submission = nil
        #expect(
            SelfAssessment.record(
                F.entry("1"), code: "1.1", unit: units[0].state, round: published, catalog: F.catalog,
                ownership: F.ownership(101), by: F.officeOfficer(101), at: later
            ).refused?.message == readOnly)
        #expect(
            RoundRules.reopen(
                published, unit: units[0].state, until: F.day(1, 3, 2024), reason: "Đơn vị đề nghị sửa điểm",
                by: F.reviewer, at: later
            ).refused?.message == readOnly)
        #expect(
            SurveyPoints.record(
                Points(5), code: "3.1", into: [:], unitID: 101, round: published, catalog: F.catalog, by: F.reviewer
            ).refused?.message == readOnly)
        #expect(
            EvidenceRequests.ask(
                code: "1.1", text: "Bổ sung kế hoạch đã ký", answerBy: nil, unit: units[0].state, round: published,
                catalog: F.catalog, council: F.council, by: F.noiVu, at: later
            ).refused?.message == readOnly)
    }

    @Test func publishedResultsShowEachUnitItsRankAndBecomeNextYearsBaselines() throws {
        let round = F.round()
        let publication = try ResultsPublication.publish(
            round: round, catalog: F.catalog, units: try F.district(round: round), by: F.reviewer,
            at: F.at(20, 2, year: 2024)
        ).get()
        let results = publication.results
        #expect(results.rankLabel(of: 103) == "3/5")
        #expect(results.rankLabel(of: 999) == nil)
        // An Bình's appraised leaves; the survey leaf is left for next year's survey.
        #expect(
            results.baselines(of: 101) == [
                "1.1": Points(3), "1.2.1": Points(2), "1.2.2": p("2.5"), "2.1": Points(3), "2.2": p("3.5"),
            ])
        #expect(results.baselines(of: 999).isEmpty)

        // Next year's plan of An Bình has no task yet: the projection takes the baselines as they are.
        let projection = ProjectionEngine.project(
            ProjectionInput(catalog: F.catalog, baselines: results.baselines(of: 101), asOf: F.at(1, 3, year: 2024)))
        #expect(projection.node("1.2.2")?.coverage == .baseline)
        #expect(projection.node("1.2.2")?.figures.earned == p("2.5"))
        #expect(projection.node("3.1")?.coverage == .awaitingSurvey)
        #expect(projection.total.earned == Points(14))
    }

    @Test func resultsExportAsATableInRankOrder() throws {
        let vietnamese = LocaleCatalog(language: "vi", templates: try AssessmentLocaleTests.templates("vi"))
        let rows = ResultsTable.rows(try compile(.areasInOrder), locale: vietnamese)
        #expect(
            rows[0] == [
                "Xếp hạng", "Đơn vị", "Điểm tự đánh giá", "Lĩnh vực 1 (tối đa 8)", "Lĩnh vực 2 (tối đa 7)",
                "Lĩnh vực 3 (tối đa 5)", "Điểm điều tra xã hội học", "Tổng điểm", "Chỉ số (%)", "Xếp loại",
            ])
        #expect(rows[1] == ["1/5", "Xã An Bình", "15", "7,5", "6,5", "4,5", "4,5", "18,5", "92,5", "Tốt"])
        #expect(rows[3] == ["3/5", "Xã Đông Lỗ", "12,5", "7", "5,5", "3,75", "3,75", "16,25", "81,25", "Khá"])
        #expect(rows[5] == ["5/5", "Xã Hòa Sơn", "8", "4", "3", "3,2", "3,2", "10,2", "51", "Trung bình"])
        #expect(rows.count == 6)
        let csv = String(decoding: CSVWriter.document(rows: rows, bom: false, guardFormulas: true), as: UTF8.self)
        #expect(csv.hasPrefix("Xếp hạng,Đơn vị,"))
        #expect(csv.contains("\r\n1/5,Xã An Bình,15,\"7,5\","))
    }

    @Test func aCatalogWithoutSurveyHasNoSurveyColumnAndScalesTheAppraisedScore() throws {
        // Two areas of 10, no survey: a commune appraised at 17 of 20 is at 85 %.
        let catalog = CatalogDefinition(
            name: "Không khảo sát", year: 2023, level: .commune, decision: "thử", isSample: true, lateCreditPercent: 50,
            classes: F.classes, areas: [F.node("1", 10, [F.leaf("1.1", 10)]), F.node("2", 10, [F.leaf("2.1", 10)])])
        let round = try AssessmentRound(
            catalogID: 8, year: 2023, unitIDs: [101], officialFrom: F.day(1, 12), closesOn: F.day(10, 12))
        var unit = UnitAssessment(unitID: 101, name: "Xã An Bình")
        for (code, points) in [("1.1", "9"), ("2.1", "8")] {
            unit.selfScores[code] = try SelfAssessment.record(
                F.entry(points), code: code, unit: unit.state, round: round, catalog: catalog,
                ownership: F.ownership(101), by: F.owner(of: code, in: 101), at: F.at(2, 12)
            ).get()
            unit.appraisals[code] = try AppraisalRules.appraise(
                .accept, code: code, unit: unit.state, selfScore: unit.selfScores[code], round: round, catalog: catalog,
                council: F.council, by: F.appraiser(of: code), at: F.at(11, 12)
            ).get()
        }
        let results = try ResultsCompiler.compile(
            round: round, catalog: catalog, units: [unit], by: F.reviewer, at: F.at(12, 12)
        ).get()
        #expect(results.units[0].percentHundredths == 8500 && results.units[0].className == "Khá")
        #expect(results.units[0].surveyTotal == .zero && results.units[0].rank.description == "1/1")
        let english = LocaleCatalog(language: "en", templates: try AssessmentLocaleTests.templates("en"))
        #expect(ResultsTable.rows(results, locale: english)[0].contains("Survey points") == false)
        #expect(
            ResultsTable.rows(results, locale: english)[1] == ["1/1", "Xã An Bình", "17", "9", "8", "17", "85", "Khá"])
    }

    @Test func aUnitThatNeverSubmittedIsAppraisedAsItStoodAtClosing() throws {
        // Hòa Sơn entered everything but 1.1 and never pressed "Gửi thẩm định"; the round closed on 10/12 and the
        // council scored 1.1 itself (1, with a reason) and accepted the rest.
        //   self:      1.1 —, 1.2.1 1, 1.2.2 2, 2.1 1, 2.2 2 → 6; area 1 self = 1 + 2 = 3
        //   appraised: 1 + 1 + 2 = 4 in area 1, 1 + 2 = 3 in area 2, survey 3.2 → 10.2 (51 %)
        let round = F.round()
        var units = try F.district(round: round)
        var hoaSon = UnitAssessment(unitID: 105, name: "Xã Hòa Sơn")
        for (code, points) in [("1.2.1", "1"), ("1.2.2", "2"), ("2.1", "1"), ("2.2", "2")] {
            hoaSon.selfScores[code] = try SelfAssessment.record(
                F.entry(points), code: code, unit: hoaSon.state, round: round, catalog: F.catalog,
                ownership: F.ownership(105), by: F.owner(of: code, in: 105), at: F.at(1, 12)
            ).get()
        }
        for code in F.scoredCodes {
            let decision: AppraisalDecision =
                code == "1.1" ? .score(Points(1), reason: "Đơn vị không tự chấm; có kế hoạch ban hành muộn") : .accept
            hoaSon.appraisals[code] = try AppraisalRules.appraise(
                decision, code: code, unit: hoaSon.state, selfScore: hoaSon.selfScores[code], round: round,
                catalog: F.catalog, council: F.council, by: F.appraiser(of: code), at: F.at(15, 12)
            ).get()
        }
        hoaSon.surveyPoints = ["3.1": p("3.2")]
        units[4] = hoaSon
        let result = try #require(
            try ResultsCompiler.compile(
                round: round, catalog: F.catalog, units: units, by: F.reviewer, at: F.at(10, 1, year: 2024)
            )
            .get().unit(105))
        #expect(result.node("1.1")?.selfScore == nil && result.node("1.1")?.appraised == Points(1))
        #expect(result.node("1")?.selfScore == Points(3) && result.node("1")?.appraised == Points(4))
        #expect(result.selfTotal == Points(6) && result.total == p("10.2") && result.percentHundredths == 5100)
        #expect(result.rank.description == "5/5")
    }

    @Test func publishedResultsRoundTripThroughJSONForStorage() throws {
        let round = F.round(tieRule: .areasInOrder)
        let published = try ResultsPublication.publish(
            round: round, catalog: F.catalog, units: try F.district(round: round), by: F.reviewer,
            at: F.at(20, 2, year: 2024)
        ).get().results
        let data = try JSONEncoder().encode(published)
        #expect(try JSONDecoder().decode(PublishedResults.self, from: data) == published)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"tieRule\":\"areas_in_order\""))
        #expect(
            text.contains("\"rank\":{\"of\":5,\"position\":1}") || text.contains("\"rank\":{\"position\":1,\"of\":5}"))
    }
}
