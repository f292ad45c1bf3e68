import Fluent
import Foundation
import PartrackDomain
import Vapor

/// What a unit does in a round: its leader gives areas to positions, fills a draft from the plan's
/// progress and submits; each area's owner confirms or changes its scores, explanation and evidence,
/// and answers the council's requests.
enum SelfAssessmentActions {
    /// Sets which position owns each code (nil: back to the leader).
    static func setOwners(
        _ snapshot: AssessmentSnapshot, unitID: Int, owners: [String: Int?], by request: Request
    ) async throws {
        try await requireLeaderMayChange(snapshot, unitID: unitID, action: "assessment.owners.set", request: request)
        let positions = try await Position.query(on: request.db).filter(\.$unit.$id == unitID).all()
        let titles = Dictionary(uniqueKeysWithValues: positions.compactMap { p in p.id.map { ($0, p.title) } })
        var ownership = AreaOwnership()
        for case (let code, let positionID?) in owners {
            guard let title = titles[positionID] else { throw PartrackError.notFound("position", id: "\(positionID)") }
            ownership.owners[code] = AreaOwner(positionID: positionID, title: title)
        }
        if let first = ownership.problems(for: snapshot.catalog).first { throw AssessmentRefusal(message: first) }
        let newOwnership = ownership
        let rowID = try snapshot.roundUnitID(unitID)
        try await request.db.transaction { db in
            try await AssessmentAreaOwner.query(on: db).filter(\.$roundUnit.$id == rowID).delete()
            for (code, owner) in newOwnership.owners.sorted(by: { $0.key < $1.key }) {
                try await AssessmentAreaOwner(roundUnitID: rowID, code: code, positionID: owner.positionID).create(
                    on: db)
            }
            try await Audit.record(
                "assessment.owners.set", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                before: snapshot.ownership(of: unitID), after: newOwnership, by: request, on: db)
        }
    }

    /// Fills the unit's draft from the plan's progress: every criterion not yet confirmed by its owner
    /// gets the projection's earned points, rounded down to the round's steps, with the evidence the
    /// linked tasks carry. Returns how many criteria were filled.
    static func prefill(_ snapshot: AssessmentSnapshot, unitID: Int, by request: Request) async throws -> Int {
        let unit = try await requireLeaderMayChange(
            snapshot, unitID: unitID, action: "assessment.self.prefill", request: request)
        guard
            let plan = try await Plan.query(on: request.db).filter(\.$unit.$id == unitID)
                .filter(\.$year == snapshot.round.year).filter(\.$catalog.$id == snapshot.round.catalogID).first()
        else {
            throw PartrackError.badRequest(
                Message("assessment.prefill.no_plan", ["unit": unit.name, "year": "\(snapshot.round.year)"]))
        }
        guard
            let input = try await ProjectionFacts.input(
                for: plan, asOf: request.partrack.now(), clock: request.partrack.clock, on: request.db)
        else { return 0 }
        let projection = ProjectionEngine.project(input)
        let evidence = try await TaskEvidenceByCriterion.load(planID: try plan.requireID(), on: request.db)
        let draft = SelfAssessmentDraft.prefill(
            from: projection, step: snapshot.round.scoreStep,
            evidence: evidence.byLeaf(projection.leaves.map(\.code)), existing: unit.selfScores)
        let filled = draft.filter { unit.selfScores[$0.key] != $0.value }
        try await save(filled, snapshot: snapshot, unitID: unitID, action: "assessment.self.prefill", by: request)
        return filled.count
    }

    /// Confirms, as the person's own, every suggestion in the criteria they may score. Returns how many.
    static func confirmSuggestions(_ snapshot: AssessmentSnapshot, unitID: Int, by request: Request) async throws
        -> Int
    {
        let user = try request.currentUser.acting
        let unit = try snapshot.unit(unitID)
        // Only the unit's own people score it: anyone else is refused (403) rather than told that
        // none of the suggestions were theirs to confirm.
        try await AssessmentPolicy.mayUploadDocument(user, unitID: unitID).orRefuse(
            "assessment.self.confirm", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
            request: request)
        var confirmed: [String: SelfScore] = [:]
        for (code, score) in unit.selfScores where score.source == .suggested {
            if case .success(let stored) = SelfAssessment.record(
                score, code: code, unit: unit.state, round: snapshot.round, catalog: snapshot.catalog,
                ownership: snapshot.ownership(of: unitID), by: user, at: request.partrack.now(),
                clock: request.partrack.clock)
            {
                confirmed[code] = stored
            }
        }
        try await save(confirmed, snapshot: snapshot, unitID: unitID, action: "assessment.self.confirm", by: request)
        return confirmed.count
    }

    /// Records the owner's score, explanation and evidence of one criterion.
    static func record(
        _ entry: SelfScore, code: String, _ snapshot: AssessmentSnapshot, unitID: Int, by request: Request
    ) async throws -> SelfScore {
        let unit = try snapshot.unit(unitID)
        let stored = try await SelfAssessment.record(
            entry, code: code, unit: unit.state, round: snapshot.round, catalog: snapshot.catalog,
            ownership: snapshot.ownership(of: unitID), by: try request.currentUser.acting,
            at: request.partrack.now(), clock: request.partrack.clock
        ).orRefuse(
            "assessment.self.score", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
            request: request)
        try await AssessmentFiles.ensureBelongs(stored.evidence, to: snapshot, unitID: unitID, on: request.db)
        try await save([code: stored], snapshot: snapshot, unitID: unitID, action: "assessment.self.score", by: request)
        return stored
    }

