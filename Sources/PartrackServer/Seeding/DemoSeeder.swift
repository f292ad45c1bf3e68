import Fluent
import Foundation
import PartrackDomain
import PartrackFiles
import Vapor

/// Loads `seeds/demo/` and the default catalog: units, positions, people, plans.
/// Idempotent: what exists already (by unit code, username, plan title) is left exactly as it is,
/// so starting twice changes nothing and a demo someone has worked in keeps their work.
struct DemoSeeder {
    let app: Application

    var demoDirectory: URL { app.partrack.seedsDirectory.appendingPathComponent("demo") }
    var catalogsDirectory: URL { app.partrack.seedsDirectory.appendingPathComponent("catalogs") }

    func seedIfNeeded() async throws {
        let organisation = try DemoOrganisation.load(
            contentsOf: demoDirectory.appendingPathComponent("organisation.yaml"))
        let planFiles = try FileManager.default.contentsOfDirectory(
            at: demoDirectory.appendingPathComponent("plans"), includingPropertiesForKeys: nil
        ).filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        let unitOrder = organisation.units.map(\.code)
        // In the order the units are listed, so Ba Giang's plan comes first.
        let plans = try planFiles.map { try DemoPlan.load(contentsOf: $0, clock: app.partrack.clock) }
            .sorted {
                (unitOrder.firstIndex(of: $0.unitCode) ?? .max) < (unitOrder.firstIndex(of: $1.unitCode) ?? .max)
            }
        let passwordHash = try app.password.hash(organisation.demoPassword)

        let createdUsers = try await app.db.transaction { db in
            let unitIDs = try await seedUnits(organisation, on: db)
            let positionIDs = try await seedPositions(organisation, unitIDs: unitIDs, on: db)
            let created = try await seedUsers(
                organisation, unitIDs: unitIDs, positionIDs: positionIDs, passwordHash: passwordHash, on: db)
            for plan in plans {
                try await seedPlan(plan, unitIDs: unitIDs, positionIDs: positionIDs, on: db)
            }
            return created
        }
        if !createdUsers.isEmpty {
            announce(createdUsers, password: organisation.demoPassword)
        }
    }

    /// Printed once, when the demo accounts are first made (README lists them too).
    private func announce(_ users: [DemoOrganisation.UserEntry], password: String) {
        var lines = [
            "", "Tài khoản demo (chỉ để dùng thử) — demo accounts (demo only), mật khẩu/password: \(password)",
        ]
        for user in users {
            lines.append(
                "  \(user.username.padding(toLength: 18, withPad: " ", startingAt: 0)) \(user.role.rawValue)  \(user.displayName)"
            )
        }
        app.logger.notice("\(lines.joined(separator: "\n"))\n")
    }

    private func seedUnits(_ organisation: DemoOrganisation, on db: any Database) async throws -> [String: Int] {
        var ids: [String: Int] = [:]
        for entry in organisation.units {
            if let existing = try await OrgUnit.query(on: db).filter(\.$code == entry.code).first() {
                ids[entry.code] = try existing.requireID()
                continue
            }
            let unit = OrgUnit(
                code: entry.code, name: entry.name, level: entry.level, parentID: entry.parentCode.flatMap { ids[$0] })
            try await unit.create(on: db)
            ids[entry.code] = try unit.requireID()
        }
        return ids
    }

    /// Position ids keyed by unit code and title.
    private func seedPositions(
        _ organisation: DemoOrganisation, unitIDs: [String: Int], on db: any Database
    ) async throws -> [String: [String: Int]] {
        var ids: [String: [String: Int]] = [:]
        for unit in organisation.units where unit.level == .commune {
            let unitID = unitIDs[unit.code]!
            let existing = try await Position.query(on: db).filter(\.$unit.$id == unitID).all()
            var byTitle = Dictionary(uniqueKeysWithValues: try existing.map { ($0.title, try $0.requireID()) })
            for entry in organisation.communePositions where byTitle[entry.title] == nil {
                let position = Position(unitID: unitID, title: entry.title, aliases: entry.aliases)
                position.compilesUnitReport = entry.compilesUnitReport
                try await position.create(on: db)
                byTitle[entry.title] = try position.requireID()
            }
            ids[unit.code] = byTitle
        }
        return ids
    }

