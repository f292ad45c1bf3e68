import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// Issue 3's two steps: upload a plan document for a preview, then confirm it.
enum ImportsAPI {
    /// POST /api/v1/imports?unit=ID&filename=…[&plan=ID][&catalog=ID] — the body is the file.
    /// Parses it and keeps it for confirmation; writes no plan or task.
    @Sendable static func upload(_ request: Request) async throws -> Response {
        let user = try request.currentUser
        guard let filename = request.query.string("filename")?.nonBlank else {
            throw PartrackError.badRequest(Message("upload.filename_required"))
        }
        // The route collects at most the upload limit (larger bodies are refused with 413 before this).
        guard let buffer = request.body.data else { throw PartrackError.badRequest(Message("upload.empty")) }
        let record = try await receive(
            buffer, filename: filename, unitID: try request.query.positiveInt("unit") ?? user.unitID,
            planID: try request.query.positiveInt("plan"), catalogID: try request.query.positiveInt("catalog"),
            request: request)
        let response = Response(status: .created)
        try response.content.encode(try await preview(record, request: request))
        return response
    }

    /// Keeps an uploaded document and checks that it reads; the API's upload and the import page
    /// alike. A document that cannot be read is refused and forgotten: no record, no file.
    static func receive(
        _ buffer: ByteBuffer, filename: String, unitID: Int, planID: Int?, catalogID: Int?, request: Request
    ) async throws -> PlanImportRecord {
        let user = try request.currentUser
        try await requireMayImport(request, unitID: unitID)
        guard let unit = try await OrgUnit.find(unitID, on: request.db) else {
            throw PartrackError.notFound("unit", id: "\(unitID)")
        }
        guard !filename.contains("/"), filename.count <= 255 else {
            throw PartrackError.badRequest(Message("upload.filename_required"))
        }
        var plan: Plan?
        if let planID {
            guard let found = try await Plan.find(planID, on: request.db), found.$unit.id == unitID else {
                throw PartrackError(
                    status: .unprocessableEntity, code: "import.plan_of_other_unit",
                    message: Message("import.plan_of_other_unit", ["id": "\(planID)"]))
            }
            plan = found
        }
        guard buffer.readableBytes > 0 else { throw PartrackError.badRequest(Message("upload.empty")) }
        // Checked here too: a body that reached the handler already collected skipped the route's limit.
        guard buffer.readableBytes <= request.partrack.config.maxUploadBytes else {
            throw EvidenceAPI.tooLarge(request.partrack.config.maxUploadBytes)
        }
        let importer = PlanImporter(db: request.db, services: request.partrack)
        let catalog = try await importer.catalog(for: unit, plan: plan, asked: catalogID)

        let record = PlanImportRecord()
        record.$unit.id = unitID
        record.$plan.id = plan?.id
        record.$catalog.id = try catalog.requireID()
        record.filename = filename
        record.storedPath = "imports/\(UUID().uuidString)"
        record.$uploader.id = user.id
        record.createdAt = request.partrack.now()
        let file = request.partrack.config.dataDirectory.appendingPathComponent(record.storedPath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(buffer.readableBytesView).write(to: file, options: .atomic)
        do {
            try await record.create(on: request.db)
            _ = try await importer.draft(of: record)
            return record
        } catch {
            try? FileManager.default.removeItem(at: file)
            if record.id != nil { try? await record.delete(on: request.db) }
            throw error
        }
    }

    /// GET /api/v1/imports/:importID — the preview again.
    @Sendable static func show(_ request: Request) async throws -> ImportPreviewDTO {
        let record = try await load(request)
        try await requireMayImport(request, unitID: record.$unit.id)
        return try await preview(record, request: request)
    }

    /// POST /api/v1/imports/:importID/confirm — writes the plan and its tasks in one transaction.
    @Sendable static func confirm(_ request: Request) async throws -> ImportResultDTO {
        let body = (try? request.content.decode(ImportConfirmRequest.self)) ?? ImportConfirmRequest()
        return try await confirm(try await load(request), choices: body, request: request)
    }

    /// Writes a previewed import; the API and the import page alike.
    static func confirm(_ record: PlanImportRecord, choices body: ImportConfirmRequest, request: Request) async throws
        -> ImportResultDTO
    {
        try await requireMayImport(request, unitID: record.$unit.id)
        guard record.confirmedAt == nil else {
            throw PartrackError(
                status: .conflict, code: "import.already_confirmed", message: Message("import.already_confirmed"))
        }
        let importer = PlanImporter(db: request.db, services: request.partrack)
        let (draft, catalog) = try await importer.draft(of: record)
        if let chosen = body.criteria {
            let known = Set(catalog.allNodes.filter(\.isLeaf).map(\.code))
            if let unknown = chosen.values.joined().first(where: { !known.contains($0) }) {
                throw PartrackError(
                    status: .unprocessableEntity, code: "plan.unknown_criterion",
                    message: Message("plan.unknown_criterion", ["code": unknown, "task": ""]))
            }
        }
        let user = try request.currentUser
        let now = request.partrack.now()
        return try await request.db.transaction { db in
            let result = try await PlanImportWriter(importer: importer, userID: user.id, now: now)
                .write(draft, record: record, criteria: body.criteria ?? [:], on: db)
            record.confirmedAt = now
            record.resultPlanID = result.planID
            try await record.save(on: db)
            try await Audit.record(
                "plan.import", entity: "plan", entityID: result.planID, unitID: record.$unit.id, after: result,
                reason: record.filename, by: request, on: db)
            return result
        }
    }

    static func preview(_ record: PlanImportRecord, request: Request) async throws -> ImportPreviewDTO {
        let importer = PlanImporter(db: request.db, services: request.partrack)
        let (draft, catalog) = try await importer.draft(of: record)
        var existing: [ExistingTask]?
        if let planID = record.$plan.id, let plan = try await Plan.find(planID, on: request.db) {
            existing = try await importer.existingTasks(of: plan)
        }
        let positions = try await Position.query(on: request.db).filter(\.$unit.$id == record.$unit.id).all()
        return try ImportPreview.make(
            draft, catalog: catalog, record: record, existing: existing,
            positions: Dictionary(uniqueKeysWithValues: positions.compactMap { p in p.id.map { ($0, p.title) } }),
            strings: request.strings)
    }

    static func load(_ request: Request) async throws -> PlanImportRecord {
        let id = try request.id("importID", of: "import")  // the page route names it the same
        guard let record = try await PlanImportRecord.find(id, on: request.db) else {
            throw PartrackError.notFound("import", id: "\(id)")
        }
        return record
    }

    static func requireMayImport(_ request: Request, unitID: Int) async throws {
        let user = try request.currentUser
        guard user.role == .admin || AccessPolicy.mayDirect(user.acting, unitID: unitID) else {
            let reason = Message("import.not_allowed")
            try await Audit.record(
                "plan.import", entity: "unit", entityID: unitID, unitID: unitID, reason: request.localized(reason),
                outcome: .refused, by: request, on: request.db)
            throw PartrackError(status: .forbidden, code: reason.key, message: reason)
        }
    }
}
