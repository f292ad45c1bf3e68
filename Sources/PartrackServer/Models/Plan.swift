import Fluent
import Foundation
import PartrackDomain

/// A unit's improvement plan (kế hoạch) for a year, measured against one catalog.
final class Plan: Model, @unchecked Sendable {
    static let schema = "plans"

    enum State: String, Codable, CaseIterable, Sendable {
        case draft, active, closed
    }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "unit_id") var unit: OrgUnit
    @Parent(key: "catalog_id") var catalog: Catalog
    @Field(key: "year") var year: Int
    /// The document's number as written ("322/KH-UBND"); often blank in drafts.
    @Field(key: "number") var number: String
    @OptionalField(key: "document_date") var documentDate: LocalDate?
    @Field(key: "title") var title: String
    /// Goal "keep rank 4/19": position and number of peers.
    @OptionalField(key: "target_rank") var targetRank: Int?
    @OptionalField(key: "target_rank_of") var targetRankOf: Int?
    /// Goal class name as in the catalog ("Tốt").
    @OptionalField(key: "target_class") var targetClass: String?
    @Field(key: "state") var state: State
    /// Days before a period's due date that officers' parts are due to the commune office.
    @Field(key: "internal_lead_days") var internalLeadDays: Int
    @Children(for: \.$plan) var periods: [ReportPeriod]
    @Children(for: \.$plan) var tasks: [PlanTask]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(unitID: Int, catalogID: Int, year: Int, number: String, documentDate: LocalDate?, title: String, state: State)
    {
        self.$unit.id = unitID
        self.$catalog.id = catalogID
        self.year = year
        self.number = number
        self.documentDate = documentDate
        self.title = title
        self.state = state
        self.internalLeadDays = 5
    }
}

/// One reporting period of a plan (Q1 due 15/3, …).
final class ReportPeriod: Model, @unchecked Sendable {
    static let schema = "report_periods"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "plan_id") var plan: Plan
    @Field(key: "kind") var kind: PeriodKind
    @Field(key: "cut_off") var cutOff: LocalDate
    @Field(key: "due_date") var dueDate: LocalDate
    /// Set by the reviewer: while locked, no report of the period changes.
    @OptionalField(key: "locked_at") var lockedAt: Date?
    @OptionalParent(key: "locked_by") var lockedBy: User?

    init() {}

    init(planID: Int, spec: ReportPeriodSpec) {
        self.$plan.id = planID
        self.kind = spec.kind
        self.cutOff = spec.cutOff
        self.dueDate = spec.due
    }

    var spec: ReportPeriodSpec { ReportPeriodSpec(kind: kind, cutOff: cutOff, due: dueDate) }
}
