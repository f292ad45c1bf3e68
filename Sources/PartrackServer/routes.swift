import Vapor

/// The site map: one block per page or API group.
func routes(_ app: Application) throws {
    // GET / — a plain page listing the units and plans, so a newcomer sees the server is alive.
    app.get(use: HomePage.show)

    let api = app.grouped("api", "v1")

    // GET /api/v1/health — checks that the database answers.
    api.get("health", use: HealthAPI.check)

    // Read-only organisation: units and their positions.
    api.get("units", use: UnitsAPI.list)
    api.get("units", ":unitID", use: UnitsAPI.show)
    api.get("units", ":unitID", "positions", use: UnitsAPI.positions)

    // Criteria catalogs with their trees.
    api.get("catalogs", use: CatalogsAPI.list)
    api.get("catalogs", ":catalogID", use: CatalogsAPI.show)

    // Plans and their report periods.
    api.get("plans", use: PlansAPI.list)
    api.get("plans", ":planID", use: PlansAPI.show)

    // Tasks, filtered by unit, plan, position, state and due date.
    api.get("tasks", use: TasksAPI.list)
    api.get("tasks", ":taskID", use: TasksAPI.show)
}
