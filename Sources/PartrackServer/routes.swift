import Vapor

/// The site map: one block per page or API group; authentication is applied per group.
func routes(_ app: Application) throws {
    // GET / — a plain page listing the units and plans, so a newcomer sees the server is alive.
    app.get(use: HomePage.show)

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

    // Plan import: upload a document for a preview (the body is the file), then confirm.
    signedIn.on(.POST, "imports", body: .collect(maxSize: nil), use: ImportsAPI.upload)
    signedIn.get("imports", ":importID", use: ImportsAPI.show)
    signedIn.post("imports", ":importID", "confirm", use: ImportsAPI.confirm)
}
