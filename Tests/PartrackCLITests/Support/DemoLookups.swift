import Foundation
import PartrackAPI
import PartrackTestSupport
import Testing

/// Finding demo objects through the API (never by hard-coded ids: SQLite and PostgreSQL number rows
/// alike today, but a test should not depend on it).
extension CLIHarness {
    func tasks(_ query: String, as username: String) async throws -> [TaskDTO] {
        try await get("/tasks?per=500&\(query)", as: username, PageDTO<TaskDTO>.self).items
    }

    /// An open task led by a position the user holds.
    func openTask(of username: String, skipping: Set<Int> = []) async throws -> TaskDTO {
        let me = try await get("/me", as: username, MeDTO.self)
        let mine = try await tasks("mine=1", as: username)
        return try #require(
            mine.first {
                ["not_started", "in_progress"].contains($0.state) && !skipping.contains($0.id)
                    && !Set($0.leadPositionIDs).isDisjoint(with: me.positions.map(\.id))
            }, "an open task of \(username)")
    }

    func task(_ id: Int) async throws -> TaskDTO { try await get("/tasks/\(id)", as: "admin") }

    func positionID(_ title: String, unit: String = "ba-giang") async throws -> Int {
        let positions = try await get("/units/\(unit)/positions", as: "admin", [PositionDTO].self)
        return try #require(positions.first { $0.title == title }?.id)
    }

    /// A file from the evidence fixtures (real files made by real programs).
    static func fixture(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures/evidence/\(name)")
    }
}
