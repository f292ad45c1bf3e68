import Foundation
import PartrackDomain

/// A hand-built district of five communes, assessed on a small catalog whose figures the tests work out
/// by hand.
///
/// Catalog (max 20; classes Tốt ≥ 90 %, Khá ≥ 70 %, Trung bình ≥ 50 %, Kém ≥ 0; steps of 0.25):
///
///     1    Chỉ đạo, điều hành CCHC                    8    owner Văn phòng – Thống kê; council Phòng Nội vụ
///       1.1  Kế hoạch CCHC năm                          3
///       1.2  Báo cáo và kiểm tra                        5
///         1.2.1  Báo cáo định kỳ                        2    council Văn phòng HĐND&UBND huyện
///         1.2.2  Tự kiểm tra                            3
///     2    Cải cách thể chế                           7    owner Tư pháp – Hộ tịch; council Phòng Tư pháp
///       2.1  Theo dõi thi hành pháp luật                3
///       2.2  Rà soát văn bản                            4
///     3    Sự hài lòng của người dân (survey)         5
///       3.1  Khảo sát SIPAS (survey)                    5
///
/// The round follows seed 000: trial 10/11–20/11/2023, official from 21/11, closes at the end of 10/12/2023.
enum AssessmentFixture {
    static let clock = CivilClock.vietnam

