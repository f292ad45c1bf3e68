import Fluent

/// Every migration, in the order it runs. Append only: a migration that has run somewhere is never
/// edited; a change to the schema is a new migration named for what it does.
enum MigrationList {
    static let all: [any Migration] = [
        CreateUnit(),
        CreateUser(),
        CreatePosition(),
        CreatePositionHolder(),
        CreateCatalog(),
        CreateCatalogClass(),
        CreateCatalogNode(),
        CreatePlan(),
        CreateReportPeriod(),
        CreatePlanTask(),
        CreateTaskPosition(),
        CreateTaskCriterion(),
        CreateTaskUpdate(),
        CreateEvidence(),
        CreateExplanationRequest(),
        CreatePeriodReport(),
        UpdateReportPeriodAddLock(),
        UpdatePositionAddCompilesUnitReport(),
        CreateAuditEvent(),
        CreateApiToken(),
        CreateBaseline(),
        CreateProjectionSnapshot(),
        CreateLoginFailure(),
        UpdateTaskAddCompletionExplanation(),
        CreatePlanImport(),
        CreateLookupIndexes(),
        SessionRecord.migration,
        CreateAssessment(),
    ]
}

extension SchemaBuilder {
    /// The database-generated integer id every table has.
    func autoID() -> SchemaBuilder {
        field("id", .int, .identifier(auto: true))
    }
}
