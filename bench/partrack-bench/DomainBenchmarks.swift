import Foundation
import PartrackDomain
import PartrackFiles

/// The pure engines, timed in-process on the project's own seeds.
enum DomainBenchmarks {
    static let catalogURL = repositoryRoot.appendingPathComponent("seeds/catalogs/commune-sample-2023.yaml")

    /// The demo commune's positions, as the importer sees a unit.
    static func importContext() throws -> PlanImportContext {
        let titles = [
            "Văn phòng – Thống kê", "Văn hóa – Xã hội", "Tư pháp – Hộ tịch", "Tài chính – Kế toán", "Bộ phận Một cửa",
        ]
        return PlanImportContext(
            catalog: try CatalogFile.load(contentsOf: catalogURL),
            positions: titles.enumerated().map { KnownPosition(key: "\($0.offset + 1)", title: $0.element) },
            fallbackYear: 2023)
    }

    static func parseSeed001() async throws -> Timing {
        let text = try String(
            contentsOf: repositoryRoot.appendingPathComponent("seeds/plans/001_341dbe7e484b0306.txt"), encoding: .utf8)
        let context = try importContext()
        return try await Timing.measure(runs: 30) { _ = try PlanTextParser.parse(text, context: context) }
    }

    /// An appendix table of 500 rows made from the seed's own appendix fixture, titles varied so
    /// that no two rows are the same task.
    static func parseAppendix500() async throws -> Timing {
        let fixture = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/plans/001-ba-giang-appendix.csv"),
            encoding: .utf8)
        let source = try CSVReader.read(fixture)
        let header = source.rows[0]
        let tasks = source.rows.dropFirst().filter { $0.first?.first?.isNumber == true }
        var rows = [header]
        for index in 0..<500 {
            var row = tasks[index % tasks.count]
            row[0] = "\(index + 1)"
            row[1] = "(\(index + 1)) " + row[1]
            rows.append(row)
        }
        let table = PlanTable(name: "Phụ lục", rows: rows, rowNumbers: Array(1...rows.count), locatesByLine: false)
        let context = try importContext()
        return try await Timing.measure(runs: 10) { _ = try AppendixTableParser.parse(table, context: context) }
    }

    /// Ba Giang's demo plan (38 tasks) on the sample catalog, projected as of 20/06/2023.
    static func projectOneCommune() async throws -> Timing {
        let clock = CivilClock.vietnam
        let plan = try DemoPlan.load(
            contentsOf: repositoryRoot.appendingPathComponent("seeds/demo/plans/ba-giang-2023.yaml"), clock: clock)
        let tasks = plan.tasks.enumerated().map { index, task in
            ProjectionTask(
                id: index + 1, title: task.title, state: task.state, due: task.due, completedAt: task.completedAt,
                links: task.criteria.map { CriterionLink(code: $0) })
        }
        let input = ProjectionInput(
            catalog: try CatalogFile.load(contentsOf: catalogURL), tasks: tasks,
            reports: plan.periods.map { ReportSubmissionFact(kind: $0.kind, due: $0.due) },
            asOf: try clock.parseDateTime("20/06/2023 09:00"), clock: clock)
        return await Timing.measure(runs: 2000, warmUp: 50) { _ = ProjectionEngine.project(input) }
    }
}
