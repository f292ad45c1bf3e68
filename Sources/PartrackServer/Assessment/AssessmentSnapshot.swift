import Fluent
import Foundation
import PartrackDomain
import Vapor

/// A round as the domain's rules see it, loaded in a fixed number of queries: the round, its catalog,
/// its council, and every unit's state, owners, self scores, appraisals, requests and survey points.
/// Every action loads one, asks the rules, and writes what they return.
struct AssessmentSnapshot: Sendable {
    let record: AssessmentRoundRecord
    let round: AssessmentRound
    let catalog: CatalogDefinition
    let catalogName: String
    let council: Council
    /// The units in the order people read them (by name).
    let units: [UnitAssessment]
    let ownership: [Int: AreaOwnership]
    /// unit id → its `assessment_round_units` row id.
    let roundUnitIDs: [Int: Int]
    /// Open and answered evidence requests with their row ids, by unit id.
    let requestIDs: [Int: [Int]]

    var id: Int { record.id ?? 0 }
    var unitIDs: Set<Int> { round.unitIDs }

    func unit(_ unitID: Int) throws -> UnitAssessment {
        guard let unit = units.first(where: { $0.unitID == unitID }) else { throw Self.notInRound }
        return unit
    }

    func roundUnitID(_ unitID: Int) throws -> Int {
        guard let id = roundUnitIDs[unitID] else { throw Self.notInRound }
        return id
    }

    static let notInRound = PartrackError(
        status: .notFound, code: AssessmentMessageKey.roundUnitNotInRound.rawValue,
        message: Message(AssessmentMessageKey.roundUnitNotInRound.rawValue))

    func ownership(of unitID: Int) -> AreaOwnership { ownership[unitID] ?? AreaOwnership() }

    /// The published results, once the round is published.
    var published: PublishedResults? {
        guard let json = record.resultsJSON, let at = record.publishedAt, let by = record.$publishedBy.id,
            let results = try? AssessmentJSON.decode(CompiledResults.self, json)
        else { return nil }
        return PublishedResults(results: results, publishedAt: at, publishedBy: by)
    }

