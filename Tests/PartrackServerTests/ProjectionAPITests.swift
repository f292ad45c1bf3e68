import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import VaporTesting

@testable import PartrackServer

/// Issue 5 through the API: a unit's projection, a reviewer's table, what-if, baselines, trend.
@Suite struct ProjectionAPITests {
    @Test(arguments: TestDatabase.available)
    func baGiangsDemoPlanShowsSensibleFiguresThatAddUpExactly(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("20/06/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let leader = try await app.signIn("bagiang.chutich")
            let response = try await app.sendRequest(.GET, "/api/v1/projection", headers: leader)
            #expect(response.status == .ok)
            let result = try response.json(UnitProjectionDTO.self)
            let projection = result.projection
            #expect(result.unitName == "UBND xã Ba Giang")
            #expect(result.catalogIsSample)
            #expect(projection.maximum == Points(100))
            #expect(projection.total.earned <= projection.total.projected)
            #expect(projection.total.projected <= projection.total.ceiling)
            // Leaves add up to areas, areas to the total, to the hundredth.
            let leaves = projection.nodes.filter(\.isLeaf)
            #expect(leaves.reduce(Points.zero) { $0 + $1.figures.projected } == projection.total.projected)
            for area in projection.nodes where area.parentCode == nil {
                let inArea = leaves.filter { $0.code.hasPrefix(area.code + ".") }
                #expect(inArea.reduce(Points.zero) { $0 + $1.figures.earned } == area.figures.earned)
            }
            // Sensible: a plan mostly on track projects between half and all of the points, with a class.
            #expect(projection.percent.projected > 5000 && projection.percent.projected <= 10000)
            #expect(projection.classes.projected != nil)
            #expect(result.rank?.of == 3)
            #expect(result.goal.targetClass == "Tốt")
            #expect(result.words["total"]?.isEmpty == false)
            #expect(result.words["1.2.1"]?.contains("báo cáo") == true)
            // The criterion no task covers is said to be uncovered.
            #expect(projection.node("5.4")?.coverage == .notCovered)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aReviewerSeesEveryCommuneRankedAndSortedByProjectedScore(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("20/06/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let reviewer = try await app.signIn("noivu.bato")
            let rows = try await app.sendRequest(.GET, "/api/v1/projections?year=2023", headers: reviewer)
                .json([ProjectionRowDTO].self)
            #expect(rows.count == 3)
            #expect(rows.map(\.projected) == rows.map(\.projected).sorted(by: >))
            #expect(rows.first?.rank?.position == 1)
            #expect(rows.allSatisfy { $0.rank?.of == 3 && $0.tasksLive > 0 })
            let byName = try await app.sendRequest(.GET, "/api/v1/projections?year=2023&sort=name", headers: reviewer)
                .json([ProjectionRowDTO].self)
            #expect(byName.map(\.unitName) == byName.map(\.unitName).sorted())
            // The table computes totals only, without titles; each row is still the unit's own figure and rank.
            for row in rows {
                let own = try await app.sendRequest(
                    .GET, "/api/v1/projection?year=2023&unit=\(row.unitID)", headers: reviewer
                ).json(UnitProjectionDTO.self)
                #expect(
                    own.projection.total == Figures(earned: row.earned, projected: row.projected, ceiling: row.ceiling))
                #expect(own.projection.percent.projected == row.projectedPercent)
                #expect(own.rank == row.rank)
            }
            let district = try await app.unit("ba-to").requireID()
            let officer = try await app.sendRequest(
                .GET, "/api/v1/projections?year=2023&unit=\(district)", headers: try await app.signIn("bagiang.tpht"))
            #expect(officer.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.available)
    func whatIfShowsWhatFinishingAnOpenTaskWouldAdd(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("20/06/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let leader = try await app.signIn("bagiang.chutich")
            let unit = try await app.unit("ba-giang").requireID()
            let base = try await app.sendRequest(.GET, "/api/v1/projection", headers: leader).json(
                UnitProjectionDTO.self)
            let best = try #require(base.projection.whatIf.first)
            let response = try await app.send(
                .POST, "/api/v1/projection/what-if", headers: leader,
                json: WhatIfRequest(
                    unitID: unit,
                    outcomes: [.done(best.taskID, on: try #require(LocalDate(year: 2023, month: 6, day: 21)))]))
            #expect(response.status == .ok)
            let comparison = try response.json(WhatIfComparison.self)
            #expect(comparison.after.total.earned > comparison.before.total.earned)
            #expect(comparison.after.total.projected >= comparison.before.total.projected)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aLeaderRecordsABaselineForACriterionNoTaskCovers(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let leader = try await app.signIn("bagiang.chutich")
            let unit = try await app.unit("ba-giang").requireID()
            let catalog = try #require(try await Catalog.query(on: app.db).first()).requireID()
            let request = BaselineRequest(
                unitID: unit, catalogID: catalog, code: "5.4", points: "2,5", source: "QĐ công bố Chỉ số CCHC 2022")
            let officer = try await app.send(
                .PUT, "/api/v1/baselines", headers: try await app.signIn("bagiang.tpht"), json: request)
            #expect(officer.status == .forbidden)
            var tooMany = request
            tooMany.points = "3,5"
            #expect(
                try await app.send(.PUT, "/api/v1/baselines", headers: leader, json: tooMany).status
                    == .unprocessableEntity)
            var parent = request
            parent.code = "5"
            #expect(
                try await app.send(.PUT, "/api/v1/baselines", headers: leader, json: parent).status
                    == .unprocessableEntity)
            let saved = try await app.send(.PUT, "/api/v1/baselines", headers: leader, json: request)
            #expect(saved.status == .ok)
            #expect(try saved.json(BaselineDTO.self).points == Points(hundredths: 250))
            let projection = try await app.sendRequest(.GET, "/api/v1/projection", headers: leader).json(
                UnitProjectionDTO.self)
            let node = try #require(projection.projection.node("5.4"))
            #expect(node.coverage == .baseline)
            #expect(node.figures.projected == Points(hundredths: 250))
        }
    }

    @Test(arguments: TestDatabase.available)
    func theTrendHasASnapshotForEveryPastDueDateAndOnDemand(database: TestDatabase) async throws {
        let clock = try TestClock.vietnam("20/06/2023 09:00")
        try await withTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let leader = try await app.signIn("bagiang.chutich")
            let trend = try await app.sendRequest(.GET, "/api/v1/projection/trend", headers: leader)
                .json([TrendSnapshot].self)
            #expect(trend.map(\.occasion) == [.periodDue(.q1), .periodDue(.h1)])
            // Each as of the end of the due day (15/3, 15/6), Vietnam time.
            let clockVN = CivilClock.vietnam
            #expect(
                trend.map(\.asOf) == [
                    clockVN.endOfDay(try #require(LocalDate(year: 2023, month: 3, day: 15))),
                    clockVN.endOfDay(try #require(LocalDate(year: 2023, month: 6, day: 15))),
                ])
            let made = try await app.sendRequest(.POST, "/api/v1/projection/snapshot", headers: leader)
            #expect(made.status == .ok)
            let again = try await app.sendRequest(.GET, "/api/v1/projection/trend", headers: leader)
                .json([TrendSnapshot].self)
            #expect(again.count == 3)
            #expect(again.last?.occasion == .onDemand)
        }
    }
}
