import Fluent
import Foundation
import PartrackAPI
import PartrackDomain
import Vapor

/// Which rounds a person sees, and a round or a unit of it as the API (and the pages) show it.
enum AssessmentViews {
    /// Rounds the person takes part in, newest first: their unit is in it, they review its units, they
    /// sit on its council; admins see all.
    static func visibleRounds(to user: ActingUser, on db: any Database) async throws -> [AssessmentRoundRecord] {
        let rounds = try await AssessmentRoundRecord.query(on: db).sort(\.$id, .descending).all()
        guard user.role != .admin else { return rounds }
        let units = try await AssessmentRoundUnit.query(on: db).all()
        let seats = try await AssessmentCouncilMember.query(on: db).filter(\.$user.$id == user.userID).all()
        let seated = Set(seats.map { $0.$round.id })
        let unitsByRound = Dictionary(grouping: units, by: { $0.$round.id }).mapValues { Set($0.map { $0.$unit.id }) }
        return rounds.filter { round in
            let id = round.id ?? 0
            let roundUnits = unitsByRound[id] ?? []
            return seated.contains(id) || roundUnits.contains(user.unitID)
                || !roundUnits.isDisjoint(with: user.reviewedUnitIDs)
        }
    }

    /// Refuses (403, logged) a person who may see no unit of the round and is not on its council.
    static func ensureVisible(_ snapshot: AssessmentSnapshot, to request: Request) async throws {
        let user = try request.currentUser.acting
        let sees = snapshot.unitIDs.contains {
            AssessmentPolicy.mayView(user, unitID: $0, council: snapshot.council).isAllowed
        }
        if !sees {
            try await AccessDecision.deny(Message(AssessmentMessageKey.accessViewOtherUnit.rawValue)).orRefuse(
                "assessment.round.view", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
                request: request)
        }
    }

    static func round(_ snapshot: AssessmentSnapshot, at instant: Date, clock: CivilClock) -> AssessmentRoundDTO {
        let record = snapshot.record
        return AssessmentRoundDTO(
            id: snapshot.id, title: record.title, catalogID: snapshot.round.catalogID,
            catalogName: snapshot.catalogName, year: snapshot.round.year, trialFrom: record.trialFrom?.formatted,
            trialTo: record.trialTo?.formatted, officialFrom: record.officialFrom.formatted,
            closesOn: record.closesOn.formatted, closesAt: snapshot.round.closingInstant(clock: clock),
            scoreStep: snapshot.round.scoreStep, tieRule: snapshot.round.tieRule,
            phase: snapshot.round.phase(at: instant, clock: clock), publishedAt: record.publishedAt,
            units: snapshot.units.map { unitRow($0, snapshot, at: instant, clock: clock) }, council: snapshot.council)
    }

    static func unitRow(
        _ unit: UnitAssessment, _ snapshot: AssessmentSnapshot, at instant: Date, clock: CivilClock
    ) -> AssessmentRoundUnitDTO {
        let leaves = snapshot.catalog.assessedLeafCodes
        return AssessmentRoundUnitDTO(
            unitID: unit.unitID, name: unit.name,
            phase: snapshot.round.phase(of: unit.state, at: instant, clock: clock),
            submittedAt: unit.state.submission?.submittedAt, reopenedUntil: unit.state.reopenedUntil?.formatted,
            confirmed: leaves.filter { unit.selfScores[$0]?.source == .owner }.count, leaves: leaves.count)
    }

    static func unit(_ unitID: Int, _ snapshot: AssessmentSnapshot, request: Request) async throws
        -> UnitAssessmentDTO
    {
        let unit = try snapshot.unit(unitID)
        try await AssessmentPolicy.mayView(try request.currentUser.acting, unitID: unitID, council: snapshot.council)
            .orRefuse(
                "assessment.unit.view", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
                request: request)
        let now = request.partrack.now()
        let clock = request.partrack.clock
        let problems = SelfAssessmentCheck.problems(
            catalog: snapshot.catalog, scores: unit.selfScores, step: snapshot.round.scoreStep)
        let requestIDs = snapshot.requestIDs[unitID] ?? []
        let documents = try await AssessmentFiles.documents(snapshot, unitID: unitID, on: request.db)
        return UnitAssessmentDTO(
            roundID: snapshot.id, unit: unitRow(unit, snapshot, at: now, clock: clock),
            ownership: snapshot.ownership(of: unitID), selfScores: unit.selfScores,
            appraisals: unit.appraisals.filter { unit.currentAppraisal(of: $0.key) != nil },
            evidenceRequests: zip(requestIDs, unit.evidenceRequests).map { EvidenceRequestDTO(id: $0, request: $1) },
            surveyPoints: unit.surveyPoints, problems: problems.map { request.localized($0.message) },
            documents: documents.map(\.dto), result: snapshot.published?.unit(unitID))
    }
}

extension AssessmentDocument {
    var dto: AssessmentDocumentDTO {
        AssessmentDocumentDTO(
            id: id ?? 0, filename: filename, kind: kind, size: size, sha256: sha256, uploadedAt: uploadedAt)
    }
}
