import Fluent
import Foundation
import PartrackTestSupport
import Testing
import Vapor

@testable import PartrackServer

@Suite struct ScaleGeneratorTests {
    struct Fingerprint: Equatable {
        var units: [String]
        var tasks: [String]
    }

    func generate(_ database: TestDatabase, seed: UInt64) async throws -> Fingerprint {
        var result = Fingerprint(units: [], tasks: [])
        try await withTestApp(database) { app in
            let options = ScaleGenerator.Options(communes: 3, tasksPerCommune: 12, seed: seed, year: 2023)
            _ = try await ScaleGenerator(app: app, options: options).generate()
            result.units = try await OrgUnit.query(on: app.db).sort(\.$id).all().map(\.code)
            result.tasks = try await PlanTask.query(on: app.db).sort(\.$id).all().map {
                "\($0.title)|\($0.state)|\($0.progress)|\($0.dueDate?.iso ?? "")|\($0.completedAt?.timeIntervalSince1970 ?? 0)"
            }
            await #expect(throws: GeneratorError.self) {
                try await ScaleGenerator(app: app, options: options).generate()
            }
        }
        return result
    }

    @Test(arguments: TestDatabase.available)
    func theSameSeedGivesTheSameProvince(database: TestDatabase) async throws {
        let first = try await generate(database, seed: 5)
        let second = try await generate(database, seed: 5)
        let other = try await generate(database, seed: 6)
        #expect(first == second)
        #expect(first.tasks.count == 36)
        #expect(first.units.count == 4)
        #expect(first.tasks != other.tasks)
        // Varied outcomes: more than one state among the tasks.
        #expect(Set(first.tasks.map { $0.split(separator: "|")[1] }).count > 1)
    }

    @Test(arguments: TestDatabase.available)
    func aProvincesPageShowsFiftyCommunesAtATimeAndItsExportsShowAll(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let options = ScaleGenerator.Options(communes: 55, tasksPerCommune: 2, seed: 7, year: 2023)
            let code = try await ScaleGenerator(app: app, options: options).generate()
            let province = try await app.unit(code).requireID()
            var browser = Browser(app)
            _ = try await browser.signIn("\(code).noivu")
            func rows(_ html: String) -> Int { html.components(separatedBy: "<tr><th scope=\"row\">").count - 1 }

            let first = try await browser.get("/giam-sat/\(province)?year=2023").body.string
            #expect(rows(first) == 2 * 50)  // the matrix and the table
            #expect(first.contains("Đang xem 1–50 trong số 55 đơn vị"))
            #expect(first.contains("/giam-sat/\(province)?year=2023&amp;sort=projected&amp;page=2"))
            let second = try await browser.get("/giam-sat/\(province)?year=2023&page=2").body.string
            #expect(rows(second) == 2 * 5)
            #expect(second.contains("Đang xem 51–55 trong số 55 đơn vị"))
            // A page that is not a page number is refused in words, not guessed.
            for bad in ["0", "abc", "-1"] {
                let refused = try await browser.get("/giam-sat/\(province)?year=2023&page=\(bad)")
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains("Tham số “page” có giá trị “\(bad)” không hợp lệ."))
            }
            // A page past the end shows the last one; the exports keep every commune.
            #expect(rows(try await browser.get("/giam-sat/\(province)?year=2023&page=9").body.string) == 2 * 5)
            let csv = try await browser.get("/giam-sat/\(province)/du-bao.csv?year=2023").body.string
            #expect(csv.split(whereSeparator: \.isNewline).count == 1 + 55)
        }
    }
}
