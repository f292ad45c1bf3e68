import Foundation
import PartrackAPI
import PartrackTestSupport
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
            let auth = try await app.signIn("noivu.bato")
            let all = try await app.sendRequest(.GET, "/api/v1/units", headers: auth).json(PageDTO<UnitDTO>.self)
            #expect(all.metadata.total == 5)
            let communes = try await app.sendRequest(.GET, "/api/v1/units?level=commune&per=2&page=2", headers: auth)
                .json(PageDTO<UnitDTO>.self)
            #expect(communes.metadata == PageMetadata(page: 2, per: 2, total: 3))
            #expect(communes.items.count == 1)

            let baGiang = try await app.sendRequest(.GET, "/api/v1/units/ba-giang", headers: auth).json(UnitDTO.self)
            #expect(baGiang.name == "UBND xã Ba Giang")
            let positions = try await app.sendRequest(.GET, "/api/v1/units/\(baGiang.id)/positions", headers: auth)
                .json([PositionDTO].self)
            #expect(positions.count == 5)
            #expect(positions.first { $0.title == "Tư pháp – Hộ tịch" }?.holders.map(\.username) == ["bagiang.tpht"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func servesTheCatalogTree(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let auth = try await app.signIn("bagiang.vptk")
            let list = try await app.sendRequest(.GET, "/api/v1/catalogs", headers: auth).json(
                PageDTO<CatalogSummaryDTO>.self)
            let summary = try #require(list.items.first)
            #expect(summary.isSample)
            #expect(summary.maxPoints == 100)
            let catalog = try await app.sendRequest(.GET, "/api/v1/catalogs/\(summary.id)", headers: auth).json(
                CatalogDTO.self)
            #expect(catalog.areas.map(\.code) == ["1", "2", "3", "4", "5", "6", "7"])
            #expect(catalog.areas[0].children.map(\.code) == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"])
            #expect(catalog.lateCredit == 0.5)
            #expect(catalog.classes.first?.minPercent == 90)
        }
    }

    @Test(arguments: TestDatabase.available)
    func filtersTasksByUnitPositionStateAndDueDate(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let auth = try await app.signIn("noivu.bato")
            let baGiang = try await app.sendRequest(.GET, "/api/v1/units/ba-giang", headers: auth).json(UnitDTO.self)
            let unitTasks = try await app.sendRequest(.GET, "/api/v1/tasks?unit=\(baGiang.id)&per=100", headers: auth)
                .json(PageDTO<TaskDTO>.self)
            #expect(unitTasks.metadata.total == 38)
            #expect(unitTasks.items.allSatisfy { $0.unitID == baGiang.id })

            let positions = try await app.sendRequest(.GET, "/api/v1/units/\(baGiang.id)/positions", headers: auth)
                .json(
                    [PositionDTO].self)
            let justice = try #require(positions.first { $0.title == "Tư pháp – Hộ tịch" })
            let justiceTasks = try await app.sendRequest(.GET, "/api/v1/tasks?position=\(justice.id)", headers: auth)
                .json(PageDTO<TaskDTO>.self)
            #expect(justiceTasks.metadata.total == 5)
            #expect(justiceTasks.items.allSatisfy { $0.areaCode == "2" && $0.leadPositionIDs == [justice.id] })

            let early = try await app.sendRequest(
                .GET, "/api/v1/tasks?unit=\(baGiang.id)&due_before=31/03/2023&per=100", headers: auth
            )
            .json(PageDTO<TaskDTO>.self)
            #expect(!early.items.isEmpty)
            #expect(early.items.allSatisfy { ($0.dueDate ?? "9999") <= "2023-03-31" })
            #expect(early.metadata.total < 38)

            let done = try await app.sendRequest(
                .GET, "/api/v1/tasks?unit=\(baGiang.id)&state=done&per=100", headers: auth
            )
            .json(PageDTO<TaskDTO>.self)
            #expect(done.items.allSatisfy { $0.state == "done" && $0.deadlineStatus.hasPrefix("done_") })
        }
    }

    @Test(arguments: TestDatabase.available)
    func badParametersGiveAClearErrorInTheRequestsLanguage(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let auth = try await app.signIn("admin")
            let wrongDay = try await app.sendRequest(.GET, "/api/v1/tasks?due_before=31/02/2024", headers: auth)
            #expect(wrongDay.status == .badRequest)
            let error = try wrongDay.json(ErrorDTO.self)
            #expect(error.code == "date.no_such_day")
            #expect(error.message.contains("31/02/2024"))
            #expect(error.message.contains("29 ngày"))

            let english = try await app.sendRequest(
                .GET, "/api/v1/tasks?state=finished", headers: auth.adding("Accept-Language", "en-US,en;q=0.9"))
            #expect(english.status == .badRequest)
            #expect(try english.json(ErrorDTO.self).message == "Parameter “state” has an invalid value “finished”.")

            let page = try await app.sendRequest(.GET, "/api/v1/units?page=0", headers: auth)
            #expect(page.status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.available)
    func missingThingsAreJSON404sUnderTheAPIAndFriendlyPagesElsewhere(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let auth = try await app.signIn("admin")
            let task = try await app.sendRequest(.GET, "/api/v1/tasks/999", headers: auth)
            #expect(task.status == .notFound)
            #expect(try task.json(ErrorDTO.self).message == "Không tìm thấy nhiệm vụ số 999.")
            let route = try await app.sendRequest(.GET, "/api/v1/nothing-here", headers: auth)
            #expect(route.status == .notFound)
            #expect(try route.json(ErrorDTO.self).code == "http_404")
            let page = try await app.sendRequest(.GET, "/khong-co")
            #expect(page.status == .notFound)
            #expect(page.headers.contentType == .html)
            #expect(page.body.string.contains("Không tìm thấy trang"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func everythingButHealthAndSignInNeedsAToken(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let anonymous = try await app.sendRequest(.GET, "/api/v1/tasks")
            #expect(anonymous.status == .unauthorized)
            #expect(try anonymous.json(ErrorDTO.self).code == "auth.required")
            let forged = try await app.sendRequest(
                .GET, "/api/v1/tasks", headers: ["Authorization": "Bearer ptk_forged"])
            #expect(forged.status == .unauthorized)
            #expect(try forged.json(ErrorDTO.self).code == "auth.token_unknown")
        }
    }

    @Test(arguments: TestDatabase.available)
    func officersReadOnlyTheirOwnUnitsTasks(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let officer = try await app.signIn("bagiang.tpht")
            let mine = try await app.sendRequest(.GET, "/api/v1/tasks?per=500", headers: officer).json(
                PageDTO<TaskDTO>.self)
            let baGiang = try await app.sendRequest(.GET, "/api/v1/units/ba-giang", headers: officer).json(UnitDTO.self)
            #expect(mine.metadata.total == 38)
            #expect(mine.items.allSatisfy { $0.unitID == baGiang.id })
            let reviewer = try await app.signIn("noivu.bato")
            let district = try await app.sendRequest(.GET, "/api/v1/tasks?per=1", headers: reviewer).json(
                PageDTO<TaskDTO>.self)
            #expect(district.metadata.total == 114)
            let other = try await app.sendRequest(.GET, "/api/v1/tasks?unit=\(baGiang.id)&per=1", headers: reviewer)
                .json(PageDTO<TaskDTO>.self)
            let someoneElses = try #require(
                try await app.sendRequest(.GET, "/api/v1/tasks?per=200", headers: reviewer).json(PageDTO<TaskDTO>.self)
                    .items.first { $0.unitID != baGiang.id })
            #expect(other.metadata.total == 38)
            let refused = try await app.sendRequest(.GET, "/api/v1/tasks/\(someoneElses.id)", headers: officer)
            #expect(refused.status == .forbidden)
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
