import Foundation
import PartrackDomain
import Yams

/// A plan of `seeds/demo/plans/`: a unit's plan with its tasks and their demo outcomes.
public struct DemoPlan: Sendable {
    public struct TaskEntry: Sendable {
        public var title: String
        public var areaCode: String
        public var leadPositions: [String]
        public var criteria: [String]
        public var due: LocalDate
        public var state: TaskState
        public var progress: Int
        public var completedAt: Date?
    }

    public var unitCode: String
    /// File name of the catalog in `seeds/catalogs/` the plan is measured against.
    public var catalogFile: String
    public var year: Int
    public var number: String
    public var title: String
    public var targetRank: (position: Int, of: Int)?
    public var targetClass: String?
    public var periods: [ReportPeriodSpec]
    public var tasks: [TaskEntry]
    public var reports: [ReportEntry]

    /// A report already sent in the demo: the unit's, and the parts of some of its positions.
    public struct ReportEntry: Sendable {
        public var period: PeriodKind
        public var sentAt: Date
        public var positions: [(title: String, sentAt: Date)]
    }

    public static func load(contentsOf url: URL, clock: CivilClock) throws(CatalogInvalid) -> DemoPlan {
        let file = url.lastPathComponent
        var reader = YAMLReader(file: file)
        guard let text = try? String(contentsOf: url, encoding: .utf8), let root = reader.root(of: text) else {
            throw CatalogInvalid(problems: reader.problems.isEmpty ? [.unreadableFile(file)] : reader.problems)
        }
        let unit = reader.string("unit", in: root)
        let catalog = reader.string("catalog", in: root)
        let year = reader.int("year", in: root)
        let title = reader.string("title", in: root)
        let goals = root["goals"]
        let rank = goals?["rank"]?.string.flatMap(Self.rank(from:))
        let periods = reader.sequence("periods", in: root).compactMap { node -> ReportPeriodSpec? in
            let kind = reader.enumValue("kind", in: node, owner: "", as: PeriodKind.self)
            let cutOff = reader.date("cut_off", in: node)
            let due = reader.date("due", in: node)
            guard let kind, let cutOff, let due else { return nil }
            return ReportPeriodSpec(kind: kind, cutOff: cutOff, due: due)
        }
        let tasks = reader.sequence("tasks", in: root).enumerated().compactMap { index, node -> TaskEntry? in
            let owner = "#\(index + 1)"
            let title = reader.string("title", in: node, owner: owner)
            let area = reader.string("area", in: node, owner: owner)
            let due = reader.date("due", in: node, owner: owner)
            let state = reader.enumValue("state", in: node, owner: owner, as: TaskState.self)
            let completedAt = node["completed"] == nil ? nil : reader.instant("completed", in: node, clock: clock)
            guard let title, let area, let due, let state else { return nil }
            return TaskEntry(
                title: title, areaCode: area, leadPositions: reader.strings("lead", in: node),
                criteria: reader.strings("criteria", in: node), due: due, state: state,
                progress: node["progress"]?.int ?? 0, completedAt: completedAt)
        }
        let reports = reader.sequence("reports", in: root, required: false).compactMap { node -> ReportEntry? in
            let kind = reader.enumValue("period", in: node, owner: "", as: PeriodKind.self)
            let sent = reader.instant("sent", in: node, clock: clock)
            let parts = reader.sequence("positions", in: node, required: false).compactMap { part -> (String, Date)? in
                guard let title = reader.string("position", in: part),
                    let at = reader.instant("sent", in: part, clock: clock)
                else { return nil }
                return (title, at)
            }
            guard let kind, let sent else { return nil }
            return ReportEntry(period: kind, sentAt: sent, positions: parts)
        }
        guard reader.problems.isEmpty, let unit, let catalog, let year, let title else {
            throw CatalogInvalid(problems: reader.problems)
        }
        return DemoPlan(
            unitCode: unit, catalogFile: catalog, year: year, number: root["number"]?.string ?? "", title: title,
            targetRank: rank, targetClass: goals?["class"]?.string, periods: periods, tasks: tasks, reports: reports)
    }

    /// "4/19" → (4, 19).
    static func rank(from text: String) -> (position: Int, of: Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let position = Int(parts[0]), let of = Int(parts[1]) else { return nil }
        return (position, of)
    }
}
