import Fluent
import Foundation
import PartrackDomain
import PartrackFiles
import PartrackTestSupport
import Testing
import Vapor

@testable import PartrackServer

@Suite struct CatalogStoreTests {
    let sample = repositoryRoot.appendingPathComponent("seeds/catalogs/commune-sample-2023.yaml")

    @Test(arguments: TestDatabase.available)
    func storesTheTreeAndReadsItBackUnchanged(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let definition = try CatalogFile.load(contentsOf: sample)
            let catalog = try await CatalogStore.save(definition, on: app.db)
            let stored = try await CatalogStore.load(catalog, on: app.db)
            #expect(stored.sameContent(as: definition))
            #expect(stored.maximum == Points(100))
        }
    }

    @Test(arguments: TestDatabase.available)
    func loadingTheSameCatalogAgainIsIdempotentButADifferentOneIsRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let definition = try CatalogFile.load(contentsOf: sample)
            let first = try await CatalogStore.save(definition, on: app.db)
            let again = try await CatalogStore.save(definition, on: app.db)
            #expect(first.id == again.id)
            let nodes = try await CatalogNode.query(on: app.db).count()

            var changed = definition
            changed.areas[0].title = "Khác"
            await #expect(throws: PartrackError.self) { try await CatalogStore.save(changed, on: app.db) }
            #expect(try await Catalog.query(on: app.db).count() == 1)
            #expect(try await CatalogNode.query(on: app.db).count() == nodes)
        }
    }
}
