import Foundation
import PartrackDomain

/// A unit's projected index (`GET /api/v1/projection?unit=`): the engine's figures, the unit's
/// projected rank among its peers, the plan's goals, and every figure in words.
public struct UnitProjectionDTO: Codable, Sendable {
    public var unitID: Int
    public var unitName: String
    public var planID: Int
    public var year: Int
    public var catalogID: Int
    public var catalogName: String
    /// The catalog's points are a sample, not the province's.
    public var catalogIsSample: Bool
    public var projection: Projection
    /// Projected position among sibling units on the same catalog and year, e.g. 4 of 19.
    public var rank: RankPosition?
    public var goal: GoalCheck
    /// Each figure explained in the request's language: node code → sentence; also "total" and "goal".
    public var words: [String: String]

    public init(
        unitID: Int, unitName: String, planID: Int, year: Int, catalogID: Int, catalogName: String,
        catalogIsSample: Bool, projection: Projection, rank: RankPosition?, goal: GoalCheck, words: [String: String]
    ) {
        self.unitID = unitID
        self.unitName = unitName
        self.planID = planID
        self.year = year
        self.catalogID = catalogID
        self.catalogName = catalogName
        self.catalogIsSample = catalogIsSample
        self.projection = projection
        self.rank = rank
        self.goal = goal
        self.words = words
    }
}

/// One unit in a reviewer's table (`GET /api/v1/projections?unit=`).
public struct ProjectionRowDTO: Codable, Sendable, Equatable {
    public var unitID: Int
    public var unitName: String
    public var parentID: Int?
    public var planID: Int
    public var earned: Points
    public var projected: Points
    public var ceiling: Points
    public var maximum: Points
    /// Percent of the maximum, in hundredths of a percent (9050 = 90.5 %).
    public var projectedPercent: Int
    public var projectedClass: String?
    public var rank: RankPosition?
    /// Tasks done / live, and done on time among those due.
    public var tasksDone: Int
    public var tasksLive: Int

    public init(
        unitID: Int, unitName: String, parentID: Int?, planID: Int, earned: Points, projected: Points, ceiling: Points,
        maximum: Points, projectedPercent: Int, projectedClass: String?, rank: RankPosition?, tasksDone: Int,
        tasksLive: Int
    ) {
        self.unitID = unitID
        self.unitName = unitName
        self.parentID = parentID
        self.planID = planID
        self.earned = earned
        self.projected = projected
        self.ceiling = ceiling
        self.maximum = maximum
        self.projectedPercent = projectedPercent
        self.projectedClass = projectedClass
        self.rank = rank
        self.tasksDone = tasksDone
        self.tasksLive = tasksLive
    }
}

/// `POST /api/v1/projection/what-if`
public struct WhatIfRequest: Codable, Sendable {
    public var unitID: Int
    public var year: Int?
    public var outcomes: [TaskOutcome]

    public init(unitID: Int, year: Int? = nil, outcomes: [TaskOutcome]) {
        self.unitID = unitID
        self.year = year
        self.outcomes = outcomes
    }
}

/// `PUT /api/v1/baselines`: last year's appraised score of one criterion for a unit.
public struct BaselineRequest: Codable, Sendable {
    public var unitID: Int
    public var catalogID: Int
    public var code: String
    /// Points, e.g. "2.5" or "2,5".
    public var points: String
    public var source: String

    public init(unitID: Int, catalogID: Int, code: String, points: String, source: String) {
        self.unitID = unitID
        self.catalogID = catalogID
        self.code = code
        self.points = points
        self.source = source
    }
}

public struct BaselineDTO: Codable, Sendable, Equatable {
    public var unitID: Int
    public var catalogID: Int
    public var code: String
    public var points: Points
    public var source: String
    public var recordedAt: Date

    public init(unitID: Int, catalogID: Int, code: String, points: Points, source: String, recordedAt: Date) {
        self.unitID = unitID
        self.catalogID = catalogID
        self.code = code
        self.points = points
        self.source = source
        self.recordedAt = recordedAt
    }
}
