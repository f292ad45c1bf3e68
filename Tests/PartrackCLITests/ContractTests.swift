import Foundation
import PartrackTestSupport
import Testing
import Vapor
import VaporTesting

/// web/openapi.yaml is the contract of /api/v1: every route the server registers is in it, every
/// operation in it is a route, and what it says about each operation holds together.
@Suite struct ContractTests {
    @Test func theDocumentIsOpenAPI31AndEveryReferenceResolves() throws {
        let document = try Contract.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let references = Contract.references(in: document)
        #expect(references.count > 50)
        for reference in Set(references) {
            #expect(Contract.resolve(reference, in: document) != nil, "\(reference)")
        }
        let operations = try Contract.load()
        #expect(operations.count == Contract.operations.count)
        #expect(Set(operations.map(\.id)).count == operations.count, "operation ids are unique")
    }

    @Test(arguments: TestDatabase.available)
    func everyAPIRouteIsDocumentedAndEveryDocumentedOperationIsARoute(database: TestDatabase) async throws {
        try await withGatedTestApp(database) { app in
            let routes = Set(
                app.routes.all.compactMap { route -> String? in
                    let parts = route.path.map { component -> String in
                        switch component {
                        case .constant(let text): return text
                        case .parameter(let name): return "{\(name)}"
                        case .anything: return "*"
                        case .catchall: return "**"
                        }
                    }
                    guard parts.starts(with: ["api", "v1"]) else { return nil }
                    return "\(route.method.rawValue) /" + parts.dropFirst(2).joined(separator: "/")
                })
            let documented = Set(try Contract.load().map(\.key))
            #expect(routes.count > 40)
            #expect(routes.subtracting(documented).sorted() == [], "routes missing from web/openapi.yaml")
            #expect(documented.subtracting(routes).sorted() == [], "documented operations with no route")
        }
    }

    @Test(arguments: TestDatabase.available)
    func theServerServesTheContractAsKeptInTheRepository(database: TestDatabase) async throws {
        try await withGatedTestApp(database) { app in
            let response = try await app.sendRequest(.GET, "/api/v1/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType)?.hasPrefix("application/yaml") == true)
            #expect(Data(buffer: response.body) == (try Data(contentsOf: Contract.file)))
        }
    }

    @Test(arguments: Contract.operations)
    func everyOperationSaysWhatEachRoleGetsAndDocumentsThoseStatuses(operation: Contract.Operation) {
        #expect(!operation.id.isEmpty)
        #expect(Set(operation.access.keys) == Set(Contract.roles(for: operation)), "x-partrack-access names every role")
        for (role, status) in operation.access {
            #expect(operation.responses.contains(status), "\(role) gets \(status), which the operation documents")
        }
        // Without a token the answer is 401 exactly where a token is required.
        #expect((operation.access["anonymous"] == 401) == operation.needsToken)
        if operation.needsToken { #expect(operation.responses.contains(401)) }
    }
}
