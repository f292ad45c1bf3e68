import Foundation
import PartrackAPI
import Testing
import VaporTesting

@testable import PartrackServer

@Suite struct APITests {
    @Test(arguments: TestDatabase.available)
    func healthChecksTheDatabase(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let response = try await app.sendRequest(.GET, "/api/v1/health")
            #expect(response.status == .ok)
            let health = try response.json(HealthDTO.self)
            #expect(health.status == "ok")
            #expect(health.database == database.rawValue)
        }
    }

    @Test(arguments: TestDatabase.available)
    func listsUnitsWithPaginationAndFilters(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let all = try await app.sendRequest(.GET, "/api/v1/units").json(PageDTO<UnitDTO>.self)
            #expect(all.metadata.total == 5)
            let communes = try await app.sendRequest(.GET, "/api/v1/units?level=commune&per=2&page=2")
                .json(PageDTO<UnitDTO>.self)
            #expect(communes.metadata == PageMetadata(page: 2, per: 2, total: 3))
            #expect(communes.items.count == 1)

            let baGiang = try await app.sendRequest(.GET, "/api/v1/units/ba-giang").json(UnitDTO.self)
            #expect(baGiang.name == "UBND xã Ba Giang")
            let positions = try await app.sendRequest(.GET, "/api/v1/units/\(baGiang.id)/positions")
                .json([PositionDTO].self)
            #expect(positions.count == 5)
            #expect(positions.first { $0.title == "Tư pháp – Hộ tịch" }?.holders.map(\.username) == ["bagiang.tpht"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func servesTheCatalogTree(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let list = try await app.sendRequest(.GET, "/api/v1/catalogs").json(PageDTO<CatalogSummaryDTO>.self)
            let summary = try #require(list.items.first)
            #expect(summary.isSample)
            #expect(summary.maxPoints == 100)
            let catalog = try await app.sendRequest(.GET, "/api/v1/catalogs/\(summary.id)").json(CatalogDTO.self)
            #expect(catalog.areas.map(\.code) == ["1", "2", "3", "4", "5", "6", "7"])
            #expect(catalog.areas[0].children.map(\.code) == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"])
            #expect(catalog.lateCredit == 0.5)
            #expect(catalog.classes.first?.minPercent == 90)
        }
    }

    @Test(arguments: TestDatabase.available)
    func filtersTasksByUnitPositionStateAndDueDate(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let baGiang = try await app.sendRequest(.GET, "/api/v1/units/ba-giang").json(UnitDTO.self)
            let unitTasks = try await app.sendRequest(.GET, "/api/v1/tasks?unit=\(baGiang.id)&per=100")
                .json(PageDTO<TaskDTO>.self)
            #expect(unitTasks.metadata.total == 38)
            #expect(unitTasks.items.allSatisfy { $0.unitID == baGiang.id })

            let positions = try await app.sendRequest(.GET, "/api/v1/units/\(baGiang.id)/positions").json(
                [PositionDTO].self)
            let justice = try #require(positions.first { $0.title == "Tư pháp – Hộ tịch" })
            let justiceTasks = try await app.sendRequest(.GET, "/api/v1/tasks?position=\(justice.id)")
                .json(PageDTO<TaskDTO>.self)
            #expect(justiceTasks.metadata.total == 5)
            #expect(justiceTasks.items.allSatisfy { $0.areaCode == "2" && $0.leadPositionIDs == [justice.id] })

            let early = try await app.sendRequest(
                .GET, "/api/v1/tasks?unit=\(baGiang.id)&due_before=31/03/2023&per=100"
            )
            .json(PageDTO<TaskDTO>.self)
            #expect(!early.items.isEmpty)
            #expect(early.items.allSatisfy { ($0.dueDate ?? "9999") <= "2023-03-31" })
            #expect(early.metadata.total < 38)

            let done = try await app.sendRequest(.GET, "/api/v1/tasks?unit=\(baGiang.id)&state=done&per=100")
                .json(PageDTO<TaskDTO>.self)
            #expect(done.items.allSatisfy { $0.state == "done" && $0.deadlineStatus.hasPrefix("done_") })
        }
    }

    @Test(arguments: TestDatabase.available)
    func badParametersGiveAClearErrorInTheRequestsLanguage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let wrongDay = try await app.sendRequest(.GET, "/api/v1/tasks?due_before=31/02/2024")
            #expect(wrongDay.status == .badRequest)
            let error = try wrongDay.json(ErrorDTO.self)
            #expect(error.code == "date.no_such_day")
            #expect(error.message.contains("31/02/2024"))
            #expect(error.message.contains("29 ngày"))

            let english = try await app.sendRequest(
                .GET, "/api/v1/tasks?state=finished", headers: ["Accept-Language": "en-US,en;q=0.9"])
            #expect(english.status == .badRequest)
            #expect(try english.json(ErrorDTO.self).message == "Parameter “state” has an invalid value “finished”.")

            let page = try await app.sendRequest(.GET, "/api/v1/units?page=0")
            #expect(page.status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.available)
    func missingThingsAreJSON404sUnderTheAPIAndFriendlyPagesElsewhere(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let task = try await app.sendRequest(.GET, "/api/v1/tasks/999")
            #expect(task.status == .notFound)
            #expect(try task.json(ErrorDTO.self).message == "Không tìm thấy nhiệm vụ số 999.")
            let route = try await app.sendRequest(.GET, "/api/v1/nothing-here")
            #expect(route.status == .notFound)
            #expect(try route.json(ErrorDTO.self).code == "http_404")
            let page = try await app.sendRequest(.GET, "/khong-co")
            #expect(page.status == .notFound)
            #expect(page.headers.contentType == .html)
            #expect(page.body.string.contains("Không tìm thấy trang"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func homePageListsTheDemoUnitsAndPlansInVietnamese(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let page = try await app.sendRequest(.GET, "/")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<html lang=\"vi\">"))
            #expect(html.contains("UBND xã Ba Giang"))
            #expect(html.contains("38 nhiệm vụ"))
            #expect(html.contains("15/03/2023, 15/06/2023, 15/09/2023, 01/11/2023"))
            #expect(html.contains("MẪU"))
        }
    }
}
