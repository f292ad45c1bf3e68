import Fluent
import Foundation
import PartrackDomain
import PartrackFiles
import Vapor

/// `partrack-server load-catalog FILE` — validates and stores a criteria catalog (YAML).
struct LoadCatalogCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp YAML / the catalog's YAML file") var file: String
    }

    var help: String { "Nạp bộ chỉ số từ tệp YAML (load a criteria catalog from a YAML file)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let strings = app.partrack.locales.vietnamese
        do {
            let definition = try CatalogFile.load(contentsOf: URL(fileURLWithPath: signature.file))
            let catalog = try await CatalogStore.save(definition, on: app.db)
            context.console.print(
                strings.render(key: "admin.catalog_loaded", arguments: ["name": definition.name])
                    + " (id \(try catalog.requireID()))")
        } catch let invalid as CatalogInvalid {
            for problem in invalid.problems { context.console.error(strings.render(problem.message)) }
            throw CommandFailure.refused
        }
    }
}

/// `partrack-server import-plan FILE --unit CODE [--plan ID] [--confirm]` — the import of the web
/// page and the API, for an administrator at the server: a preview by default, written with --confirm.
struct ImportPlanCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Văn bản kế hoạch / the plan document (.txt .md .docx .csv .xlsx)") var file:
            String
        @Option(name: "unit", help: "Mã đơn vị / the unit's code, e.g. ba-giang") var unit: String?
        @Option(name: "plan", help: "Kế hoạch cần cập nhật / the plan a revised document updates") var plan: Int?
        @Flag(name: "confirm", help: "Ghi vào cơ sở dữ liệu / write the plan (otherwise only a preview)") var confirm:
            Bool
    }

    var help: String { "Nhập kế hoạch từ văn bản (import a plan document; preview unless --confirm)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let strings = app.partrack.locales.vietnamese
        guard let code = signature.unit,
            let unit = try await OrgUnit.query(on: app.db).filter(\.$code == code).first()
        else {
            context.console.error("Cần --unit MÃ_ĐƠN_VỊ của một đơn vị có sẵn (an existing unit's code is needed).")
            throw CommandFailure.refused
        }
        let url = URL(fileURLWithPath: signature.file)
        let importer = PlanImporter(db: app.db, services: app.partrack)
        let plan = try await signature.plan.asyncMap { try await Plan.find($0, on: app.db) } ?? nil
        let catalog = try await importer.catalog(for: unit, plan: plan, asked: nil)
        do {
            let definition = try await CatalogStore.load(catalog, on: app.db)
            let draft = try PlanDocumentReader.read(
                try Data(contentsOf: url), filename: url.lastPathComponent,
                maxBytes: app.partrack.config.maxUploadBytes,
                context: try await importer.context(
                    unitID: try unit.requireID(), catalog: definition,
                    fallbackYear: app.partrack.clock.day(of: app.partrack.now()).year))
            context.console.print(strings.render(draft.summary))
            for note in draft.diagnostics {
                context.console.warning("\(note.location): \(strings.render(note.message))")
            }
            guard signature.confirm else {
                context.console.print("(Xem trước — thêm --confirm để ghi / preview only — add --confirm to write.)")
                return
            }
            let record = PlanImportRecord()
            record.$unit.id = try unit.requireID()
            record.$plan.id = plan?.id
            record.$catalog.id = try catalog.requireID()
            record.filename = url.lastPathComponent
            record.storedPath = "imports/\(UUID().uuidString)"
            record.$uploader.id = try await systemUser(on: app.db)
            record.createdAt = app.partrack.now()
            let kept = app.partrack.config.dataDirectory.appendingPathComponent(record.storedPath)
            try FileManager.default.createDirectory(
                at: kept.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: url, to: kept)
            let userID = record.$uploader.id
            let now = app.partrack.now()
            let result = try await app.db.transaction { db in
                try await record.create(on: db)
                let result = try await PlanImportWriter(importer: importer, userID: userID, now: now)
                    .write(draft, record: record, criteria: [:], on: db)
                record.confirmedAt = now
                record.resultPlanID = result.planID
                try await record.save(on: db)
                return result
            }
            context.console.print(
                strings.render(
                    key: "web.import_done",
                    arguments: [
                        "created": "\(result.created)", "updated": "\(result.updated)",
                        "cancelled": "\(result.cancelled)",
                    ])
                    + " (plan \(result.planID))")
        } catch let error as any UserFacingError {
            context.console.error(strings.render(error.message))
            throw CommandFailure.refused
        }
    }

    /// The first administrator: imports made at the server are recorded under them.
    func systemUser(on db: any Database) async throws -> Int {
        guard let admin = try await User.query(on: db).filter(\.$role == .admin).sort(\.$id).first() else {
            throw CommandFailure.noAdministrator
        }
        return try admin.requireID()
    }
}

enum CommandFailure: Error, CustomStringConvertible {
    case refused
    case noAdministrator

    var description: String {
        switch self {
        case .refused: return "Không thực hiện được (refused)."
        case .noAdministrator: return "Chưa có tài khoản quản trị nào (no administrator account exists)."
        }
    }
}

extension Sequence {
    /// `map` with an asynchronous transform, in order.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): return try await transform(value)
        case .none: return nil
        }
    }
}
