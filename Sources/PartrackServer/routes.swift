import Vapor

/// The site map: one block per page or API group; authentication is applied per group.
func routes(_ app: Application) throws {
    // Pages: signed in from the session; every POST carries the session's CSRF token.
    let web = app.grouped(SessionSignIn(), VerifyCSRF())
    webPages(web)

    let api = app.grouped("api", "v1")

    // Open to all: the health check, and exchanging a password for a token.
    api.get("health", use: HealthAPI.check)
    api.post("tokens", use: TokensAPI.create)
    // GET /api/v1/openapi.yaml — the API's written contract (kept in web/openapi.yaml).
    api.get("openapi.yaml", use: OpenAPIDocument.serve)

    // Everything else needs `Authorization: Bearer ptk_…`.
    let signedIn = api.grouped(TokenAuthenticator(), RequireSignIn())

    // Who am I; my tokens.
    signedIn.get("me", use: MeAPI.show)
    signedIn.get("tokens", use: TokensAPI.list)
    signedIn.delete("tokens", ":tokenID", use: TokensAPI.revoke)

    // Organisation: units and their positions.
    signedIn.get("units", use: UnitsAPI.list)
    signedIn.get("units", ":unitID", use: UnitsAPI.show)
    signedIn.get("units", ":unitID", "positions", use: UnitsAPI.positions)

    // Criteria catalogs with their trees.
    signedIn.get("catalogs", use: CatalogsAPI.list)
    signedIn.get("catalogs", ":catalogID", use: CatalogsAPI.show)

    // Plans and their report periods.
    signedIn.get("plans", use: PlansAPI.list)
    signedIn.get("plans", ":planID", use: PlansAPI.show)

    // Tasks: read, update (with version), history.
    signedIn.get("tasks", use: TasksAPI.list)
    signedIn.get("tasks", ":taskID", use: TasksAPI.show)
    signedIn.patch("tasks", ":taskID", use: TaskUpdateAPI.update)
    signedIn.get("tasks", ":taskID", "history", use: TaskHistoryAPI.list)

    // Evidence: streamed upload (the body is the file), list, download.
    signedIn.on(.POST, "tasks", ":taskID", "evidence", body: .stream, use: EvidenceAPI.upload)
    signedIn.get("tasks", ":taskID", "evidence", use: EvidenceAPI.list)
    signedIn.get("evidence", ":evidenceID", use: EvidenceAPI.download)

    // Explanation requests: a leader asks, the holder answers, the leader closes.
    signedIn.post("tasks", ":taskID", "explanation-requests", use: ExplanationsAPI.ask)
    signedIn.get("explanation-requests", use: ExplanationsAPI.list)
    signedIn.post("explanation-requests", ":requestID", "answer", use: ExplanationsAPI.answer)
    signedIn.post("explanation-requests", ":requestID", "close", use: ExplanationsAPI.close)

    // Report periods: status, dates (leader), lock and reopen (reviewer).
    signedIn.get("periods", use: ReportsAPI.list)
    signedIn.get("periods", ":periodID", use: ReportsAPI.period)
    signedIn.patch("periods", ":periodID", use: ReportsAPI.change)
    signedIn.post("periods", ":periodID", "lock", use: ReportsAPI.lock)
    signedIn.post("periods", ":periodID", "reopen", use: ReportsAPI.reopen)

    // A position's part of the period's report: read (live draft), save, submit.
    signedIn.get("periods", ":periodID", "positions", ":positionID", "report", use: ReportsAPI.positionReport)
    signedIn.put("periods", ":periodID", "positions", ":positionID", "report", use: ReportsAPI.savePositionReport)
    signedIn.post(
        "periods", ":periodID", "positions", ":positionID", "report", "submit", use: ReportsAPI.submitPositionReport)

    // The unit's report: compiled by the commune office, approved and submitted by the chairperson.
    signedIn.get("periods", ":periodID", "unit-report", use: ReportsAPI.unitReport)
    signedIn.post("periods", ":periodID", "unit-report", "compile", use: ReportsAPI.compile)
    signedIn.post("periods", ":periodID", "unit-report", "approve", use: ReportsAPI.approve)
    signedIn.post("periods", ":periodID", "unit-report", "submit", use: ReportsAPI.submit)

    // Oversight: compliance (reviewers, leaders of their unit) and the audit log (reviewers, admins).
    signedIn.get("compliance", use: ComplianceAPI.show)
    signedIn.get("compliance.csv", use: ComplianceAPI.csv)
    signedIn.get("audit", use: AuditAPI.list)
    signedIn.get("audit.csv", use: AuditAPI.csv)

    // Projection: a unit's figures, a reviewer's table, what-if, trend, baselines.
    signedIn.get("projection", use: ProjectionAPI.unit)
    signedIn.get("projections", use: ProjectionAPI.table)
    signedIn.post("projection", "what-if", use: ProjectionAPI.whatIf)
    signedIn.get("projection", "trend", use: TrendAPI.list)
    signedIn.post("projection", "snapshot", use: TrendAPI.record)
    signedIn.get("baselines", use: BaselinesAPI.list)
    signedIn.put("baselines", use: BaselinesAPI.record)

    // Assessment rounds (issue 8): the reviewer opens, sets the council, compiles and publishes;
    // the unit self-assesses and submits; the council appraises.
    let rounds = signedIn.grouped("assessment-rounds")
    rounds.get(use: AssessmentRoundsAPI.list)
    rounds.post(use: AssessmentRoundsAPI.open)
    rounds.get(":roundID", use: AssessmentRoundsAPI.show)
    rounds.put(":roundID", "council", use: AssessmentRoundsAPI.setCouncil)
    rounds.get(":roundID", "progress", use: AssessmentRoundsAPI.progress)
    rounds.get(":roundID", "results", use: AssessmentRoundsAPI.results)
    rounds.get(":roundID", "results.csv", use: AssessmentRoundsAPI.resultsCSV)
    rounds.post(":roundID", "publish", use: AssessmentRoundsAPI.publish)
    rounds.on(.POST, ":roundID", "survey", body: .collect(maxSize: nil), use: AssessmentRoundsAPI.importSurvey)
    rounds.post(":roundID", "evidence-requests", ":requestID", "answer", use: AssessmentRoundsAPI.answer)
    let unit = rounds.grouped(":roundID", "units", ":unitID")
    unit.get(use: AssessmentUnitsAPI.show)
    unit.put("owners", use: AssessmentUnitsAPI.setOwners)
    unit.post("prefill", use: AssessmentUnitsAPI.prefill)
    unit.post("confirm", use: AssessmentUnitsAPI.confirm)
    unit.put("scores", ":code", use: AssessmentUnitsAPI.score)
    unit.on(.POST, "documents", body: .stream, use: AssessmentUnitsAPI.upload)
    unit.get("files", ":kind", ":fileID", use: AssessmentUnitsAPI.file)
    unit.post("submit", use: AssessmentUnitsAPI.submit)
    unit.post("reopen", use: AssessmentUnitsAPI.reopen)
    unit.put("appraisals", ":code", use: AssessmentUnitsAPI.appraise)
    unit.post("appraisals", "accept-remaining", use: AssessmentUnitsAPI.acceptRemaining)
    unit.post("evidence-requests", use: AssessmentUnitsAPI.ask)
    unit.put("survey", ":code", use: AssessmentUnitsAPI.survey)

    // Plan import: upload a document for a preview (the body is the file), then confirm.
    signedIn.on(.POST, "imports", body: .collect(maxSize: nil), use: ImportsAPI.upload)
    signedIn.get("imports", ":importID", use: ImportsAPI.show)
    signedIn.post("imports", ":importID", "confirm", use: ImportsAPI.confirm)
}

