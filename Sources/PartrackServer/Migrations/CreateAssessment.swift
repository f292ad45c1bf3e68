import Fluent

/// The year-end cycle (issue 8): rounds, the units in them, area owners, self scores, the units'
/// own documents, the council, appraisals, evidence requests and survey points. One change, so one
/// migration; every table hangs off a round or a round's unit and goes with it.
struct CreateAssessment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("assessment_rounds")
            .autoID()
            .field("title", .string, .required)
            .field("catalog_id", .int, .required, .references("catalogs", "id"))
            .field("year", .int, .required)
            .field("trial_from", .string)
            .field("trial_to", .string)
            .field("official_from", .string, .required)
            .field("closes_on", .string, .required)
            .field("score_step_hundredths", .int, .required)
            .field("tie_rule", .string, .required)
            .field("created_by", .int, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("published_at", .datetime)
            .field("published_by", .int, .references("users", "id"))
            // The compiled results as published: read-only from then on.
            .field("results_json", .string)
            .create()

        try await database.schema("assessment_round_units")
            .autoID()
            .field("round_id", .int, .required, .references("assessment_rounds", "id", onDelete: .cascade))
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("submitted_at", .datetime)
            .field("submitted_by", .int, .references("users", "id"))
            .field("signed_document_id", .int)
            .field("reopened_until", .string)
            .unique(on: "round_id", "unit_id")
            .create()

        try await database.schema("assessment_area_owners")
            .autoID()
            .field("round_unit_id", .int, .required, .references("assessment_round_units", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("position_id", .int, .required, .references("positions", "id"))
            .unique(on: "round_unit_id", "code")
            .create()

        try await database.schema("assessment_self_scores")
            .autoID()
            .field("round_unit_id", .int, .required, .references("assessment_round_units", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("score_hundredths", .int, .required)
            .field("explanation", .string, .required)
            .field("evidence_json", .string, .required)
            .field("source", .string, .required)
            .field("updated_by", .int, .required, .references("users", "id"))
            .field("updated_at", .datetime, .required)
            .unique(on: "round_unit_id", "code")
            .create()

        try await database.schema("assessment_documents")
            .autoID()
            .field("round_unit_id", .int, .required, .references("assessment_round_units", "id", onDelete: .cascade))
            .field("filename", .string, .required)
            .field("kind", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("uploader_id", .int, .required, .references("users", "id"))
            .field("uploaded_at", .datetime, .required)
            .create()

        try await database.schema("assessment_council_members")
            .autoID()
            .field("round_id", .int, .required, .references("assessment_rounds", "id", onDelete: .cascade))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("office", .string, .required)
            .field("secretary", .bool, .required)
            .unique(on: "round_id", "user_id")
            .create()

        try await database.schema("assessment_council_assignments")
            .autoID()
            .field("round_id", .int, .required, .references("assessment_rounds", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("user_id", .int, .required, .references("users", "id"))
            .unique(on: "round_id", "code")
            .create()

        try await database.schema("assessment_appraisals")
            .autoID()
            .field("round_unit_id", .int, .required, .references("assessment_round_units", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("score_hundredths", .int, .required)
            .field("self_score_hundredths", .int, .required)
            .field("reason", .string)
            .field("appraiser_id", .int, .required, .references("users", "id"))
            .field("appraised_at", .datetime, .required)
            .unique(on: "round_unit_id", "code")
            .create()

        try await database.schema("assessment_evidence_requests")
            .autoID()
            .field("round_unit_id", .int, .required, .references("assessment_round_units", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("asked_by", .int, .required, .references("users", "id"))
            .field("asked_at", .datetime, .required)
            .field("text", .string, .required)
            .field("answer_by", .string)
            .field("answer_text", .string)
            .field("answer_evidence_json", .string)
            .field("answered_by", .int, .references("users", "id"))
            .field("answered_at", .datetime)
            .create()

        try await database.schema("assessment_survey_points")
            .autoID()
            .field("round_unit_id", .int, .required, .references("assessment_round_units", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("points_hundredths", .int, .required)
            .unique(on: "round_unit_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in [
            "assessment_survey_points", "assessment_evidence_requests", "assessment_appraisals",
            "assessment_council_assignments", "assessment_council_members", "assessment_documents",
            "assessment_self_scores", "assessment_area_owners", "assessment_round_units", "assessment_rounds",
        ] {
            try await database.schema(table).delete()
        }
    }
}
