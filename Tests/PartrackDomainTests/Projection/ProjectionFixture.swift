import Foundation
import PartrackDomain

/// A small catalog and plan whose figures are worked out by hand in the tests.
///
/// Catalog (max 20, late credit λ = 50 %, classes Tốt ≥ 90 %, Khá ≥ 70 %, Trung bình ≥ 50 %, Kém ≥ 0):
///
///     1    Chỉ đạo, điều hành                      10
///       1.1  Kế hoạch và báo cáo                     6
///         1.1.1  Thực hiện kế hoạch (tasks)          4
///         1.1.2  Báo cáo định kỳ (report compliance) 2
///       1.2  Công khai, số hóa (tasks, a leaf)       4
///     2    Cải cách thể chế                        10
///       2.1  Theo dõi thi hành pháp luật (tasks)     3
///       2.2  Rà soát văn bản (tasks; baseline 2.5)   3
///       2.3  Phổ biến pháp luật (tasks; no baseline) 2
///       2.4  Khảo sát sự hài lòng (survey; 1.75)     2
///
/// Plan as of 20/06/2023 10:00 Vietnam time:
///
///     id  task                                    due         state / completion       links
///     1   Ban hành kế hoạch CCHC năm 2023         31/01/2023  done 30/01 09:00 (on time) 1.1.1 w1
///     2   Ban hành kế hoạch tuyên truyền CCHC     28/02/2023  done 05/03 09:00 (late)    1.1.1 w1
///     3   Tự kiểm tra công tác CCHC               15/06/2023  in progress (overdue)      1.1.1 w2
///     4   Rà soát quy trình nội bộ                30/09/2023  not started (not yet due)  1.1.1 w1
///     5   Tập huấn nghiệp vụ                      31/05/2023  cancelled                  1.1.1, 1.2
///     6   Niêm yết công khai TTHC                 31/03/2023  done 31/03 23:30 (on time) 1.2 w1, 2.1 w1
///     7   Số hóa hồ sơ                            31/10/2023  in progress (not yet due)  1.2 w2
///
/// Reports: Q1 due 15/03 submitted 14/03 (on time); H1 due 15/06 submitted 16/06 08:00 (late);
/// 9M due 15/09 and Y due 01/11 not yet due.
enum ProjectionFixture {
    static let clock = CivilClock.vietnam

    static func day(_ day: Int, _ month: Int, _ year: Int = 2023) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }

    /// An instant on `day`/`month` at hour:minute, Vietnam time.
    static func at(_ day: Int, _ month: Int, _ hour: Int = 9, _ minute: Int = 0, year: Int = 2023) -> Date {
        clock.startOfDay(Self.day(day, month, year)).addingTimeInterval(Double(hour * 3600 + minute * 60))
    }

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
        CatalogNodeDefinition(code: code, title: "Nhóm \(code)", maxPoints: Points(max), children: children)
    }

    static func catalog(
        lateCreditPercent: Int = 50, classes: [ClassThreshold] = classes, areas: [CatalogNodeDefinition]
    ) -> CatalogDefinition {
        CatalogDefinition(
            name: "Bộ chỉ số thử", year: 2023, level: .commune, decision: "thử", isSample: true,
            lateCreditPercent: lateCreditPercent, classes: classes, areas: areas)
    }

    static let catalog = catalog(areas: [
        node(
            "1", 10,
            [
                node("1.1", 6, [leaf("1.1.1", 4), leaf("1.1.2", 2, .reportCompliance)]),
                leaf("1.2", 4),
            ]),
        node("2", 10, [leaf("2.1", 3), leaf("2.2", 3), leaf("2.3", 2), leaf("2.4", 2, .survey)]),
    ])

    static let tasks = [
        ProjectionTask(
            id: 1, title: "Ban hành kế hoạch CCHC năm 2023", state: .done, due: day(31, 1), completedAt: at(30, 1),
            links: [CriterionLink(code: "1.1.1")]),
        ProjectionTask(
            id: 2, title: "Ban hành kế hoạch tuyên truyền CCHC", state: .done, due: day(28, 2), completedAt: at(5, 3),
            links: [CriterionLink(code: "1.1.1")]),
        ProjectionTask(
            id: 3, title: "Tự kiểm tra công tác CCHC", state: .inProgress, due: day(15, 6),
            links: [CriterionLink(code: "1.1.1", weight: 2)]),
        ProjectionTask(
            id: 4, title: "Rà soát quy trình nội bộ", state: .notStarted, due: day(30, 9),
            links: [CriterionLink(code: "1.1.1")]),
        ProjectionTask(
            id: 5, title: "Tập huấn nghiệp vụ", state: .cancelled, due: day(31, 5),
            links: [CriterionLink(code: "1.1.1"), CriterionLink(code: "1.2")]),
        ProjectionTask(
            id: 6, title: "Niêm yết công khai TTHC", state: .done, due: day(31, 3), completedAt: at(31, 3, 23, 30),
            links: [CriterionLink(code: "1.2"), CriterionLink(code: "2.1")]),
        ProjectionTask(
            id: 7, title: "Số hóa hồ sơ", state: .inProgress, due: day(31, 10),
            links: [CriterionLink(code: "1.2", weight: 2)]),
    ]

    static let reports = [
        ReportSubmissionFact(kind: .q1, due: day(15, 3), submittedAt: at(14, 3)),
        ReportSubmissionFact(kind: .h1, due: day(15, 6), submittedAt: at(16, 6, 8)),
        ReportSubmissionFact(kind: .nineMonths, due: day(15, 9)),
        ReportSubmissionFact(kind: .year, due: day(1, 11)),
    ]

    static let asOf = at(20, 6, 10)

    static let input = ProjectionInput(
        catalog: catalog, tasks: tasks, baselines: ["2.2": Points(hundredths: 250), "2.4": Points(hundredths: 175)],
        reports: reports, asOf: asOf, clock: clock)

    /// A catalog of one area with the given leaves, for tests about a single rule.
    static func oneArea(_ leaves: [CatalogNodeDefinition], lateCreditPercent: Int = 50) -> CatalogDefinition {
        let max = leaves.reduce(Points.zero) { $0 + $1.maxPoints }
        return catalog(
            lateCreditPercent: lateCreditPercent,
            areas: [CatalogNodeDefinition(code: "1", title: "Lĩnh vực 1", maxPoints: max, children: leaves)])
    }

    static func task(
        _ id: Int, _ state: TaskState, due: LocalDate?, completedAt: Date? = nil, _ links: CriterionLink...
    ) -> ProjectionTask {
        ProjectionTask(id: id, title: "Nhiệm vụ \(id)", state: state, due: due, completedAt: completedAt, links: links)
    }

    static func points(_ text: String) -> Points { Points(parsing: text)! }

    static func figures(_ earned: String, _ projected: String, _ ceiling: String) -> Figures {
        Figures(earned: points(earned), projected: points(projected), ceiling: points(ceiling))
    }
}
