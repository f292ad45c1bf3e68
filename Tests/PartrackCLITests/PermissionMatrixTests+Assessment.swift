import Foundation
import PartrackAPI
import PartrackDomain
import Testing

/// The assessment's examples: each request gets a round of its own (xã Ba Giang's alone), opened
/// by the reviewer and brought to the state the operation needs — open for self-assessment,
/// submitted for appraisal, appraised for publication, published for reading results.
extension PermissionMatrixTests {
    static let assessmentExamples: [String: Example] = [
        "listRounds": path("/assessment-rounds"),
        "openRound": { world, role in
            ExampleRequest(
                path: "/assessment-rounds",
                body: .json(
                    OpenRoundRequest(
                        title: "Đánh giá năm 2023 (\(role))", catalogID: world.catalogID, year: 2023,
                        unitIDs: [world.unitID], officialFrom: "01/09/2023", closesOn: "30/09/2023")))
        },
        "showRound": { world, _ in
            let rounds = try await world.rounds()
            let round = try await rounds.open(["ba-giang"])
            try await rounds.seatCouncil(round.id)
            return ExampleRequest(path: "/assessment-rounds/\(round.id)")
        },
        "setCouncil": { world, _ in
            let round = try await world.rounds().open(["ba-giang"])
            let member = try await world.app.sendRequest(.GET, "/api/v1/me", headers: world.headers["council"] ?? [:])
                .json(MeDTO.self)
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/council",
                body: .json(
                    CouncilRequest(
                        members: [.init(userID: member.id, office: "Phòng Tư pháp")], assignments: ["1": member.id])))
        },
        "appraisalProgress": { world, _ in
            let round = try await world.rounds().submittedRound()
            return ExampleRequest(path: "/assessment-rounds/\(round.id)/progress")
        },
        "roundResults": { world, _ in
            ExampleRequest(path: "/assessment-rounds/\(try await publishedRound(world))/results")
        },
        "roundResultsCSV": { world, _ in
            ExampleRequest(path: "/assessment-rounds/\(try await publishedRound(world))/results.csv")
        },
        "publishRound": { world, _ in
            let round = try await world.rounds().appraisedRound(["ba-giang"])
            return ExampleRequest(path: "/assessment-rounds/\(round.id)/publish")
        },
        "importSurvey": { world, _ in
            // The demo catalog has no survey criterion: the reviewer's answer names the column.
            let rounds = try await world.rounds()
            let round = try await rounds.open(["ba-giang"])
            let code = try #require(rounds.catalog.assessedLeafCodes.first)
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/survey?filename=khao-sat.csv",
                body: .bytes(Data("Đơn vị,\(code)\nUBND xã Ba Giang,1\n".utf8)))
        },
        "answerEvidenceRequest": { world, _ in
            let rounds = try await world.rounds()
            let round = try await rounds.submittedRound()
            let code = try #require(rounds.catalog.assessedLeafCodes.first)
            let asked = try await rounds.call(
                .POST, "/assessment-rounds/\(round.id)/units/\(world.unitID)/evidence-requests",
                as: RoundBuilder.member, json: AskEvidenceRequest(code: code, text: "Đề nghị bổ sung biên bản họp."))
            let request = try asked.json(EvidenceRequestDTO.self)
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/evidence-requests/\(request.id)/answer",
                body: .json(AnswerEvidenceRequest(text: "Đã bổ sung biên bản họp ngày 05/09/2023.")))
        },
        "unitAssessment": { world, _ in
            let rounds = try await world.rounds()
            let round = try await rounds.open(["ba-giang"])
            try await rounds.seatCouncil(round.id)
            return ExampleRequest(path: "/assessment-rounds/\(round.id)/units/\(world.unitID)")
        },
        "setAreaOwners": { world, _ in
            let round = try await world.rounds().open(["ba-giang"])
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/owners",
                body: .json(AreaOwnersRequest(owners: ["2": world.positionID])))
        },
        "prefillSelfAssessment": { world, _ in
            let round = try await world.rounds().open(["ba-giang"])
            return ExampleRequest(path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/prefill")
        },
        "confirmSuggestions": { world, _ in
            let rounds = try await world.rounds()
            let round = try await rounds.open(["ba-giang"])
            let unit = "/assessment-rounds/\(round.id)/units/\(world.unitID)"
            try await rounds.call(.POST, unit + "/prefill", as: "bagiang.chutich")
            return ExampleRequest(path: unit + "/confirm")
        },
        "selfScore": { world, _ in
            let rounds = try await world.rounds()
            let round = try await rounds.open(["ba-giang"])
            let code = try #require(rounds.catalog.assessedLeafCodes.first)
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/scores/\(code)",
                body: .json(SelfScoreRequest(score: "0")))
        },
        "uploadAssessmentDocument": { world, role in
            let round = try await world.rounds().open(["ba-giang"])
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/documents?filename=bien-ban.pdf",
                body: .bytes(try world.uniquePDF(role)))
        },
        "assessmentFile": { world, _ in
            let rounds = try await world.rounds()
            let round = try await rounds.open(["ba-giang"])
            try await rounds.seatCouncil(round.id)
            let document = try await rounds.uploadSignedReport(round.id, unit: "ba-giang")
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/files/document/\(document)")
        },
        "submitSelfAssessment": { world, _ in
            let rounds = try await world.rounds()
            let round = try await rounds.open(["ba-giang"])
            try await rounds.selfScore(round.id, unit: "ba-giang") { _ in .zero }
            let document = try await rounds.uploadSignedReport(round.id, unit: "ba-giang")
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/submit",
                body: .json(SubmitSelfAssessmentRequest(signedDocumentID: document)))
        },
        "reopenUnit": { world, _ in
            let round = try await world.rounds().submittedRound()
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/reopen",
                body: .json(ReopenUnitRequest(until: "20/09/2023", reason: "Đơn vị xin bổ sung minh chứng")))
        },
        "appraise": { world, _ in
            let rounds = try await world.rounds()
            let round = try await rounds.submittedRound()
            let code = try #require(rounds.catalog.assessedLeafCodes.first)
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/appraisals/\(code)",
                body: .json(AppraiseRequest(accept: true)))
        },
        "acceptRemaining": { world, _ in
            let round = try await world.rounds().submittedRound()
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/appraisals/accept-remaining")
        },
        "askEvidence": { world, _ in
            let rounds = try await world.rounds()
            let round = try await rounds.submittedRound()
            let code = try #require(rounds.catalog.assessedLeafCodes.first)
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/evidence-requests",
                body: .json(AskEvidenceRequest(code: code, text: "Đề nghị bổ sung biên bản họp.")))
        },
        "surveyPoints": { world, _ in
            // The demo catalog has no survey criterion: the reviewer's answer says this one is not.
            let rounds = try await world.rounds()
            let round = try await rounds.open(["ba-giang"])
            let code = try #require(rounds.catalog.assessedLeafCodes.first)
            return ExampleRequest(
                path: "/assessment-rounds/\(round.id)/units/\(world.unitID)/survey/\(code)",
                body: .json(SurveyPointsRequest(points: "0")))
        },
    ]

    /// A round of xã Ba Giang appraised and published; its id.
    static func publishedRound(_ world: DemoWorld) async throws -> Int {
        let rounds = try await world.rounds()
        let round = try await rounds.appraisedRound(["ba-giang"])
        try await rounds.publish(round.id)
        return round.id
    }
}
