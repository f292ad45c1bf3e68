import Foundation
import PartrackAPI
import PartrackDomain
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

/// Every API operation × every role (officer, leader, reviewer, admin, anonymous, and for the
/// assessment a member of the round's council) gets the status
/// web/openapi.yaml documents in `x-partrack-access`, with real requests on the demo data, and every
/// JSON answer has the shape the document gives it.
@Suite struct PermissionMatrixTests {
    typealias Example = @Sendable (DemoWorld, String) async throws -> ExampleRequest

    @Test(arguments: TestDatabase.available, Contract.operations)
    func eachRoleGetsTheDocumentedStatus(database: TestDatabase, operation: Contract.Operation) async throws {
        let example = try #require(
            Self.examples[operation.id], "PermissionMatrixTests has no example for \(operation.id)")
        let document = try Contract.document()
        let clock = try TestClock.vietnam("10/09/2023 09:00")
        try await withGatedTestApp(database, TestAppOptions(demo: true, now: clock.reader)) { app in
            let world = try await DemoWorld.make(app)
            for role in Contract.roles(for: operation) {
                let expected = try #require(operation.access[role])
                let request = try await example(world, role)
                let response = try await world.send(HTTPMethod(rawValue: operation.method), request, as: role)
                #expect(
                    response.status.code == expected,
                    "\(role): \(operation.method) \(request.path) → \(response.status.code), documented \(expected): \(response.body.string.prefix(300))"
                )
                guard let schema = Contract.responseSchema(operation, status: Int(response.status.code), in: document)
                else { continue }
                let value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                let problems = SchemaCheck(document: document).problems(value, schema)
                #expect(problems.isEmpty, "\(role): the answer does not match the contract: \(problems.prefix(5))")
            }
        }
    }

    @Test func everyOperationHasAnExample() {
        #expect(Set(Contract.operations.map(\.id)).subtracting(Self.examples.keys).sorted() == [])
        #expect(Set(Self.examples.keys).subtracting(Contract.operations.map(\.id)).sorted() == [])
    }

    static func path(_ path: String) -> Example { { _, _ in ExampleRequest(path: path) } }

    /// Every operation's example: the earlier issues' here, the assessment's in their own file.
    static let examples: [String: Example] = coreExamples.merging(assessmentExamples) { ours, _ in ours }

    static let coreExamples: [String: Example] = [
        "health": path("/health"),
        "openapi": path("/openapi.yaml"),
        "createToken": { _, role in
            ExampleRequest(
                path: "/tokens",
                body: .json(
                    TokenCreateRequest(username: "bagiang.tpht", password: demoPassword, name: "matrix \(role)")))
        },
        "listTokens": path("/tokens"),
        "revokeToken": { world, _ in ExampleRequest(path: "/tokens/\(try await world.spareTokenID())") },
        "me": path("/me"),

        "listUnits": path("/units?level=commune"),
        "showUnit": path("/units/ba-giang"),
        "unitPositions": { world, _ in ExampleRequest(path: "/units/\(world.unitID)/positions") },
        "listCatalogs": path("/catalogs"),
        "showCatalog": { world, _ in ExampleRequest(path: "/catalogs/\(world.catalogID)") },
        "listPlans": path("/plans"),
        "showPlan": { world, _ in ExampleRequest(path: "/plans/\(world.planID)") },

        "listTasks": { world, _ in ExampleRequest(path: "/tasks?unit=\(world.unitID)&per=5") },
        "showTask": { world, _ in ExampleRequest(path: "/tasks/\(world.taskID)") },
        "updateTask": { world, role in
            ExampleRequest(
                path: "/tasks/\(world.taskID)",
                body: .json(TaskUpdateRequest(baseVersion: try await world.currentVersion(), note: "Ghi chú (\(role))"))
            )
        },
        "taskHistory": { world, _ in ExampleRequest(path: "/tasks/\(world.taskID)/history") },
        "uploadEvidence": { world, role in
            ExampleRequest(
                path: "/tasks/\(world.taskID)/evidence?filename=minh-chung.pdf", body: .bytes(try world.uniquePDF(role))
            )
        },
        "listEvidence": { world, _ in ExampleRequest(path: "/tasks/\(world.taskID)/evidence") },
        "downloadEvidence": { world, _ in ExampleRequest(path: "/evidence/\(try await world.evidenceID())") },
        "askExplanation": { world, _ in
            ExampleRequest(
                path: "/tasks/\(world.taskID)/explanation-requests",
                body: .json(ExplanationAskRequest(question: "Đề nghị giải trình tiến độ.")))
        },
        "listExplanations": path("/explanation-requests"),
        "answerExplanation": { world, _ in
            ExampleRequest(
                path: "/explanation-requests/\(try await world.explanationID())/answer",
                body: .json(ExplanationAnswerRequest(answer: "Đang chờ kinh phí số hóa.")))
        },
        "closeExplanation": { world, _ in
            ExampleRequest(path: "/explanation-requests/\(try await world.explanationID())/close")
        },

        "listPeriods": { world, _ in ExampleRequest(path: "/periods?unit=\(world.unitID)") },
        "showPeriod": { world, _ in ExampleRequest(path: "/periods/\(world.periodID)") },
        "changePeriod": { world, _ in
            ExampleRequest(
                path: "/periods/\(world.periodID)",
                body: .json(PeriodChangeRequest(due: "20/09/2023", reason: "Theo công văn của huyện")))
        },
        "lockPeriod": { world, _ in
            try await world.setLocked(false)
            return ExampleRequest(
                path: "/periods/\(world.periodID)/lock", body: .json(PeriodChangeRequest(reason: "Đã nhận báo cáo")))
        },
        "reopenPeriod": { world, _ in
            try await world.setLocked(true)
            return ExampleRequest(
                path: "/periods/\(world.periodID)/reopen", body: .json(PeriodChangeRequest(reason: "Bổ sung số liệu")))
        },
        "positionReport": { world, _ in
            ExampleRequest(path: "/periods/\(world.periodID)/positions/\(world.positionID)/report")
        },
        "savePositionReport": { world, role in
            ExampleRequest(
                path: "/periods/\(world.periodID)/positions/\(world.positionID)/report",
                body: .json(ReportNarrativeRequest(narrative: "Lời văn (\(role))")))
        },
        "submitPositionReport": { world, role in
            ExampleRequest(
                path: "/periods/\(world.periodID)/positions/\(world.positionID)/report/submit",
                body: .json(ReportNarrativeRequest(narrative: "Lời văn (\(role))")))
        },
        "unitReport": { world, _ in ExampleRequest(path: "/periods/\(world.periodID)/unit-report") },
        "compileUnitReport": { world, _ in
            ExampleRequest(
                path: "/periods/\(world.periodID)/unit-report/compile",
                body: .json(ReportNarrativeRequest(narrative: nil)))
        },
        "approveUnitReport": { world, _ in
            try await world.arrange(.POST, "/periods/\(world.periodID)/unit-report/compile")
            return ExampleRequest(
                path: "/periods/\(world.periodID)/unit-report/approve",
                body: .json(ReportNarrativeRequest(narrative: nil)))
        },
        "submitUnitReport": { world, _ in
            try await world.arrange(.POST, "/periods/\(world.periodID)/unit-report/compile")
            try await world.arrange(.POST, "/periods/\(world.periodID)/unit-report/approve")
            return ExampleRequest(
                path: "/periods/\(world.periodID)/unit-report/submit",
                body: .json(ReportNarrativeRequest(narrative: nil)))
        },

        "compliance": { world, _ in ExampleRequest(path: "/compliance?unit=\(world.unitID)&period=H1&year=2023") },
        "complianceCSV": { world, _ in ExampleRequest(path: "/compliance.csv?unit=\(world.unitID)&year=2023") },
        "audit": { world, _ in ExampleRequest(path: "/audit?unit=\(world.unitID)") },
        "auditCSV": { world, _ in ExampleRequest(path: "/audit.csv?unit=\(world.unitID)") },

        "projection": { world, _ in ExampleRequest(path: "/projection?unit=\(world.unitID)") },
        "projectionTable": { world, _ in ExampleRequest(path: "/projections?unit=\(world.districtID)&year=2023") },
        "whatIf": { world, _ in
            let day = try #require(LocalDate(year: 2023, month: 9, day: 20))
            return ExampleRequest(
                path: "/projection/what-if",
                body: .json(WhatIfRequest(unitID: world.unitID, outcomes: [.done(world.taskID, on: day)])))
        },
        "projectionTrend": { world, _ in ExampleRequest(path: "/projection/trend?unit=\(world.unitID)") },
        "recordSnapshot": { world, _ in ExampleRequest(path: "/projection/snapshot?unit=\(world.unitID)") },
        "listBaselines": { world, _ in ExampleRequest(path: "/baselines?unit=\(world.unitID)") },
        "recordBaseline": { world, _ in
            ExampleRequest(
                path: "/baselines",
                body: .json(
                    BaselineRequest(
                        unitID: world.unitID, catalogID: world.catalogID, code: world.leafCode, points: "0",
                        source: "Kết quả thẩm định năm 2022")))
        },

        "uploadImport": { world, _ in
            let plan = try Data(
                contentsOf: repositoryRoot.appendingPathComponent("seeds/plans/001_341dbe7e484b0306.txt"))
            return ExampleRequest(
                path: "/imports?unit=\(world.unitID)&filename=ke-hoach.txt&plan=\(world.planID)", body: .bytes(plan))
        },
        "showImport": { world, _ in ExampleRequest(path: "/imports/\(try await world.importID())") },
        "confirmImport": { world, _ in
            ExampleRequest(
                path: "/imports/\(try await world.importID())/confirm", body: .json(ImportConfirmRequest()))
        },
    ]
}
