import Fluent
import Foundation
import PartrackDomain
import Vapor

/// What the reviewer does to a round: open it, reopen a unit after closing, set up the council,
/// enter survey points, compile and publish. Each asks the domain's rules first, then writes the
/// change and its audit event in one transaction.
enum RoundActions {
    struct Opening: Sendable {
        var title: String
        var catalogID: Int
        var year: Int
        var unitIDs: Set<Int>
        var trialFrom: LocalDate?
        var trialTo: LocalDate?
        var officialFrom: LocalDate
        var closesOn: LocalDate
        var scoreStep: Points
        var tieRule: TieRule
    }

    static func open(_ opening: Opening, by request: Request) async throws -> AssessmentRoundRecord {
        let user = try request.currentUser.acting
        try await AssessmentPolicy.mayManage(user, .openRound, unitIDs: opening.unitIDs).orRefuse(
            "assessment.round.open", entity: "assessment_round", entityID: nil, unitID: user.unitID, request: request)
        let title = opening.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else {
            throw PartrackError.badRequest(Message("assessment.round.title_required"))
        }
        guard try await Catalog.find(opening.catalogID, on: request.db) != nil else {
            throw PartrackError.notFound("catalog", id: "\(opening.catalogID)")
        }
        let round = try AssessmentRound(
            catalogID: opening.catalogID, year: opening.year, unitIDs: opening.unitIDs, trialFrom: opening.trialFrom,
            trialTo: opening.trialTo, officialFrom: opening.officialFrom, closesOn: opening.closesOn,
            scoreStep: opening.scoreStep, tieRule: opening.tieRule)
        let record = AssessmentRoundRecord()
        record.title = title
        record.$catalog.id = round.catalogID
        record.year = round.year
        record.trialFrom = round.trialFrom
        record.trialTo = round.trialTo
        record.officialFrom = round.officialFrom
        record.closesOn = round.closesOn
        record.scoreStepHundredths = round.scoreStep.hundredths
        record.tieRule = round.tieRule
        record.$createdBy.id = user.userID
        record.createdAt = request.partrack.now()
        try await request.db.transaction { db in
            try await record.create(on: db)
            let roundID = try record.requireID()
            for unitID in round.unitIDs.sorted() {
                try await AssessmentRoundUnit(roundID: roundID, unitID: unitID).create(on: db)
            }
            try await Audit.record(
                "assessment.round.open", entity: "assessment_round", entityID: roundID, unitID: user.unitID,
                after: OpeningAudit(record: record, unitIDs: round.unitIDs.sorted()), by: request, on: db)
        }
        return record
    }

    /// Lets a unit change its self-assessment again until `until`, after closing or submission.
    static func reopen(
        _ snapshot: AssessmentSnapshot, unitID: Int, until: LocalDate, reason: String, by request: Request
    ) async throws {
        let unit = try snapshot.unit(unitID)
        let reopening = try await RoundRules.reopen(
            snapshot.round, unit: unit.state, until: until, reason: reason, by: try request.currentUser.acting,
            at: request.partrack.now(), clock: request.partrack.clock
        ).orRefuse(
            "assessment.unit.reopen", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
            request: request)
        let rowID = try snapshot.roundUnitID(unitID)
        try await request.db.transaction { db in
            guard let row = try await AssessmentRoundUnit.find(rowID, on: db) else { return }
            row.submittedAt = nil
            row.$submittedBy.id = nil
            row.signedDocumentID = nil
            row.reopenedUntil = reopening.unit.reopenedUntil
            try await row.save(on: db)
            try await Audit.record(
                "assessment.unit.reopen", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                before: unit.state.submission.map { ["submitted_at": $0.submittedAt.ISO8601Format()] },
                after: ["until": until.formatted], reason: reason, by: request, on: db)
        }
    }

    struct Seat: Sendable, Equatable {
        var userID: Int
        var office: String
        var secretary: Bool
    }

