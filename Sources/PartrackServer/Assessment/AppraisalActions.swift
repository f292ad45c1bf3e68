import Fluent
import Foundation
import PartrackDomain
import Vapor

/// What a council member does: appraise the sub-criteria of their areas (accept the self score, or
/// set another with a reason) and ask the unit for more evidence.
enum AppraisalActions {
    /// Records one appraisal; a changed score without a reason is refused by the rules.
    static func appraise(
        _ decision: AppraisalDecision, code: String, _ snapshot: AssessmentSnapshot, unitID: Int, by request: Request
    ) async throws -> Appraisal {
        let unit = try snapshot.unit(unitID)
        let appraisal = try await AppraisalRules.appraise(
            decision, code: code, unit: unit.state, selfScore: unit.selfScores[code], round: snapshot.round,
            catalog: snapshot.catalog, council: snapshot.council, by: try request.currentUser.acting,
            at: request.partrack.now(), clock: request.partrack.clock
        ).orRefuse(
            "assessment.appraise", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
            request: request)
        try await save([code: appraisal], snapshot: snapshot, unitID: unitID, by: request)
        return appraisal
    }

    /// Accepts the self score of every sub-criterion the member appraises in this unit and has not yet
    /// appraised. Returns how many.
    static func acceptRemaining(_ snapshot: AssessmentSnapshot, unitID: Int, by request: Request) async throws -> Int {
        let unit = try snapshot.unit(unitID)
        let user = try request.currentUser.acting
        // Someone who may appraise nothing here (not on the council, or of the unit itself) is refused
        // as such (403), not told there is nothing left to accept.
        let codes = snapshot.catalog.assessedLeafCodes
        if let code = codes.first(where: { snapshot.council.appraiser(of: $0)?.userID == user.userID }) ?? codes.first {
            try await AssessmentPolicy.mayAppraise(user, unitID: unitID, code: code, council: snapshot.council)
                .orRefuse(
                    "assessment.appraise", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                    request: request)
        }
        var accepted: [String: Appraisal] = [:]
        for code in snapshot.catalog.assessedLeafCodes where unit.currentAppraisal(of: code) == nil {
            guard snapshot.council.appraiser(of: code)?.userID == user.userID else { continue }
            if case .success(let appraisal) = AppraisalRules.appraise(
                .accept, code: code, unit: unit.state, selfScore: unit.selfScores[code],
                round: snapshot.round, catalog: snapshot.catalog, council: snapshot.council, by: user,
                at: request.partrack.now(), clock: request.partrack.clock)
            {
                accepted[code] = appraisal
            }
        }
        if accepted.isEmpty {
            throw AssessmentRefusal(message: Message(AssessmentMessageKey.appraisalNothingToAccept.rawValue))
        }
        try await save(accepted, snapshot: snapshot, unitID: unitID, by: request)
        return accepted.count
    }

    /// Asks the unit for more evidence on a criterion, to be answered by `answerBy` (within the round).
    static func ask(
        code: String, text: String, answerBy: LocalDate?, _ snapshot: AssessmentSnapshot, unitID: Int,
        by request: Request
    ) async throws -> AssessmentEvidenceRequest {
        let unit = try snapshot.unit(unitID)
        let asked = try await EvidenceRequests.ask(
            code: code, text: text, answerBy: answerBy, unit: unit.state, round: snapshot.round,
            catalog: snapshot.catalog, council: snapshot.council, by: try request.currentUser.acting,
            at: request.partrack.now(), clock: request.partrack.clock
        ).orRefuse(
            "assessment.request.ask", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
            request: request)
        let row = AssessmentEvidenceRequest()
        row.$roundUnit.id = try snapshot.roundUnitID(unitID)
        row.code = asked.code
        row.$askedBy.id = asked.askedBy
        row.askedAt = asked.askedAt
        row.text = asked.text
        row.answerBy = asked.answerBy
        try await request.db.transaction { db in
            try await row.create(on: db)
            try await Audit.record(
                "assessment.request.ask", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                after: ["code": asked.code, "text": asked.text, "answer_by": asked.answerBy?.formatted ?? ""],
                by: request, on: db)
        }
        return row
    }

    /// Writes appraisals (insert or replace by code) with one audit event holding before and after,
    /// so every changed score and its reason is in the audit log.
    private static func save(
        _ appraisals: [String: Appraisal], snapshot: AssessmentSnapshot, unitID: Int, by request: Request
    ) async throws {
        let rowID = try snapshot.roundUnitID(unitID)
        let unit = try snapshot.unit(unitID)
        try await request.db.transaction { db in
            let existing = try await AssessmentAppraisal.query(on: db).filter(\.$roundUnit.$id == rowID)
                .filter(\.$code ~~ Array(appraisals.keys)).all()
            for (code, appraisal) in appraisals.sorted(by: { $0.key < $1.key }) {
                let row = existing.first { $0.code == code } ?? AssessmentAppraisal()
                row.$roundUnit.id = rowID
                row.code = code
                row.scoreHundredths = appraisal.score.hundredths
                row.selfScoreHundredths = appraisal.selfScore.hundredths
                row.reason = appraisal.reason
                row.$appraiser.id = appraisal.appraiserID
                row.appraisedAt = appraisal.appraisedAt
                try await row.save(on: db)
            }
            let reasons = appraisals.values.compactMap(\.reason).joined(separator: "; ")
            try await Audit.record(
                "assessment.appraise", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                before: unit.appraisals.filter { appraisals[$0.key] != nil }, after: appraisals, reason: reasons,
                by: request, on: db)
        }
    }
}
