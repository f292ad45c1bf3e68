import Foundation
import PartrackDomain
import PartrackFiles

/// The unit plan-document tests import into: the sample commune catalog and the demo commune's
/// positions, loaded from the repository's own seed files by the project's loaders.
enum DocumentFixtures {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // Documents
        .deletingLastPathComponent()  // PartrackFilesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let context: PlanImportContext = {
        let catalog = try! CatalogFile.load(
            contentsOf: repositoryRoot.appendingPathComponent("seeds/catalogs/commune-sample-2023.yaml"))
        let organisation = try! DemoOrganisation.load(
            contentsOf: repositoryRoot.appendingPathComponent("seeds/demo/organisation.yaml"))
        let positions = organisation.communePositions.enumerated().map { index, position in
            KnownPosition(key: "\(index + 1)", title: position.title, aliases: position.aliases)
        }
        return PlanImportContext(catalog: catalog, positions: positions, fallbackYear: 2023)
    }()

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/plans/\(name)"))
    }

    static func seed001() throws -> Data {
        try Data(contentsOf: repositoryRoot.appendingPathComponent("seeds/plans/001_341dbe7e484b0306.txt"))
    }

    /// 10 MB: the upload limit the tests read with.
    static let limit = 10 << 20

    static func read(_ data: Data, _ filename: String, sheet: String? = nil) throws -> PlanDraft {
        try PlanDocumentReader.read(data, filename: filename, maxBytes: limit, sheet: sheet, context: context)
    }

    /// What must be the same whatever form the plan came in.
    struct TaskShape: Hashable, CustomStringConvertible {
        var title: String
        var area: String?
        var leads: [String]
        var description: String { "[\(area ?? "-")] \(leads) \(title)" }
    }

    static func shapes(_ tasks: [DraftTask]) -> [TaskShape] {
        tasks.map {
            TaskShape(
                title: TextFolding.words(of: $0.title).joined(separator: " "), area: $0.areaCode,
                leads: $0.leadPositionKeys)
        }
    }
}
