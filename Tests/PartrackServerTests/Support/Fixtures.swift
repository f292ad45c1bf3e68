import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

@testable import PartrackServer

/// Small lookups over the demo data that many tests need.
extension Application {
    func unit(_ code: String) async throws -> OrgUnit {
        try #require(try await OrgUnit.query(on: db).filter(\.$code == code).first())
    }

    func position(_ title: String, of unitCode: String) async throws -> Position {
        let unit = try await unit(unitCode)
        return try #require(
            try await Position.query(on: db).filter(\.$unit.$id == unit.requireID()).filter(\.$title == title).first())
    }

    /// A task of a unit's plan led by the position (the `index`-th in plan order), put into the
    /// state a test starts from. Arranging the state directly keeps tests independent of the demo's
    /// sampled outcomes.
    func task(
        of positionTitle: String, in unitCode: String, state: TaskState? = nil, index: Int = 0,
        due: LocalDate? = nil
    ) async throws -> PlanTask {
        let position = try await position(positionTitle, of: unitCode)
        let links = try await TaskPosition.query(on: db).filter(\.$position.$id == position.requireID())
            .filter(\.$part == .lead).all()
        let tasks = try await PlanTask.query(on: db).filter(\.$id ~~ links.map { $0.$task.id }).sort(\.$sortOrder).all()
        let task = try #require(tasks.dropFirst(index).first)
        if let state {
            task.state = state
            task.progress = state == .done ? 100 : (state == .inProgress ? 50 : 0)
            task.completedAt = state == .done ? task.dueDate.map { CivilClock.vietnam.startOfDay($0) } : nil
        }
        if let due { task.dueDate = due }
        try await task.save(on: db)
        return task
    }

    func period(_ kind: PeriodKind, of unitCode: String) async throws -> ReportPeriod {
        let unit = try await unit(unitCode)
        let plan = try #require(try await Plan.query(on: db).filter(\.$unit.$id == unit.requireID()).first())
        return try #require(
            try await ReportPeriod.query(on: db).filter(\.$plan.$id == plan.requireID()).filter(\.$kind == kind).first()
        )
    }

    func patchTask(_ id: Int, _ body: TaskUpdateRequest, as auth: HTTPHeaders) async throws -> TestingHTTPResponse {
        try await send(.PATCH, "/api/v1/tasks/\(id)", headers: auth, json: body)
    }

    func auditEvents(_ action: String) async throws -> [AuditEvent] {
        try await AuditEvent.query(on: db).filter(\.$action == action).sort(\.$id).all()
    }
}

extension Application {
    /// Forgets the reports the demo has already sent, for tests that build a report history of their own.
    func withoutDemoReports() async throws {
        try await PeriodReport.query(on: db).delete()
    }
}