    /// Replaces the council: its members and which of them appraises each code. Refused while any
    /// assignment names someone outside the council or a code the catalog lacks.
    static func setCouncil(
        _ snapshot: AssessmentSnapshot, seats: [Seat], assignments: [String: Int], by request: Request
    ) async throws {
        let user = try request.currentUser.acting
        try await AssessmentPolicy.mayManage(user, .setCouncil, unitIDs: snapshot.unitIDs).orRefuse(
            "assessment.council.set", entity: "assessment_round", entityID: snapshot.id, unitID: nil, request: request)
        if snapshot.round.isPublished {
            throw AssessmentRefusal(message: Message(AssessmentMessageKey.roundPublished.rawValue))
        }
        let users = try await User.query(on: request.db).filter(\.$id ~~ seats.map(\.userID)).all()
        let names = Dictionary(
            uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.displayName) } })
        if let unknown = seats.first(where: { names[$0.userID] == nil }) {
            throw PartrackError.notFound("user", id: "\(unknown.userID)")
        }
        let council = Council(
            members: seats.map { CouncilMember(userID: $0.userID, name: names[$0.userID] ?? "", office: $0.office) },
            assignments: assignments, secretaryUserIDs: Set(seats.filter(\.secretary).map(\.userID)))
        // Unassigned criteria are shown on the page, not refused: a council is often set up in steps.
        let blocking = council.problems(for: snapshot.catalog).filter {
            $0.key != AssessmentMessageKey.councilUnassigned.rawValue
        }
        if let first = blocking.first { throw AssessmentRefusal(message: first, details: Array(blocking.dropFirst())) }
        try await request.db.transaction { db in
            try await AssessmentCouncilAssignment.query(on: db).filter(\.$round.$id == snapshot.id).delete()
            try await AssessmentCouncilMember.query(on: db).filter(\.$round.$id == snapshot.id).delete()
            for seat in seats {
                try await AssessmentCouncilMember(
                    roundID: snapshot.id, userID: seat.userID, office: seat.office, secretary: seat.secretary
                ).create(on: db)
            }
            for (code, userID) in assignments.sorted(by: { $0.key < $1.key }) {
                try await AssessmentCouncilAssignment(roundID: snapshot.id, code: code, userID: userID).create(on: db)
            }
            try await Audit.record(
                "assessment.council.set", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
                before: snapshot.council, after: council, by: request, on: db)
        }
    }

    /// Records the survey points of one survey sub-criterion for a unit.
    static func recordSurvey(
        _ snapshot: AssessmentSnapshot, unitID: Int, code: String, points: Points, by request: Request
    ) async throws {
        let unit = try snapshot.unit(unitID)
        let updated = try await SurveyPoints.record(
            points, code: code, into: unit.surveyPoints, unitID: unitID, round: snapshot.round,
            catalog: snapshot.catalog, by: try request.currentUser.acting
        ).orRefuse(
            "assessment.survey.record", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
            request: request)
        let rowID = try snapshot.roundUnitID(unitID)
        try await request.db.transaction { db in
            let row =
                try await AssessmentSurveyPoints.query(on: db).filter(\.$roundUnit.$id == rowID)
                .filter(\.$code == code).first() ?? AssessmentSurveyPoints()
            row.$roundUnit.id = rowID
            row.code = code
            row.pointsHundredths = updated[code]?.hundredths ?? points.hundredths
            try await row.save(on: db)
            try await Audit.record(
                "assessment.survey.record", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                before: unit.surveyPoints[code].map { ["points": $0.vietnamese] },
                after: ["code": code, "points": points.vietnamese], by: request, on: db)
        }
    }

    /// The results as they would be published now: refused (with every reason) while appraisal is
    /// incomplete. Nothing is written.
    static func compile(_ snapshot: AssessmentSnapshot, by request: Request) async throws -> CompiledResults {
        if let published = snapshot.published { return published.results }
        return try await ResultsCompiler.compile(
            round: snapshot.round, catalog: snapshot.catalog, units: snapshot.units,
            by: try request.currentUser.acting, at: request.partrack.now(), clock: request.partrack.clock
        ).orRefuse(
            "assessment.results.compile", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
            request: request)
    }

    /// Publishes the compiled results: the round becomes read-only and each unit's appraised scores
    /// become its baselines for next year's projection.
    static func publish(_ snapshot: AssessmentSnapshot, by request: Request) async throws -> PublishedResults {
        let user = try request.currentUser.acting
        let publication = try await ResultsPublication.publish(
            round: snapshot.round, catalog: snapshot.catalog, units: snapshot.units, by: user,
            at: request.partrack.now(), clock: request.partrack.clock
        ).orRefuse(
            "assessment.results.publish", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
            request: request)
        let results = publication.results
        try await request.db.transaction { db in
            // Only one publication wins when two reviewers press at once.
            guard let record = try await AssessmentRoundRecord.find(snapshot.id, on: db), record.publishedAt == nil
            else { throw AssessmentRefusal(message: Message(AssessmentMessageKey.roundPublished.rawValue)) }
            record.publishedAt = results.publishedAt
            record.$publishedBy.id = user.userID
            record.resultsJSON = try AssessmentJSON.encode(results.results)
            try await record.save(on: db)
            let source = request.localized(
                "assessment.baseline_source", ["title": snapshot.record.title, "year": "\(snapshot.round.year)"])
            // The units' existing baselines on this catalog, read once: they are replaced, others added.
            let existing = try await Baseline.query(on: db).filter(\.$unit.$id ~~ Array(snapshot.unitIDs))
                .filter(\.$catalog.$id == snapshot.round.catalogID).all()
            for unit in results.results.units {
                for (code, points) in unit.baselines {
                    let baseline =
                        existing.first { $0.$unit.id == unit.unitID && $0.nodeCode == code } ?? Baseline()
                    baseline.$unit.id = unit.unitID
                    baseline.$catalog.id = snapshot.round.catalogID
                    baseline.nodeCode = code
                    baseline.pointsHundredths = points.hundredths
                    baseline.source = source
                    baseline.$recordedBy.id = user.userID
                    baseline.recordedAt = results.publishedAt
                    try await baseline.save(on: db)
                }
            }
            try await Audit.record(
                "assessment.results.publish", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
                after: results.results.units.map {
                    ["unit_id": "\($0.unitID)", "total": $0.total.vietnamese, "rank": $0.rank.description]
                },
                reason: request.localized(publication.event), by: request, on: db)
        }
        return results
    }
}

private struct OpeningAudit: Encodable {
    let title: String
    let catalogID: Int
    let year: Int
    let trialFrom: String?
    let trialTo: String?
    let officialFrom: String
    let closesOn: String
    let unitIDs: [Int]

    init(record: AssessmentRoundRecord, unitIDs: [Int]) {
        title = record.title
        catalogID = record.$catalog.id
        year = record.year
        trialFrom = record.trialFrom?.formatted
        trialTo = record.trialTo?.formatted
        officialFrom = record.officialFrom.formatted
        closesOn = record.closesOn.formatted
        self.unitIDs = unitIDs
    }
}