/// The pages of the site, by role. Each URL is written once, in `Pages`.
func webPages(_ web: any RoutesBuilder) {
    // GET / — the units and plans for a visitor; a signed-in person goes to their own start page.
    web.get(Pages.home.route, use: HomePage.show)
    web.get(Pages.signIn.route, use: SignInPages.show)
    web.post(Pages.signIn.route, use: SignInPages.signIn)
    web.get(Pages.language.route, use: SignInPages.language)

    let signedIn = web.grouped(RequirePageSignIn())
    signedIn.post(Pages.signOut.route, use: SignInPages.signOut)
    signedIn.get(Pages.password.route, use: SignInPages.passwordPage)
    signedIn.post(Pages.password.route, use: SignInPages.changePassword)

    // Officer: my tasks, a task and its forms, my period report.
    signedIn.get(Pages.myTasks.route, use: MyTasksPage.show)
    signedIn.get(Pages.task.route, use: TaskPage.show)
    signedIn.post(Pages.taskUpdate.route, use: TaskForms.update)
    signedIn.on(.POST, Pages.taskEvidence.route, body: .collect(maxSize: nil), use: TaskForms.evidence)
    signedIn.post(Pages.taskDirect.route, use: TaskForms.direct)
    signedIn.post(Pages.taskAskExplanation.route, use: TaskForms.ask)
    signedIn.post(Pages.explanationAnswer.route, use: TaskForms.answer)
    signedIn.post(Pages.explanationClose.route, use: TaskForms.close)
    signedIn.get(Pages.evidenceFile.route, use: EvidenceAPI.download)
    signedIn.get(Pages.positionReport.route, use: ReportPages.position)
    signedIn.post(Pages.positionReport.route, use: ReportPages.savePosition)

    // Chairperson: the commune dashboard (read-only for reviewers), the report's steps, printing.
    signedIn.get(Pages.dashboard.route, use: DashboardPage.show)
    signedIn.post(Pages.unitReport.route, use: UnitReportForms.act)
    signedIn.get(Pages.unitReportPrint.route, use: PrintPages.communeReport)

    // Plans: list, detail, import (upload → preview → confirm), a leader's own task.
    signedIn.get(Pages.plans.route, use: PlanPages.list)
    signedIn.get(Pages.planImport.route, use: ImportPages.form)
    signedIn.on(.POST, Pages.planImport.route, body: .collect(maxSize: nil), use: ImportPages.upload)
    signedIn.get(Pages.planImportPreview.route, use: ImportPages.preview)
    signedIn.post(Pages.planImportPreview.route, use: ImportPages.confirm)
    signedIn.get(Pages.plan.route, use: PlanPages.detail)
    signedIn.get(Pages.planTaskNew.route, use: PlanPages.newTask)
    signedIn.post(Pages.planTaskNew.route, use: PlanPages.createTask)

    // Reviewer: compliance matrix and communes' table, exports, locking a period, the summary to print.
    signedIn.get(Pages.district.route, use: DistrictPage.show)
    signedIn.get(Pages.districtCompliance.route, use: DistrictExports.compliance)
    signedIn.get(Pages.districtProjection.route, use: DistrictExports.projection)
    signedIn.post(Pages.districtLock.route, use: DistrictExports.lock)
    signedIn.get(Pages.districtPrint.route, use: DistrictExports.print)

    // Assessment (issue 8): the reviewer opens a round and reopens a unit; the unit's leader assigns
    // owners, drafts from the plan and submits with the signed scan; owners score with evidence; the
    // council is set up, appraises and asks for evidence; progress; results, survey points, publication.
    signedIn.get(Pages.assessment.route, use: RoundsPage.show)
    signedIn.post(Pages.assessment.route, use: RoundsPage.open)
    signedIn.get(Pages.assessmentRound.route, use: RoundPage.show)
    signedIn.post(Pages.assessmentReopen.route, use: RoundPage.reopen)
    signedIn.get(Pages.assessmentUnit.route, use: UnitPage.show)
    signedIn.get(Pages.assessmentUnitPrint.route, use: UnitExports.print)
    signedIn.get(Pages.assessmentUnitCSV.route, use: UnitExports.csv)
    signedIn.post(Pages.assessmentOwners.route, use: UnitForms.owners)
    signedIn.post(Pages.assessmentPrefill.route, use: UnitForms.prefill)
    signedIn.post(Pages.assessmentConfirm.route, use: UnitForms.confirm)
    signedIn.post(Pages.assessmentScore.route, use: UnitForms.score)
    signedIn.on(.POST, Pages.assessmentUpload.route, body: .collect(maxSize: nil), use: UnitForms.upload)
    signedIn.get(Pages.assessmentFile.route, use: UnitForms.file)
    signedIn.on(.POST, Pages.assessmentSubmit.route, body: .collect(maxSize: nil), use: UnitForms.submit)
    signedIn.post(Pages.assessmentAnswer.route, use: UnitForms.answer)
    signedIn.get(Pages.assessmentCouncil.route, use: CouncilPage.show)
    signedIn.post(Pages.assessmentCouncil.route, use: CouncilPage.save)
    signedIn.get(Pages.assessmentAppraise.route, use: AppraisePage.show)
    signedIn.post(Pages.assessmentAppraiseCode.route, use: AppraisePage.appraise)
    signedIn.post(Pages.assessmentAcceptRemaining.route, use: AppraisePage.acceptRemaining)
    signedIn.post(Pages.assessmentAsk.route, use: AppraisePage.ask)
    signedIn.get(Pages.assessmentProgress.route, use: ProgressPage.show)
    signedIn.get(Pages.assessmentResults.route, use: ResultsPage.show)
    signedIn.get(Pages.assessmentResultsCSV.route, use: ResultsPage.csv)
    signedIn.get(Pages.assessmentResultsPrint.route, use: ResultsPage.print)
    signedIn.post(Pages.assessmentPublish.route, use: ResultsPage.publish)
    signedIn.post(Pages.assessmentSurvey.route, use: ResultsPage.saveSurvey)
    signedIn.on(.POST, Pages.assessmentSurveyImport.route, body: .collect(maxSize: nil), use: ResultsPage.importSurvey)

    // Last year's scores: the unit's leader or an admin.
    signedIn.get(Pages.baselines.route, use: BaselinesPage.show)
    signedIn.post(Pages.baselines.route, use: BaselinesPage.save)

    // Administration: people, units and positions, catalogs.
    let admin = signedIn.grouped(RequireAdmin())
    admin.get(Pages.admin.route) { request in request.redirect(to: Pages.adminUsers.link()) }
    admin.get(Pages.adminUsers.route, use: AdminUsersPage.list)
    admin.post(Pages.adminUsers.route, use: AdminUsersPage.create)
    admin.get(Pages.adminUser.route, use: AdminUsersPage.show)
    admin.post(Pages.adminUser.route, use: AdminUsersPage.change)
    admin.get(Pages.adminUnits.route, use: AdminUnitsPage.show)
    admin.post(Pages.adminUnits.route, use: AdminUnitsPage.addUnit)
    admin.post(Pages.adminPositions.route, use: AdminUnitsPage.addPosition)
    admin.get(Pages.adminCatalogs.route, use: AdminCatalogsPage.list)
    admin.on(.POST, Pages.adminCatalogs.route, body: .collect(maxSize: nil), use: AdminCatalogsPage.upload)
    admin.get(Pages.adminCatalog.route, use: AdminCatalogsPage.tree)
}
