import Fluent
import PartrackDomain
import Vapor

/// "/danh-gia/:round/tham-dinh/:unit": a council member appraises the criteria assigned to them in one
/// unit — accepts the self score or sets another with a reason, accepts the rest at once, and asks the
/// unit for more evidence — with the unit's explanation and evidence beside each criterion.
enum AppraisePage {
    struct UnitLink: Encodable {
        let name: String
        let href: String
        let current: Bool
    }

    struct Row: Encodable {
        let anchor: String
        let code: String
        let title: String
        let maximum: String
        let selfScore: String
        let explanation: String
        let evidence: [EvidenceChoice]
        let appraised: String?
        let reason: String?
        let stale: Bool
        let mayAppraise: Bool
        let action: String
    }

    struct RequestLine: Encodable {
        let code: String
        let askedAt: String
        let text: String
        let answer: String?
        let answeredBy: String
        let evidence: [EvidenceChoice]
    }

    struct Context: Encodable {
        let chrome: Chrome
        let details: [String]
        let roundHref: String
        let roundTitle: String
        let unitName: String
        let phaseLabel: String
        let units: [UnitLink]
        let mayAct: Bool
        let acceptAction: String
        let rows: [Row]
        let askAction: String
        let codes: [FormOption]
        let today: String
        let requests: [RequestLine]
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let unitID = try AssessmentWeb.unitID(request)
        let unit = try snapshot.unit(unitID)
        let user = try request.currentUser.acting
        let council = snapshot.council
        let codes = snapshot.catalog.assessedLeafCodes.filter { council.appraiser(of: $0)?.userID == user.userID }
        guard let first = codes.first else {
            throw PartrackError(
                status: .forbidden, code: "assess.appraise_nothing_assigned",
                message: Message("assess.appraise_nothing_assigned"))
        }
        try await AssessmentPolicy.mayAppraise(user, unitID: unitID, code: first, council: council).orRefuse(
            "assessment.appraise.view", entity: "assessment_round", entityID: snapshot.id, unitID: unitID,
            request: request)
        let now = request.partrack.now()
        let clock = request.partrack.clock
        let round = snapshot.round
        let mayAct = !round.isPublished && round.selfScoresFrozen(unit.state, at: now, clock: clock)
        let names = try await AssessmentEvidenceNames.load(
            snapshot, unitID: unitID,
            references: unit.selfScores.values.flatMap(\.evidence)
                + unit.evidenceRequests.flatMap { $0.answer?.evidence ?? [] }, on: request.db)
        let titles = Dictionary(
            snapshot.catalog.allNodes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = codes.map { code -> Row in
            let entry = unit.selfScores[code]
            let appraisal = unit.appraisals[code]
            return Row(
                anchor: AssessmentWeb.anchor(code), code: code, title: titles[code]?.title ?? "",
                maximum: titles[code]?.maxPoints.vietnamese ?? "", selfScore: entry?.score.vietnamese ?? "—",
                explanation: entry?.explanation ?? "",
                evidence: UnitPage.choices(chosen: entry?.evidence ?? [], offered: [], names: names, request: request),
                appraised: appraisal?.score.vietnamese, reason: appraisal?.reason,
                stale: appraisal != nil && unit.currentAppraisal(of: code) == nil, mayAppraise: mayAct,
                action: Pages.assessmentAppraiseCode.link(snapshot.id, unitID, code))
        }
        let people = try await UnitPage.userNames(
            unit.evidenceRequests.compactMap { $0.answer?.answeredBy }, on: request.db)
        let requests = unit.evidenceRequests.filter { codes.contains($0.code) }.map { item in
            RequestLine(
                code: item.code, askedAt: clock.formatDateTime(item.askedAt), text: item.text,
                answer: item.answer?.text,
                answeredBy: item.answer.map { people[$0.answeredBy] ?? "" } ?? "",
                evidence: UnitPage.choices(
                    chosen: item.answer?.evidence ?? [], offered: [], names: names, request: request))
        }
        let phase = round.phase(of: unit.state, at: now, clock: clock)
        return try await request.view.render(
            "assessment-appraise",
            Context(
                chrome: Chrome(request), details: AssessmentWeb.details(request),
                roundHref: Pages.assessmentRound.link(snapshot.id), roundTitle: snapshot.record.title,
                unitName: unit.name, phaseLabel: request.localized(phase.nameKey),
                units: snapshot.units.filter { $0.unitID != user.unitID }.map {
                    UnitLink(
                        name: $0.name, href: Pages.assessmentAppraise.link(snapshot.id, $0.unitID),
                        current: $0.unitID == unitID)
                },
                mayAct: mayAct, acceptAction: Pages.assessmentAcceptRemaining.link(snapshot.id, unitID), rows: rows,
                askAction: Pages.assessmentAsk.link(snapshot.id, unitID),
                codes: codes.map { FormOption(value: $0, label: "\($0) \(titles[$0]?.title ?? "")") },
                today: clock.day(of: now).formatted, requests: requests))
    }

    struct AppraiseForm: Content {
        let decision: String?
        let score: String?
        let reason: String?
    }

    @Sendable static func appraise(_ request: Request) async throws -> Response {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let unitID = try AssessmentWeb.unitID(request)
        let code = request.parameters.get("code") ?? ""
        let form = try request.content.decode(AppraiseForm.self)
        let back = Pages.assessmentAppraise.link(snapshot.id, unitID) + "#" + AssessmentWeb.anchor(code)
        return try await AssessmentWeb.outcome(back: back, request: request) {
            let decision: AppraisalDecision
            switch form.decision ?? "accept" {
            case "accept": decision = .accept
            case "score": decision = .score(try AssessmentWeb.points(form.score), reason: form.reason ?? "")
            case let other: throw PartrackError.badRequest(Message("assess.decision_unknown", ["value": other]))
            }
            _ = try await AppraisalActions.appraise(decision, code: code, snapshot, unitID: unitID, by: request)
            return Message("assess.appraised", ["code": code])
        }
    }

    @Sendable static func acceptRemaining(_ request: Request) async throws -> Response {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let unitID = try AssessmentWeb.unitID(request)
        return try await AssessmentWeb.outcome(
            back: Pages.assessmentAppraise.link(snapshot.id, unitID), request: request
        ) {
            let count = try await AppraisalActions.acceptRemaining(snapshot, unitID: unitID, by: request)
            return Message("assess.accepted", ["count": "\(count)"])
        }
    }

    struct AskForm: Content {
        let code: String?
        let text: String?
        let answerBy: String?
    }

    @Sendable static func ask(_ request: Request) async throws -> Response {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let unitID = try AssessmentWeb.unitID(request)
        let form = try request.content.decode(AskForm.self)
        return try await AssessmentWeb.outcome(
            back: Pages.assessmentAppraise.link(snapshot.id, unitID), request: request
        ) {
            let code = form.code ?? ""
            _ = try await AppraisalActions.ask(
                code: code, text: form.text ?? "", answerBy: try AssessmentWeb.optionalDay(form.answerBy), snapshot,
                unitID: unitID, by: request)
            return Message("assess.request_sent", ["code": code])
        }
    }
}