    static func day(_ day: Int, _ month: Int, _ year: Int = 2023) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }

    /// An instant on `day`/`month`/`year` at hour:minute:second, Vietnam time.
    static func at(_ day: Int, _ month: Int, _ hour: Int = 9, _ minute: Int = 0, _ second: Int = 0, year: Int = 2023)
        -> Date
    {
        clock.instant(on: Self.day(day, month, year), hour: hour, minute: minute, second: second)
    }

    static func p(_ text: String) -> Points { Points(parsing: text)! }

    static let classes = [
        ClassThreshold(name: "Tốt", minPercentHundredths: 9000),
        ClassThreshold(name: "Khá", minPercentHundredths: 7000),
        ClassThreshold(name: "Trung bình", minPercentHundredths: 5000),
        ClassThreshold(name: "Kém", minPercentHundredths: 0),
    ]

    static func leaf(_ code: String, _ max: Int, _ measure: CriterionMeasure = .tasks) -> CatalogNodeDefinition {
        CatalogNodeDefinition(code: code, title: "Tiêu chí \(code)", maxPoints: Points(max), measure: measure)
    }

    static func node(_ code: String, _ max: Int, _ children: [CatalogNodeDefinition]) -> CatalogNodeDefinition {
        CatalogNodeDefinition(code: code, title: "Lĩnh vực \(code)", maxPoints: Points(max), children: children)
    }

    static let catalog = CatalogDefinition(
        name: "Bộ chỉ số cấp xã thử", year: 2023, level: .commune, decision: "thử", isSample: true,
        lateCreditPercent: 50, classes: classes,
        areas: [
            node("1", 8, [leaf("1.1", 3), node("1.2", 5, [leaf("1.2.1", 2), leaf("1.2.2", 3)])]),
            node("2", 7, [leaf("2.1", 3), leaf("2.2", 4)]),
            node("3", 5, [leaf("3.1", 5, .survey)]),
        ])

    /// The criteria a commune scores itself, in catalog order.
    static let scoredCodes = ["1.1", "1.2.1", "1.2.2", "2.1", "2.2"]

    // MARK: Units and people

    static let districtID = 100
    static let communes: [(id: Int, name: String)] = [
        (101, "Xã An Bình"), (102, "Xã Bắc Lý"), (103, "Xã Cao Sơn"), (104, "Xã Đông Lỗ"), (105, "Xã Hòa Sơn"),
    ]
    static var unitIDs: Set<Int> { Set(communes.map(\.id)) }

    static func round(tieRule: TieRule = .shareRank) -> AssessmentRound {
        try! AssessmentRound(
            catalogID: 7, year: 2023, unitIDs: unitIDs, trialFrom: day(10, 11), trialTo: day(20, 11),
            officialFrom: day(21, 11), closesOn: day(10, 12), tieRule: tieRule)
    }

    /// Phòng Nội vụ of the district: reviews every commune.
    static let reviewer = ActingUser(userID: 1, role: .reviewer, unitID: districtID, reviewedUnitIDs: unitIDs)

    /// Council members (officers of district offices) and the secretary.
    static let noiVu = ActingUser(userID: 11, role: .officer, unitID: districtID)
    static let vanPhong = ActingUser(userID: 12, role: .officer, unitID: districtID)
    static let tuPhap = ActingUser(userID: 13, role: .officer, unitID: districtID)
    static let secretary = ActingUser(userID: 14, role: .officer, unitID: districtID)

    static let council = Council(
        members: [
            CouncilMember(userID: 11, name: "Trần Thị Hoa", office: "Phòng Nội vụ"),
            CouncilMember(userID: 12, name: "Lê Văn Nam", office: "Văn phòng HĐND&UBND huyện"),
            CouncilMember(userID: 13, name: "Phạm Minh Đức", office: "Phòng Tư pháp"),
        ],
        assignments: ["1": 11, "1.2.1": 12, "2": 13], secretaryUserIDs: [14])

    /// The member who appraises `code` in this council.
    static func appraiser(of code: String) -> ActingUser {
        switch council.appraiser(of: code)!.userID {
        case 11: return noiVu
        case 12: return vanPhong
        default: return tuPhap
        }
    }

    /// Each commune's positions: Văn phòng – Thống kê (unit × 10 + 1) owns area 1, Tư pháp – Hộ tịch
    /// (unit × 10 + 2) owns area 2.
    static func ownership(_ unitID: Int) -> AreaOwnership {
        AreaOwnership(owners: [
            "1": AreaOwner(positionID: unitID * 10 + 1, title: "Văn phòng – Thống kê"),
            "2": AreaOwner(positionID: unitID * 10 + 2, title: "Tư pháp – Hộ tịch"),
        ])
    }

    static func leader(_ unitID: Int) -> ActingUser {
        ActingUser(userID: unitID * 10, role: .leader, unitID: unitID)
    }

    static func officeOfficer(_ unitID: Int) -> ActingUser {
        ActingUser(userID: unitID * 10 + 1, role: .officer, unitID: unitID, positionIDs: [unitID * 10 + 1])
    }

    static func justiceOfficer(_ unitID: Int) -> ActingUser {
        ActingUser(userID: unitID * 10 + 2, role: .officer, unitID: unitID, positionIDs: [unitID * 10 + 2])
    }

    /// The officer who owns `code` in `unitID`.
    static func owner(of code: String, in unitID: Int) -> ActingUser {
        code.hasPrefix("1") ? officeOfficer(unitID) : justiceOfficer(unitID)
    }

    // MARK: The district's scores, worked by hand
    //
    // Self and appraised scores per criterion ("=" the council accepted, "→" it changed the score):
    //
    //   commune      1.1       1.2.1     1.2.2      2.1        2.2        self  | area 1  area 2  survey  total  %       class
    //   An Bình      3 =       2 =       3 → 2.5    3 =        4 → 3.5    15    | 7.5     6.5     4.5     18.5   92.5    Tốt
    //   Bắc Lý       3 → 2.5   2 =       2.5 =      3 =        4 =        14.5  | 7       7       4.5     18.5   92.5    Tốt
    //   Cao Sơn      3 =       2 → 1.5   2.5 =      2.5 → 2.25 3 =        13    | 7       5.25    4       16.25  81.25   Khá
    //   Đông Lỗ      2 =       2 =       3 =        3 =        2.5 =      12.5  | 7       5.5     3.75    16.25  81.25   Khá
    //   Hòa Sơn      2 → 1.5   1 =       2 → 1.5    1 =        2 =        8     | 4       3       3.2     10.2   51      Trung bình
    //
    // (An Bình: area 1 = 3 + 2 + 2.5 = 7.5, area 2 = 3 + 3.5 = 6.5, appraised 14, + survey 4.5 = 18.5 of 20 = 92.5 %.)
    //
    // Equal totals: An Bình and Bắc Lý 18.5; Cao Sơn and Đông Lỗ 16.25.
    //   share rank:       An Bình 1, Bắc Lý 1, Cao Sơn 3, Đông Lỗ 3, Hòa Sơn 5.
    //   areas in order:   An Bình 7.5 > Bắc Lý 7 in area 1 → 1, 2; Cao Sơn and Đông Lỗ both 7 in area 1, then
    //                     Đông Lỗ 5.5 > Cao Sơn 5.25 in area 2 → Đông Lỗ 3, Cao Sơn 4; Hòa Sơn 5.

    /// (self, appraised) per scored criterion, in `scoredCodes` order, and the survey points.
    static let scores: [Int: (pairs: [(String, String)], survey: String)] = [
        101: ([("3", "3"), ("2", "2"), ("3", "2.5"), ("3", "3"), ("4", "3.5")], "4.5"),
        102: ([("3", "2.5"), ("2", "2"), ("2.5", "2.5"), ("3", "3"), ("4", "4")], "4.5"),
        103: ([("3", "3"), ("2", "1.5"), ("2.5", "2.5"), ("2.5", "2.25"), ("3", "3")], "4"),
        104: ([("2", "2"), ("2", "2"), ("3", "3"), ("3", "3"), ("2.5", "2.5")], "3.75"),
        105: ([("2", "1.5"), ("1", "1"), ("2", "1.5"), ("1", "1"), ("2", "2")], "3.2"),
    ]

    // MARK: Driving the real rules

    /// A self score with a piece of evidence, as an owner would enter it.
    static func entry(_ score: String, evidence: Int? = 1) -> SelfScore {
        SelfScore(score: p(score), evidence: evidence.map { [EvidenceRef(evidenceID: $0, pointer: "tr. 2")] } ?? [])
    }

    /// The unit's self-assessment entered by its owners on 25/11 and submitted by its leader on 5/12;
    /// every call goes through the domain's rules and must succeed.
    static func submitted(_ unitID: Int, round: AssessmentRound) throws -> UnitAssessment {
        let name = communes.first { $0.id == unitID }!.name
        var unit = UnitAssessment(unitID: unitID, name: name)
        for (code, pair) in zip(scoredCodes, scores[unitID]!.pairs) {
            unit.selfScores[code] = try SelfAssessment.record(
                entry(pair.0), code: code, unit: unit.state, round: round, catalog: catalog,
                ownership: ownership(unitID), by: owner(of: code, in: unitID), at: at(25, 11)
            ).get()
        }
        unit.state = try SelfAssessment.submit(
            unit: unit.state, scores: unit.selfScores, signedReport: EvidenceRef(evidenceID: 900 + unitID),
            round: round, catalog: catalog, by: leader(unitID), at: at(5, 12)
        ).get()
        return unit
    }

    /// `submitted`, then appraised by the council on 15/12 and given its survey points by the reviewer.
    static func appraised(_ unitID: Int, round: AssessmentRound) throws -> UnitAssessment {
        var unit = try submitted(unitID, round: round)
        for (code, pair) in zip(scoredCodes, scores[unitID]!.pairs) {
            let decision: AppraisalDecision =
                pair.0 == pair.1 ? .accept : .score(p(pair.1), reason: "Tài liệu kiểm chứng chưa đầy đủ")
            unit.appraisals[code] = try AppraisalRules.appraise(
                decision, code: code, unit: unit.state, selfScore: unit.selfScores[code], round: round,
                catalog: catalog,
                council: council, by: appraiser(of: code), at: at(15, 12)
            ).get()
        }
        unit.surveyPoints = try SurveyPoints.record(
            p(scores[unitID]!.survey), code: "3.1", into: unit.surveyPoints, unitID: unitID, round: round,
            catalog: catalog, by: reviewer
        ).get()
        return unit
    }

    /// The whole district appraised.
    static func district(round: AssessmentRound) throws -> [UnitAssessment] {
        try communes.map { try appraised($0.id, round: round) }
    }
}

extension Result {
    /// The refusal of a failed result, nil when it succeeded.
    var refused: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