    /// "Gửi thẩm định": submits with the signed scan (a document of the unit); freezes the self scores.
    static func submit(
        _ snapshot: AssessmentSnapshot, unitID: Int, signedDocumentID: Int?, by request: Request
    ) async throws {
        let unit = try snapshot.unit(unitID)
        let submitted = try await SelfAssessment.submit(
            unit: unit.state, scores: unit.selfScores,
            signedReport: signedDocumentID.map { EvidenceRef(evidenceID: $0) },
            round: snapshot.round, catalog: snapshot.catalog, by: try request.currentUser.acting,
            at: request.partrack.now(), clock: request.partrack.clock
        ).orRefuse(
            "assessment.self.submit", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
            request: request)
        guard let submission = submitted.submission else { return }
        let rowID = try snapshot.roundUnitID(unitID)
        try await request.db.transaction { db in
            // Two leaders pressing at once: the second finds it submitted and changes nothing.
            guard let row = try await AssessmentRoundUnit.find(rowID, on: db), row.submittedAt == nil else {
                throw AssessmentRefusal(message: Message(AssessmentMessageKey.submitAlready.rawValue, ["at": ""]))
            }
            row.submittedAt = submission.submittedAt
            row.$submittedBy.id = submission.submittedBy
            row.signedDocumentID = submission.signedReport.evidenceID
            try await row.save(on: db)
            try await Audit.record(
                "assessment.self.submit", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                after: ["signed_document_id": "\(submission.signedReport.evidenceID)"], by: request, on: db)
        }
    }

    /// Answers a council member's request with text and evidence.
    static func answer(
        _ snapshot: AssessmentSnapshot, requestID: Int, text: String, evidence: [EvidenceRef], by request: Request
    ) async throws {
        guard let row = try await AssessmentEvidenceRequest.find(requestID, on: request.db),
            let unitID = snapshot.roundUnitIDs.first(where: { $0.value == row.$roundUnit.id })?.key
        else { throw PartrackError.notFound("evidence_request", id: "\(requestID)") }
        try await AssessmentFiles.ensureBelongs(evidence, to: snapshot, unitID: unitID, on: request.db)
        let answered = try await EvidenceRequests.answer(
            row.domain(unitID: unitID), text: text, evidence: evidence, round: snapshot.round,
            ownership: snapshot.ownership(of: unitID), by: try request.currentUser.acting,
            at: request.partrack.now(), clock: request.partrack.clock
        ).orRefuse(
            "assessment.request.answer", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
            request: request)
        guard let answer = answered.answer else { return }
        try await request.db.transaction { db in
            row.answerText = answer.text
            row.answerEvidenceJSON = try AssessmentJSON.encode(answer.evidence)
            row.$answeredBy.id = answer.answeredBy
            row.answeredAt = answer.answeredAt
            try await row.save(on: db)
            try await Audit.record(
                "assessment.request.answer", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                after: ["request_id": "\(requestID)", "text": answer.text], by: request, on: db)
        }
    }

    /// The leader's work on the unit as a whole (owners, the draft): refused to anyone else, and
    /// outside the round's windows or after submission.
    @discardableResult
    private static func requireLeaderMayChange(
        _ snapshot: AssessmentSnapshot, unitID: Int, action: String, request: Request
    ) async throws -> UnitAssessment {
        let unit = try snapshot.unit(unitID)
        try await AssessmentPolicy.mayAssignOwners(try request.currentUser.acting, unitID: unitID).orRefuse(
            action, entity: "assessment_round", entityID: snapshot.id, unitID: unitID, request: request)
        try await RoundRules.mayChangeSelfAssessment(
            snapshot.round, unit: unit.state, at: request.partrack.now(), clock: request.partrack.clock
        ).orRefuse(action, entity: "assessment_round", entityID: snapshot.id, unitID: unitID, request: request)
        return unit
    }

    /// Writes self scores (insert or replace by code) with one audit event listing before and after.
    private static func save(
        _ scores: [String: SelfScore], snapshot: AssessmentSnapshot, unitID: Int, action: String, by request: Request
    ) async throws {
        guard !scores.isEmpty else { return }
        let rowID = try snapshot.roundUnitID(unitID)
        let unit = try snapshot.unit(unitID)
        let userID = try request.currentUser.id
        let now = request.partrack.now()
        try await request.db.transaction { db in
            let existing = try await AssessmentSelfScore.query(on: db).filter(\.$roundUnit.$id == rowID)
                .filter(\.$code ~~ Array(scores.keys)).all()
            for (code, score) in scores.sorted(by: { $0.key < $1.key }) {
                let row = existing.first { $0.code == code } ?? AssessmentSelfScore()
                row.$roundUnit.id = rowID
                row.code = code
                row.scoreHundredths = score.score.hundredths
                row.explanation = score.explanation
                row.evidenceJSON = try AssessmentJSON.encode(score.evidence)
                row.source = score.source
                row.$updatedBy.id = userID
                row.updatedAt = now
                try await row.save(on: db)
            }
            try await Audit.record(
                action, entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                before: unit.selfScores.filter { scores[$0.key] != nil }, after: scores, by: request, on: db)
        }
    }
}
