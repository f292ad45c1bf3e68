import Fluent
import Foundation
import PartrackDomain
import PartrackFiles
import Vapor

/// Survey points for many units at once, from the survey team's table (.xlsx or .csv): a header row
/// "Đơn vị | 8.1 | 8.2 …", then one row per unit by name or code. Every bad cell is reported by its
/// reference and nothing is written until the whole table reads.
enum SurveyImport {
    /// Reads and records the table; returns how many units received points.
    static func run(_ data: Data, filename: String, _ snapshot: AssessmentSnapshot, by request: Request)
        async throws -> Int
    {
        try await AssessmentPolicy.mayManage(try request.currentUser.acting, .enterSurvey, unitIDs: snapshot.unitIDs)
            .orRefuse(
                "assessment.survey.import", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
                request: request)
        if snapshot.round.isPublished {
            throw AssessmentRefusal(message: Message(AssessmentMessageKey.roundPublished.rawValue))
        }
        let table = try read(data, filename: filename, maxBytes: request.partrack.config.maxUploadBytes)
        let units = try await OrgUnit.query(on: request.db).filter(\.$id ~~ Array(snapshot.unitIDs)).all()
        var names: [String: Int] = [:]
        for unit in units {
            guard let id = unit.id else { continue }
            names[unit.name] = id
            names[unit.code] = id
        }
        let points = try await SurveyPoints.read(table, catalog: snapshot.catalog, unitIDs: names).orRefuse(
            "assessment.survey.import", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
            request: request)
        try await request.db.transaction { db in
            for (unitID, byCode) in points.sorted(by: { $0.key < $1.key }) {
                let rowID = try snapshot.roundUnitID(unitID)
                let existing = try await AssessmentSurveyPoints.query(on: db).filter(\.$roundUnit.$id == rowID).all()
                for (code, value) in byCode.sorted(by: { $0.key < $1.key }) {
                    let row = existing.first { $0.code == code } ?? AssessmentSurveyPoints()
                    row.$roundUnit.id = rowID
                    row.code = code
                    row.pointsHundredths = value.hundredths
                    try await row.save(on: db)
                }
            }
            try await Audit.record(
                "assessment.survey.import", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
                // Unit id → criterion → points as written.
                after: Dictionary(uniqueKeysWithValues: points.map { ("\($0.key)", $0.value.mapValues(\.vietnamese)) }),
                reason: filename, by: request, on: db)
        }
        return points.count
    }

    private static func read(_ data: Data, filename: String, maxBytes: Int) throws -> PlanTable {
        if filename.lowercased().hasSuffix(".xlsx") {
            return try XlsxReader.read(
                data, filename: filename, maxUnpackedBytes: PlanDocumentReader.unpackedLimit(forUpload: maxBytes))
        }
        guard filename.lowercased().hasSuffix(".csv") else {
            throw PartrackError(
                status: .unsupportedMediaType, code: "assessment.survey.import.kind",
                message: Message("assessment.survey.import.kind", ["name": filename]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PartrackError.badRequest(Message("assessment.survey.import.kind", ["name": filename]))
        }
        return try CSVReader.read(text, name: nil)
    }
}
