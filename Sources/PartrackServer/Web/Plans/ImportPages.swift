import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// The import flow: upload a document, see what it would become (and what was not understood),
/// confirm. Nothing is written before the confirmation.
enum ImportPages {
    struct UploadContext: Encodable {
        let chrome: Chrome
        let units: [FormOption]
        let plans: [FormOption]
        let maxUploadMB: Int
        let error: String?
    }

    struct UploadForm: Content {
        let file: File
        let unit: Int?
        let plan: String?
    }

    @Sendable static func form(_ request: Request) async throws -> View {
        try await page(request, error: nil)
    }

    static func page(_ request: Request, error: String?) async throws -> View {
        let user = try request.currentUser
        let units = try await importableUnits(user, on: request.db)
        let plans = try await Plan.query(on: request.db).filter(\.$unit.$id ~~ units.compactMap(\.id))
            .sort(\.$year, .descending).all()
        let wanted = request.query.string("plan")
        return try await request.view.render(
            "import",
            UploadContext(
                chrome: Chrome(request),
                units: units.map { FormOption(value: "\($0.id ?? 0)", label: $0.name, selected: $0.id == user.unitID) },
                plans: plans.map {
                    FormOption(
                        value: "\($0.id ?? 0)", label: "\($0.year) — \($0.title)", selected: "\($0.id ?? 0)" == wanted)
                },
                maxUploadMB: request.partrack.config.maxUploadBytes / 1_048_576, error: error))
    }

    static func importableUnits(_ user: CurrentUser, on db: any Database) async throws -> [OrgUnit] {
        user.role == .admin
            ? try await OrgUnit.query(on: db).filter(\.$level == .commune).sort(\.$name).all()
            : try await OrgUnit.query(on: db).filter(\.$id == user.unitID).all()
    }

    @Sendable static func upload(_ request: Request) async throws -> Response {
        let user = try request.currentUser
        do {
            let form = try request.content.decode(UploadForm.self)
            let record = try await ImportsAPI.receive(
                form.file.data, filename: form.file.filename, unitID: form.unit ?? user.unitID,
                planID: form.plan.flatMap(Int.init), catalogID: nil, request: request)
            return request.redirect(to: Pages.planImportPreview.link(try record.requireID()))
        } catch let error as any UserFacingError {
            return try await page(request, error: request.localized(error.message)).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    struct PreviewContext: Encodable {
        let chrome: Chrome
        let preview: ImportPreviewDTO
        let periods: [PlanPages.PeriodLine]
        let confirmAction: String
        let confirmed: Bool
    }

    @Sendable static func preview(_ request: Request) async throws -> View {
        let record = try await ImportsAPI.load(request)
        try await ImportsAPI.requireMayImport(request, unitID: record.$unit.id)
        let preview = try await ImportsAPI.preview(record, request: request)
        return try await request.view.render(
            "import-preview",
            PreviewContext(
                chrome: Chrome(request), preview: preview,
                periods: preview.periods.map {
                    PlanPages.PeriodLine(
                        name: request.localized("period.\($0.kind)"), due: LocalDate(iso: $0.due)?.formatted ?? $0.due)
                },
                confirmAction: Pages.planImportPreview.link(preview.id), confirmed: record.confirmedAt != nil))
    }

    @Sendable static func confirm(_ request: Request) async throws -> Response {
        let record = try await ImportsAPI.load(request)
        do {
            let result = try await ImportsAPI.confirm(record, choices: ImportConfirmRequest(), request: request)
            request.notice(
                Message(
                    "web.import_done",
                    [
                        "created": "\(result.created)", "updated": "\(result.updated)",
                        "cancelled": "\(result.cancelled)",
                    ]))
            return request.redirect(to: Pages.plan.link(result.planID))
        } catch let error as any UserFacingError {
            request.notice(error.message, error: true)
            return request.redirect(to: Pages.planImportPreview.link(try record.requireID()))
        }
    }
}
