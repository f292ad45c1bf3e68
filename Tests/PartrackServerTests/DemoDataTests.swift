import Fluent
import Foundation
import PartrackTestSupport
import Testing
import Vapor

@testable import PartrackServer

@Suite struct DemoDataTests {
    @Test(arguments: TestDatabase.available)
    func loadsTheDemoOrganisationAndBaGiangsPlan(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let communes = try await OrgUnit.query(on: app.db).filter(\.$level == .commune).all()
            #expect(communes.count == 3)
            #expect(try await OrgUnit.query(on: app.db).filter(\.$level == .province).count() == 1)
            #expect(try await OrgUnit.query(on: app.db).filter(\.$level == .district).count() == 1)
            #expect(try await User.query(on: app.db).filter(\.$role == .admin).count() == 1)
            #expect(try await User.query(on: app.db).filter(\.$role == .reviewer).count() == 1)
            #expect(try await User.query(on: app.db).filter(\.$role == .leader).count() == 3)

            let baGiang = try #require(try await OrgUnit.query(on: app.db).filter(\.$code == "ba-giang").first())
            let positions = try await Position.query(on: app.db).filter(\.$unit.$id == baGiang.requireID())
                .with(\.$holders).all()
            #expect(
                Set(positions.map(\.title)) == [
                    "Văn phòng – Thống kê", "Văn hóa – Xã hội", "Tư pháp – Hộ tịch", "Tài chính – Kế toán",
                    "Bộ phận Một cửa",
                ])
            #expect(positions.allSatisfy { $0.holders.count == 1 })

            let plan = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == baGiang.requireID()).with(\.$periods).first())
            #expect(plan.year == 2023)
            #expect(plan.targetRank == 4 && plan.targetRankOf == 19)
            #expect(
                plan.periods.sorted { $0.kind < $1.kind }.map(\.dueDate.formatted) == [
                    "15/03/2023", "15/06/2023", "15/09/2023", "01/11/2023",
                ])
            let tasks = try await PlanTask.query(on: app.db).filter(\.$plan.$id == plan.requireID())
                .with(\.$positionLinks) { $0.with(\.$position) }.with(\.$area).all()
            #expect(tasks.count == 38)
            func count(_ title: String) -> Int {
                tasks.filter { $0.positionLinks.contains { $0.position.title == title } }.count
            }
            #expect(count("Văn phòng – Thống kê") == 26)
            #expect(count("Văn hóa – Xã hội") == 12)
            #expect(count("Tư pháp – Hộ tịch") == 5)
            #expect(count("Tài chính – Kế toán") == 4)
            #expect(Set(tasks.compactMap { $0.area?.code }) == ["1", "2", "3", "4", "5", "6", "7"])
            #expect(tasks.filter { $0.area?.code == "7" }.allSatisfy { $0.positionLinks.count == 2 })
        }
    }

    @Test(arguments: TestDatabase.available)
    func loadingTwiceChangesNothing(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let before = try await snapshot(app.db)
            // Someone works in the demo between two starts; the second start must keep that work.
            let task = try #require(try await PlanTask.query(on: app.db).filter(\.$state == .notStarted).first())
            task.progress = 40
            task.state = .inProgress
            try await task.save(on: app.db)
            try await DemoSeeder(app: app).seedIfNeeded()
            let after = try await snapshot(app.db)
            #expect(after.counts == before.counts)
            #expect(after.passwordHashes == before.passwordHashes)
            #expect(try await PlanTask.find(task.requireID(), on: app.db)?.progress == 40)
        }
    }

    struct Snapshot: Equatable {
        var counts: [Int]
        var passwordHashes: [String]
    }

    func snapshot(_ db: any Database) async throws -> Snapshot {
        Snapshot(
            counts: [
                try await OrgUnit.query(on: db).count(), try await Position.query(on: db).count(),
                try await User.query(on: db).count(), try await PositionHolder.query(on: db).count(),
                try await Catalog.query(on: db).count(), try await CatalogNode.query(on: db).count(),
                try await Plan.query(on: db).count(), try await ReportPeriod.query(on: db).count(),
                try await PlanTask.query(on: db).count(), try await TaskPosition.query(on: db).count(),
                try await TaskCriterion.query(on: db).count(),
            ],
            passwordHashes: try await User.query(on: db).sort(\.$id).all().map(\.passwordHash))
    }
}
