/// The results as a table to export (write it with `CSVWriter`, `guardFormulas: true` since unit names
/// are typed by people): one row per unit in rank order, with its rank ("4/19"), self total, the
/// appraised points of each area, the survey points when the catalog has a survey, the total, the
/// percentage and the class. Figures use the Vietnamese decimal comma, as the published decision does.
public enum ResultsTable {
    public static func rows(_ results: CompiledResults, locale: LocaleCatalog) -> [[String]] {
        guard let first = results.units.first else { return [header(areas: [], survey: false, locale: locale)] }
        let hasSurvey = first.nodes.contains { $0.isLeaf && $0.isSurvey }
        var rows = [header(areas: first.areas, survey: hasSurvey, locale: locale)]
        for unit in results.units {
            var row = [unit.rank.description, unit.name, unit.selfTotal.vietnamese]
            row += unit.areas.map(\.appraised.vietnamese)
            if hasSurvey { row.append(unit.surveyTotal.vietnamese) }
            row += [unit.total.vietnamese, Points(hundredths: unit.percentHundredths).vietnamese, unit.className ?? ""]
            rows.append(row)
        }
        return rows
    }

    private static func header(areas: [NodeResult], survey: Bool, locale: LocaleCatalog) -> [String] {
        func text(_ key: AssessmentMessageKey, _ arguments: [String: String] = [:]) -> String {
            locale.render(key: key.rawValue, arguments: arguments)
        }
        var header = [text(.csvRank), text(.csvUnit), text(.csvSelfTotal)]
        header += areas.map { text(.csvArea, ["code": $0.code, "maximum": $0.maximum.vietnamese]) }
        if survey { header.append(text(.csvSurvey)) }
        header += [text(.csvTotal), text(.csvPercent), text(.csvClass)]
        return header
    }
}
