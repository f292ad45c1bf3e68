import Foundation

public struct TaskDTO: Codable, Sendable {
    public var id: Int
    public var planID: Int
    public var unitID: Int
    public var title: String
    public var details: String
    public var expectedOutput: String
    /// Code of the catalog area ("3") the task sits under.
    public var areaCode: String?
    public var leadPositionIDs: [Int]
    public var cooperatingPositionIDs: [Int]
    public var assigneeID: Int?
    /// yyyy-mm-dd
    public var startDate: String?
    /// yyyy-mm-dd
    public var dueDate: String?
    /// not_started | in_progress | done | cancelled
    public var state: String
    /// not_yet_due | in_progress | done_on_time | done_late | overdue | cancelled, as of the response.
    public var deadlineStatus: String
    public var progress: Int
    public var completedAt: Date?
    public var version: Int
    public var needsAssignment: Bool
    public var criteria: [TaskCriterionDTO]

    public init(
        id: Int, planID: Int, unitID: Int, title: String, details: String, expectedOutput: String, areaCode: String?,
        leadPositionIDs: [Int], cooperatingPositionIDs: [Int], assigneeID: Int?, startDate: String?,
        dueDate: String?, state: String, deadlineStatus: String, progress: Int, completedAt: Date?, version: Int,
        needsAssignment: Bool, criteria: [TaskCriterionDTO]
    ) {
        self.id = id
        self.planID = planID
        self.unitID = unitID
        self.title = title
        self.details = details
        self.expectedOutput = expectedOutput
        self.areaCode = areaCode
        self.leadPositionIDs = leadPositionIDs
        self.cooperatingPositionIDs = cooperatingPositionIDs
        self.assigneeID = assigneeID
        self.startDate = startDate
        self.dueDate = dueDate
        self.state = state
        self.deadlineStatus = deadlineStatus
        self.progress = progress
        self.completedAt = completedAt
        self.version = version
        self.needsAssignment = needsAssignment
        self.criteria = criteria
    }
}

public struct TaskCriterionDTO: Codable, Sendable, Equatable {
    public var code: String
    public var weight: Int

    public init(code: String, weight: Int) {
        self.code = code
        self.weight = weight
    }
}
