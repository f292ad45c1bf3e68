import Fluent
import PartrackAPI
import PartrackDomain
import Vapor

/// The dashboard's report actions: the commune office compiles; the chairperson approves and
/// submits in one step.
enum UnitReportForms {
    struct ActForm: Content {
        /// compile | approve_submit
        let act: String
    }

    @Sendable static func act(_ request: Request) async throws -> Response {
        let periodID = try request.id("periodID", of: "period")
        let form = try request.content.decode(ActForm.self)
        let context = try await PeriodContext.load(periodID, on: request.db)
        do {
            switch form.act {
            case "compile":
                _ = try await ReportsAPI.changeUnitReport(request, act: .compile)
                request.notice(Message("web.report_compiled"))
            case "approve_submit":
                _ = try await ReportsAPI.changeUnitReport(request, act: .approve)
                _ = try await ReportsAPI.changeUnitReport(request, act: .submit)
                request.notice(Message("web.report_sent"))
            default:
                throw PartrackError.badQuery("act", value: form.act)
            }
        } catch let error as any UserFacingError {
            request.notice(error.message, error: true)
        }
        return request.redirect(to: Pages.dashboard.link(context.unitID))
    }
}
