/// Points of the sociological survey (SIPAS) for the catalog's survey leaves, which the reviewer enters
/// or imports: the survey is scored outside the unit, so it has no self score and no appraisal. Survey
/// points are any hundredths from 0 to the leaf's maximum (they come from a formula, not the step).
public enum SurveyPoints {
    /// Why `points` cannot be recorded for `code`, or nil when they can.
    public static func problem(_ points: Points, code: String, catalog: CatalogDefinition) -> Message? {
        guard let node = AssessedCriteria(catalog).node(code), node.isLeaf, node.measure == .survey else {
            return Message(.surveyNotSurveyCriterion, ["code": code])
        }
        guard points >= .zero, points <= node.maximum else {
            return Message(
                .surveyOutOfRange, ["code": code, "points": points.vietnamese, "maximum": node.maximum.vietnamese])
        }
        return nil
    }

    /// Records survey points for one unit: a reviewer of the unit, before publication, for a survey leaf,
    /// within its range. Returns the unit's survey points with this one set.
    public static func record(
        _ points: Points, code: String, into current: [String: Points], unitID: Int, round: AssessmentRound,
        catalog: CatalogDefinition, by user: ActingUser
    ) -> Result<[String: Points], AssessmentRefusal> {
        if let refusal = AssessmentPolicy.mayManage(user, .enterSurvey, unitIDs: [unitID]).refusal {
            return .failure(refusal)
        }
        if let refusal = RoundRules.roundRefusal(round, unitID: unitID) {
            return .failure(AssessmentRefusal(message: refusal))
        }
        if let message = problem(points, code: code, catalog: catalog) {
            return .failure(AssessmentRefusal(message: message))
        }
        var updated = current
        updated[code] = points
        return .success(updated)
    }

    /// Reads survey points from a table (a CSV, or a sheet read by `PartrackFiles`): a header row whose
    /// first cell names the unit column and whose other cells are survey leaf codes ("Đơn vị", "8.1",
    /// "8.2"), then one row per unit, named as in `unitIDs` (matched ignoring case and surrounding spaces).
    /// Empty cells are left out. Every bad cell is reported at once, by its reference ("C4").
    public static func read(
        _ table: PlanTable, catalog: CatalogDefinition, unitIDs: [String: Int]
    ) -> Result<[Int: [String: Points]], AssessmentRefusal> {
        guard let header = table.rows.first, header.count >= 2 else {
            return .failure(AssessmentRefusal(.surveyImportNoHeader))
        }
        func cell(_ row: Int, _ column: Int) -> String { table.location(row: row, column: column).description }
        let criteria = AssessedCriteria(catalog)
        var problems: [Message] = []
        var codes: [(column: Int, code: String)] = []
        for column in 1..<header.count {
            let code = header[column].trimmingWhitespace()
            if code.isEmpty { continue }
            if problem(.zero, code: code, catalog: catalog) != nil {
                problems.append(Message(.surveyImportNotSurveyCriterion, ["cell": cell(0, column), "code": code]))
            } else {
                codes.append((column, code))
            }
        }
        let units = Dictionary(
            unitIDs.map { ($0.key.trimmingWhitespace().lowercased(), $0.value) },
            uniquingKeysWith: { first, _ in first })
        var result: [Int: [String: Points]] = [:]
        var rowOfUnit: [Int: Int] = [:]
        for row in table.rows.indices.dropFirst() {
            if table.rows[row].allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            let name = table.cell(row, 0).trimmingWhitespace()
            guard let unitID = units[name.lowercased()] else {
                problems.append(Message(.surveyImportUnknownUnit, ["cell": cell(row, 0), "unit": name]))
                continue
            }
            if let first = rowOfUnit[unitID] {
                problems.append(
                    Message(.surveyImportUnitTwice, ["cell": cell(row, 0), "unit": name, "first": cell(first, 0)]))
                continue
            }
            rowOfUnit[unitID] = row
            var points: [String: Points] = [:]
            for (column, code) in codes {
                let text = table.cell(row, column).trimmingWhitespace()
                if text.isEmpty { continue }
                guard let value = Points(parsing: text) else {
                    problems.append(
                        Message(.surveyImportNotANumber, ["cell": cell(row, column), "value": text, "code": code]))
                    continue
                }
                if problem(value, code: code, catalog: catalog) != nil {
                    problems.append(
                        Message(
                            .surveyImportOutOfRange,
                            [
                                "cell": cell(row, column), "code": code, "points": value.vietnamese,
                                "maximum": criteria.node(code)!.maximum.vietnamese,
                            ]))
                } else {
                    points[code] = value
                }
            }
            result[unitID] = points
        }
        guard problems.isEmpty else {
            return .failure(AssessmentRefusal(.surveyImportInvalid, ["count": "\(problems.count)"], details: problems))
        }
        return .success(result)
    }
}
