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
}
