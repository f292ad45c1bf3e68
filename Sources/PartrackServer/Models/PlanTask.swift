import Fluent
import Foundation
import PartrackDomain

/// A task (nhiệm vụ) of a plan. Not named `Task`, which would shadow Swift concurrency's.
final class PlanTask: Model, @unchecked Sendable {
    static let schema = "tasks"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "plan_id") var plan: Plan
    @Field(key: "title") var title: String
    @Field(key: "details") var details: String
    /// The product (sản phẩm) that shows it done: a plan, a report, a decision.
    @Field(key: "expected_output") var expectedOutput: String
    /// The area (lĩnh vực) node of the plan's catalog the task sits under.
    @OptionalParent(key: "area_node_id") var area: CatalogNode?
    /// A named person, when the leader assigns one beyond the positions.
    @OptionalParent(key: "assignee_id") var assignee: User?
    @OptionalField(key: "start_date") var startDate: LocalDate?
    @OptionalField(key: "due_date") var dueDate: LocalDate?
    @Field(key: "state") var state: TaskState
    @Field(key: "progress") var progress: Int
    @OptionalField(key: "completed_at") var completedAt: Date?
    /// Why the task counts as done without an evidence file (giải trình), when that is the case.
    @OptionalField(key: "completion_explanation") var completionExplanation: String?
    /// Raised by one on every change; an update based on an older version is refused (409).
    @Field(key: "version") var version: Int
    /// A task the plan gave to nobody in particular (general duties): the leader assigns it.
    @Field(key: "needs_assignment") var needsAssignment: Bool
    /// Identity of the task in its source document, so a re-import updates instead of duplicating.
    @Field(key: "fingerprint") var fingerprint: String
    /// Where in the document it came from ("dòng 57", "Sheet1!B7").
    @Field(key: "source_ref") var sourceRef: String
    @Field(key: "sort_order") var sortOrder: Int
    @Children(for: \.$task) var positionLinks: [TaskPosition]
    @Children(for: \.$task) var criterionLinks: [TaskCriterion]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(planID: Int, title: String, areaNodeID: Int?, dueDate: LocalDate?, sortOrder: Int) {
        self.$plan.id = planID
        self.title = title
        self.details = ""
        self.expectedOutput = ""
        self.$area.id = areaNodeID
        self.dueDate = dueDate
        self.state = .notStarted
        self.progress = 0
        self.version = 1
        self.needsAssignment = false
        self.fingerprint = ""
        self.sourceRef = ""
        self.sortOrder = sortOrder
    }
}

/// A position's part in a task: it leads (chủ trì) or cooperates (phối hợp).
final class TaskPosition: Model, @unchecked Sendable {
    static let schema = "task_positions"

    enum Part: String, Codable, Sendable { case lead, cooperating }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "task_id") var task: PlanTask
    @Parent(key: "position_id") var position: Position
    @Field(key: "part") var part: Part

    init() {}

    init(taskID: Int, positionID: Int, part: Part) {
        self.$task.id = taskID
        self.$position.id = positionID
        self.part = part
    }
}

/// A criterion a task affects, with a weight among the criterion's tasks (default 1).
final class TaskCriterion: Model, @unchecked Sendable {
    static let schema = "task_criteria"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "task_id") var task: PlanTask
    @Parent(key: "node_id") var node: CatalogNode
    @Field(key: "weight") var weight: Int

    init() {}

    init(taskID: Int, nodeID: Int, weight: Int = 1) {
        self.$task.id = taskID
        self.$node.id = nodeID
        self.weight = weight
    }
}