    static func load(_ roundID: Int, on db: any Database) async throws -> AssessmentSnapshot {
        guard let record = try await AssessmentRoundRecord.find(roundID, on: db) else {
            throw PartrackError.notFound("assessment_round", id: "\(roundID)")
        }
        guard let catalogRecord = try await Catalog.find(record.$catalog.id, on: db) else {
            throw PartrackError.notFound("catalog", id: "\(record.$catalog.id)")
        }
        let catalog = try await CatalogStore.load(catalogRecord, on: db)

        let roundUnits = try await AssessmentRoundUnit.query(on: db).filter(\.$round.$id == roundID).with(\.$unit)
            .all()
        let rowIDs = try roundUnits.map { try $0.requireID() }
        let unitOfRow = Dictionary(uniqueKeysWithValues: roundUnits.map { ($0.id ?? 0, $0.$unit.id) })

        var round = try AssessmentRound(
            catalogID: record.$catalog.id, year: record.year, unitIDs: Set(roundUnits.map { $0.$unit.id }),
            trialFrom: record.trialFrom, trialTo: record.trialTo, officialFrom: record.officialFrom,
            closesOn: record.closesOn, scoreStep: Points(hundredths: record.scoreStepHundredths),
            tieRule: record.tieRule)
        round.publishedAt = record.publishedAt

        let council = try await loadCouncil(roundID, on: db)

        let owners = try await AssessmentAreaOwner.query(on: db).filter(\.$roundUnit.$id ~~ rowIDs).with(\.$position)
            .all()
        var ownership: [Int: AreaOwnership] = [:]
        for owner in owners {
            let unitID = unitOfRow[owner.$roundUnit.id] ?? 0
            ownership[unitID, default: AreaOwnership()].owners[owner.code] = AreaOwner(
                positionID: owner.$position.id, title: owner.position.title)
        }

        let scores = try await AssessmentSelfScore.query(on: db).filter(\.$roundUnit.$id ~~ rowIDs).all()
        let appraisals = try await AssessmentAppraisal.query(on: db).filter(\.$roundUnit.$id ~~ rowIDs).all()
        let requests = try await AssessmentEvidenceRequest.query(on: db).filter(\.$roundUnit.$id ~~ rowIDs)
            .sort(\.$id).all()
        let survey = try await AssessmentSurveyPoints.query(on: db).filter(\.$roundUnit.$id ~~ rowIDs).all()

        var units: [UnitAssessment] = []
        var requestIDs: [Int: [Int]] = [:]
        for row in roundUnits.sorted(by: { $0.unit.name.localizedStandardCompare($1.unit.name) == .orderedAscending }) {
            let rowID = row.id ?? 0
            var state = UnitRoundState(unitID: row.$unit.id, reopenedUntil: row.reopenedUntil)
            if let at = row.submittedAt, let by = row.$submittedBy.id, let document = row.signedDocumentID {
                state.submission = Submission(
                    submittedAt: at, submittedBy: by, signedReport: EvidenceRef(evidenceID: document))
            }
            var unit = UnitAssessment(unitID: row.$unit.id, name: row.unit.name, state: state)
            for score in scores where score.$roundUnit.id == rowID {
                unit.selfScores[score.code] = SelfScore(
                    score: Points(hundredths: score.scoreHundredths), explanation: score.explanation,
                    evidence: (try? AssessmentJSON.decode([EvidenceRef].self, score.evidenceJSON)) ?? [],
                    source: score.source)
            }
            for appraisal in appraisals where appraisal.$roundUnit.id == rowID {
                unit.appraisals[appraisal.code] = Appraisal(
                    score: Points(hundredths: appraisal.scoreHundredths),
                    selfScore: Points(hundredths: appraisal.selfScoreHundredths), reason: appraisal.reason,
                    appraiserID: appraisal.$appraiser.id, appraisedAt: appraisal.appraisedAt)
            }
            for request in requests where request.$roundUnit.id == rowID {
                unit.evidenceRequests.append(request.domain(unitID: row.$unit.id))
                requestIDs[row.$unit.id, default: []].append(request.id ?? 0)
            }
            for points in survey where points.$roundUnit.id == rowID {
                unit.surveyPoints[points.code] = Points(hundredths: points.pointsHundredths)
            }
            units.append(unit)
        }
        return AssessmentSnapshot(
            record: record, round: round, catalog: catalog, catalogName: catalogRecord.name, council: council,
            units: units, ownership: ownership,
            roundUnitIDs: Dictionary(uniqueKeysWithValues: roundUnits.map { ($0.$unit.id, $0.id ?? 0) }),
            requestIDs: requestIDs)
    }

    private static func loadCouncil(_ roundID: Int, on db: any Database) async throws -> Council {
        let members = try await AssessmentCouncilMember.query(on: db).filter(\.$round.$id == roundID).with(\.$user)
            .sort(\.$id).all()
        let assignments = try await AssessmentCouncilAssignment.query(on: db).filter(\.$round.$id == roundID).all()
        return Council(
            members: members.map {
                CouncilMember(userID: $0.$user.id, name: $0.user.displayName, office: $0.office)
            },
            assignments: Dictionary(assignments.map { ($0.code, $0.$user.id) }, uniquingKeysWith: { _, last in last }),
            secretaryUserIDs: Set(members.filter(\.secretary).map { $0.$user.id }))
    }
}

extension AssessmentEvidenceRequest {
    func domain(unitID: Int) -> EvidenceRequest {
        var answer: EvidenceAnswer?
        if let text = answerText, let by = $answeredBy.id, let at = answeredAt {
            answer = EvidenceAnswer(
                text: text,
                evidence: answerEvidenceJSON.flatMap { try? AssessmentJSON.decode([EvidenceRef].self, $0) } ?? [],
                answeredBy: by, answeredAt: at)
        }
        return EvidenceRequest(
            unitID: unitID, code: code, askedBy: $askedBy.id, askedAt: askedAt, text: text, answerBy: answerBy,
            answer: answer)
    }
}

/// The JSON kept in text columns (evidence lists, published results): sorted keys, ISO dates.
enum AssessmentJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }
}
