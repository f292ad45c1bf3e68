import PartrackDomain
import Testing

@Suite("Survey points imported from a table, every bad cell named")
struct SurveyImportTests {
    typealias F = AssessmentFixture
    let p = AssessmentFixture.p
    let units = Dictionary(uniqueKeysWithValues: AssessmentFixture.communes.map { ($0.name, $0.id) })

    func read(_ csv: String) throws -> Result<[Int: [String: Points]], AssessmentRefusal> {
        SurveyPoints.read(try CSVReader.read(csv), catalog: F.catalog, unitIDs: units)
    }

    @Test func aSemicolonFileFromVietnameseExcelWithDecimalCommas() throws {
        let csv = """
            \u{FEFF}Đơn vị;3.1
            Xã An Bình;4,5
             xã bắc lý ;4,25
            Xã Cao Sơn;

            Xã Hòa Sơn;3.2
            """
        let points = try read(csv).get()
        // Names match ignoring case and spaces; an empty cell and an empty row are left out.
        #expect(points == [101: ["3.1": p("4.5")], 102: ["3.1": p("4.25")], 103: [:], 105: ["3.1": p("3.2")]])
    }

    @Test func everyBadCellIsReportedAtOnceAndNothingIsImported() throws {
        let csv = """
            Đơn vị,3.1,2.1
            Xã An Bình,4.5,1
            Xã Bình An,4,
            Xã An Bình,4,
            Xã Cao Sơn,bốn,
            Xã Đông Lỗ,5.5,
            """
        let refusal = try #require(try read(csv).refused)
        #expect(refusal.message == Message("assessment.survey.import.invalid", ["count": "5"]))
        #expect(
            refusal.details == [
                Message("assessment.survey.import.not_survey_criterion", ["cell": "C1", "code": "2.1"]),
                Message("assessment.survey.import.unknown_unit", ["cell": "A3", "unit": "Xã Bình An"]),
                Message("assessment.survey.import.unit_twice", ["cell": "A4", "unit": "Xã An Bình", "first": "A2"]),
                Message("assessment.survey.import.not_a_number", ["cell": "B5", "value": "bốn", "code": "3.1"]),
                Message(
                    "assessment.survey.import.out_of_range",
                    ["cell": "B6", "code": "3.1", "points": "5,5", "maximum": "5"]),
            ])
    }

    @Test func aTableWithoutCriterionColumnsIsRefused() throws {
        #expect(try read("Đơn vị\nXã An Bình").refused?.message == Message("assessment.survey.import.no_header"))
        #expect(
            SurveyPoints.read(PlanTable(rows: []), catalog: F.catalog, unitIDs: units).refused?.message
                == Message("assessment.survey.import.no_header"))
    }

    @Test func aSheetNameIsPartOfTheCellReference() {
        let sheet = PlanTable(name: "SIPAS", rows: [["Đơn vị", "3.1"], ["Xã An Bình", "7"]])
        #expect(
            SurveyPoints.read(sheet, catalog: F.catalog, unitIDs: units).refused?.details
                == [
                    Message(
                        "assessment.survey.import.out_of_range",
                        ["cell": "SIPAS!B2", "code": "3.1", "points": "7", "maximum": "5"])
                ])
    }
}