    private func seedUsers(
        _ organisation: DemoOrganisation, unitIDs: [String: Int], positionIDs: [String: [String: Int]],
        passwordHash: String, on db: any Database
    ) async throws -> [DemoOrganisation.UserEntry] {
        var created: [DemoOrganisation.UserEntry] = []
        for entry in organisation.users {
            if try await User.query(on: db).filter(\.$username == entry.username).first() != nil { continue }
            guard let unitID = unitIDs[entry.unitCode] else { throw DemoDataError.unknownUnit(entry.unitCode) }
            let user = User(
                username: entry.username, displayName: entry.displayName, passwordHash: passwordHash,
                role: entry.role, unitID: unitID)
            try await user.create(on: db)
            for title in entry.positionTitles {
                guard let positionID = positionIDs[entry.unitCode]?[title] else {
                    throw DemoDataError.unknownPosition(title, unit: entry.unitCode)
                }
                try await PositionHolder(positionID: positionID, userID: try user.requireID()).create(on: db)
            }
            created.append(entry)
        }
        return created
    }

    private func seedPlan(
        _ plan: DemoPlan, unitIDs: [String: Int], positionIDs: [String: [String: Int]], on db: any Database
    ) async throws {
        guard let unitID = unitIDs[plan.unitCode] else { throw DemoDataError.unknownUnit(plan.unitCode) }
        let exists = try await Plan.query(on: db).filter(\.$unit.$id == unitID).filter(\.$year == plan.year)
            .filter(\.$title == plan.title).first()
        if exists != nil { return }
        let definition = try CatalogFile.load(contentsOf: catalogsDirectory.appendingPathComponent(plan.catalogFile))
        let catalog = try await CatalogStore.save(definition, on: db)
        let positions = positionIDs[plan.unitCode] ?? [:]
        let tasks = try plan.tasks.map { entry in
            NewTask(
                title: entry.title, areaCode: entry.areaCode,
                leadPositionIDs: try entry.leadPositions.map { title in
                    guard let id = positions[title] else {
                        throw DemoDataError.unknownPosition(title, unit: plan.unitCode)
                    }
                    return id
                },
                criteria: entry.criteria.map { ($0, 1) }, dueDate: entry.due, state: entry.state,
                progress: entry.progress, completedAt: entry.completedAt)
        }
        let stored = try await PlanWriter.create(
            NewPlan(
                unitID: unitID, catalogID: try catalog.requireID(), year: plan.year, number: plan.number,
                documentDate: nil, title: plan.title, targetRank: plan.targetRank, targetClass: plan.targetClass,
                state: .active, periods: plan.periods, tasks: tasks),
            on: db)
        try await seedReports(plan.reports, of: stored, unitCode: plan.unitCode, positionIDs: positions, on: db)
    }

    /// Reports the demo has already sent, each drafted from the tasks as they stood when it was sent.
    private func seedReports(
        _ reports: [DemoPlan.ReportEntry], of plan: Plan, unitCode: String, positionIDs: [String: Int],
        on db: any Database
    ) async throws {
        let clock = app.partrack.clock
        let periods = try await ReportPeriod.query(on: db).filter(\.$plan.$id == plan.requireID()).all()
        for entry in reports {
            guard let period = periods.first(where: { $0.kind == entry.period }) else {
                throw DemoDataError.unknownPeriod(entry.period.rawValue, unit: unitCode)
            }
            let context = try await PeriodContext.load(try period.requireID(), on: db)
            for part in entry.positions {
                guard let positionID = positionIDs[part.title],
                    let position = context.positions.first(where: { $0.id == positionID })
                else { throw DemoDataError.unknownPosition(part.title, unit: unitCode) }
                let report = PeriodReport(periodID: context.id, unitID: context.unitID, positionID: positionID)
                report.summaryJSON = try ReportDrafts.encode(
                    try await ReportDrafts.positionDraft(position, in: context, now: part.sentAt, clock: clock, on: db))
                report.submittedAt = part.sentAt
                try await report.create(on: db)
            }
            let unitReport = PeriodReport(periodID: context.id, unitID: context.unitID, positionID: nil)
            unitReport.summaryJSON = try ReportDrafts.encode(
                try await ReportDrafts.unitDraft(context, now: entry.sentAt, clock: clock, on: db))
            unitReport.approvedAt = entry.sentAt
            unitReport.submittedAt = entry.sentAt
            try await unitReport.create(on: db)
        }
    }
}

/// A demo file that refers to something it does not define: a mistake in the repository's seeds.
enum DemoDataError: Error, CustomStringConvertible {
    case unknownUnit(String)
    case unknownPosition(String, unit: String)
    case unknownPeriod(String, unit: String)

    var description: String {
        switch self {
        case .unknownUnit(let code): return "seeds/demo: unit \(code) is not in organisation.yaml"
        case .unknownPosition(let title, let unit): return "seeds/demo: unit \(unit) has no position “\(title)”"
        case .unknownPeriod(let kind, let unit): return "seeds/demo: the plan of \(unit) has no period \(kind)"
        }
    }
}
