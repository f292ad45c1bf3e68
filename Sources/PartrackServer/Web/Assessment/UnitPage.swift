import Fluent
import PartrackDomain
import Vapor

/// "/danh-gia/:round/don-vi/:unit": a unit's self-assessment. Everyone who may see the unit reads its
/// criteria, scores, explanations and evidence; each area's owner gets a form on the criteria they
/// score; the leader assigns owners, fills the draft from the plan and submits with the signed scan;
/// the unit answers the council's requests. Once submitted or published the page only reads.
enum UnitPage {
    struct Row: Encodable {
        let anchor: String
        let code: String
        let title: String
        let isLeaf: Bool
        let isSurvey: Bool
        let maximum: String
        let score: String
        let owner: String
        let appraised: String?
        let sourceLabel: String
        let suggested: Bool
        let problem: String?
        let appraisalReason: String?
        let mayScore: Bool
        let action: String
        let explanation: String
        let evidence: [EvidenceChoice]
    }

    struct Link: Encodable {
        let href: String
        let name: String
    }

    struct RequestItem: Encodable {
        let id: Int
        let code: String
        let askedBy: String
        let askedAt: String
        let text: String
        let answerBy: String
        let answer: String?
        let answeredBy: String
        let evidence: [EvidenceChoice]
        let mayAnswer: Bool
        let action: String
    }

    struct OwnerRow: Encodable {
        let key: Int
        let code: String
        let title: String
        let depth: Int
        let options: [FormOption]
    }

    struct Context: Encodable {
        let chrome: Chrome
        let details: [String]
        let roundHref: String
        let roundTitle: String
        let unitName: String
        let phase: String
        let phaseLabel: String
        let reopenedUntil: String
        let closesAt: String
        let selfTotal: String
        let maximum: String
        let submittedAt: String
        let submittedBy: String
        let signedReport: Link?
        let printHref: String
        let csvHref: String
        let mayPrefill: Bool
        let mayConfirm: Bool
        let prefillAction: String
        let confirmAction: String
        let requests: [RequestItem]
        let documentOptions: [FormOption]
        let rows: [Row]
        let documents: [Link]
        let mayUpload: Bool
        let uploadAction: String
        let maxUploadMB: Int
        let mayAssignOwners: Bool
        let ownersAction: String
        let owners: [OwnerRow]
        let problems: [String]
        let maySubmit: Bool
        let submitAction: String
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let unitID = try AssessmentWeb.unitID(request)
        try await AssessmentWeb.requireView(snapshot, unitID: unitID, request: request)
        let unit = try snapshot.unit(unitID)
        let user = try request.currentUser.acting
        let now = request.partrack.now()
        let clock = request.partrack.clock
        let round = snapshot.round
        let ownership = snapshot.ownership(of: unitID)
        let published = snapshot.published
        let mayChange = RoundRules.mayChangeSelfAssessment(round, unit: unit.state, at: now, clock: clock).isAllowed
        let phase = round.phase(of: unit.state, at: now, clock: clock)

        let taskEvidence = try await UnitPage.taskEvidence(snapshot, unitID: unitID, on: request.db)
        let chosen =
            unit.selfScores.values.flatMap(\.evidence)
            + unit.evidenceRequests.flatMap { $0.answer?.evidence ?? [] }
        var signed: [EvidenceRef] = []
        if let submission = unit.state.submission { signed.append(submission.signedReport) }
        let names = try await AssessmentEvidenceNames.load(
            snapshot, unitID: unitID, references: chosen + taskEvidence.values.flatMap { $0 } + signed, on: request.db)
        let people = try await userNames(
            unit.evidenceRequests.flatMap { [$0.askedBy, $0.answer?.answeredBy ?? 0] }
                + [unit.state.submission?.submittedBy ?? 0], on: request.db)

        let problems =
            unit.state.submission == nil && published == nil
            ? SelfAssessmentCheck.problems(catalog: snapshot.catalog, scores: unit.selfScores, step: round.scoreStep)
            : []
        let surveyCodes = Set(snapshot.catalog.surveyLeafCodes)
        let rows = snapshot.catalog.allNodes.map { node -> Row in
            let code = node.code
            let entry = unit.selfScores[code]
            let mayScore =
                node.isLeaf && !surveyCodes.contains(code) && mayChange
                && AssessmentPolicy.maySelfScore(user, unitID: unitID, code: code, ownership: ownership).isAllowed
            let result = published?.unit(unitID)?.node(code)
            return Row(
                anchor: AssessmentWeb.anchor(code), code: code, title: node.title, isLeaf: node.isLeaf,
                isSurvey: surveyCodes.contains(code), maximum: node.maxPoints.vietnamese,
                score: node.isLeaf
                    ? entry?.score.vietnamese ?? "" : selfSum(node, unit.selfScores).map(\.vietnamese) ?? "",
                owner: ownership.owner(of: code)?.title ?? request.localized("assess.owner_leader"),
                appraised: result.map(\.appraised.vietnamese),
                sourceLabel: entry.map { request.localized("assess.source.\($0.source.rawValue)") } ?? "",
                suggested: entry?.source == .suggested,
                problem: problems.first { $0.code == code }.map { request.localized($0.message) },
                appraisalReason: result?.reason, mayScore: mayScore,
                action: Pages.assessmentScore.link(snapshot.id, unitID, code), explanation: entry?.explanation ?? "",
                evidence: choices(
                    chosen: entry?.evidence ?? [], offered: mayScore ? taskEvidence[code] ?? [] : [], names: names,
                    request: request))
        }

        let mayAssign =
            published == nil && mayChange && AssessmentPolicy.mayAssignOwners(user, unitID: unitID).isAllowed
        let positions = try await Position.query(on: request.db).filter(\.$unit.$id == unitID).sort(\.$id).all()
        let owners = snapshot.catalog.allNodes.filter { $0.depth <= 2 && !surveyCodes.contains($0.code) }.enumerated()
            .map { key, node in
                let selected = ownership.owners[node.code]?.positionID
                let none = FormOption(
                    value: "",
                    label: request.localized(node.depth == 1 ? "assess.owner_leader" : "assess.owner_inherit"),
                    selected: selected == nil)
                return OwnerRow(
                    key: key, code: node.code, title: node.title, depth: node.depth,
                    options: [none]
                        + positions.compactMap { position in
                            position.id.map {
                                FormOption(value: "\($0)", label: position.title, selected: selected == $0)
                            }
                        })
            }

        let requests = zip(unit.evidenceRequests, snapshot.requestIDs[unitID] ?? []).map { item, id in
            RequestItem(
                id: id, code: item.code, askedBy: people[item.askedBy] ?? "",
                askedAt: clock.formatDateTime(item.askedAt),
                text: item.text, answerBy: item.answerBy?.formatted ?? "", answer: item.answer?.text,
                answeredBy: item.answer.map { people[$0.answeredBy] ?? "" } ?? "",
                evidence: choices(chosen: item.answer?.evidence ?? [], offered: [], names: names, request: request),
                mayAnswer: item.isOpen && published == nil
                    && AssessmentPolicy.mayAnswerEvidenceRequest(
                        user, unitID: unitID, code: item.code, ownership: ownership
                    ).isAllowed,
                action: Pages.assessmentAnswer.link(snapshot.id, id))
        }

        let documentLinks = names.documents.compactMap { document in
            document.id.map {
                Link(href: names.href(EvidenceRef(evidenceID: $0)), name: document.filename)
            }
        }
        let selfTotal = unit.selfScores.filter { !surveyCodes.contains($0.key) }.values.reduce(Points.zero) {
            $0 + $1.score
        }
        return try await request.view.render(
            "assessment-unit",
            Context(
                chrome: Chrome(request), details: AssessmentWeb.details(request),
                roundHref: Pages.assessmentRound.link(snapshot.id), roundTitle: snapshot.record.title,
                unitName: unit.name, phase: phase.rawValue, phaseLabel: request.localized(phase.nameKey),
                reopenedUntil: unit.state.reopenedUntil?.formatted ?? "", closesAt: AssessmentWeb.closesAt(round),
                selfTotal: selfTotal.vietnamese, maximum: snapshot.catalog.maximum.vietnamese,
                submittedAt: unit.state.submission.map { clock.formatDateTime($0.submittedAt) } ?? "",
                submittedBy: unit.state.submission.map { people[$0.submittedBy] ?? "" } ?? "",
                signedReport: unit.state.submission.map {
                    Link(href: names.href($0.signedReport), name: names.label($0.signedReport, request: request))
                },
                printHref: Pages.assessmentUnitPrint.link(snapshot.id, unitID),
                csvHref: Pages.assessmentUnitCSV.link(snapshot.id, unitID),
                mayPrefill: mayAssign,
                mayConfirm: mayChange && unit.selfScores.values.contains { $0.source == .suggested },
                prefillAction: Pages.assessmentPrefill.link(snapshot.id, unitID),
                confirmAction: Pages.assessmentConfirm.link(snapshot.id, unitID), requests: requests,
                documentOptions: [FormOption(value: "", label: request.localized("assess.add_document_none"))]
                    + names.documents.compactMap { document in
                        document.id.map { FormOption(value: "\($0):", label: document.filename) }
                    },
                rows: rows, documents: documentLinks,
                mayUpload: published == nil
                    && AssessmentPolicy.mayUploadDocument(user, unitID: unitID).isAllowed,
                uploadAction: Pages.assessmentUpload.link(snapshot.id, unitID),
                maxUploadMB: request.partrack.config.maxUploadBytes / (1024 * 1024), mayAssignOwners: mayAssign,
                ownersAction: Pages.assessmentOwners.link(snapshot.id, unitID), owners: owners,
                problems: problems.map { request.localized($0.message) },
                maySubmit: AssessmentPolicy.maySubmit(user, unitID: unitID).isAllowed
                    && RoundRules.maySubmit(round, unit: unit.state, at: now, clock: clock).isAllowed,
                submitAction: Pages.assessmentSubmit.link(snapshot.id, unitID)))
    }

    /// The chosen files first, then the linked tasks' files not chosen yet, each once.
    static func choices(
        chosen: [EvidenceRef], offered: [EvidenceRef], names: AssessmentEvidenceNames, request: Request
    ) -> [EvidenceChoice] {
        let chosenFiles = Set(chosen.map(AssessmentEvidenceNames.value))
        var seen: Set<String> = []
        let extra = offered.filter {
            let value = AssessmentEvidenceNames.value($0)
            return !chosenFiles.contains(value) && seen.insert(value).inserted
        }
        return (chosen.map { ($0, true) } + extra.map { ($0, false) }).enumerated().map { key, item in
            EvidenceChoice(
                key: "\(key)", ref: AssessmentEvidenceNames.value(item.0), label: names.label(item.0, request: request),
                href: names.href(item.0), pointer: item.0.pointer, checked: item.1)
        }
    }

    /// The files the unit's tasks carry, by the leaf they speak for (none without a plan for the round).
    static func taskEvidence(_ snapshot: AssessmentSnapshot, unitID: Int, on db: any Database) async throws
        -> [String: [EvidenceRef]]
    {
        guard
            let plan = try await Plan.query(on: db).filter(\.$unit.$id == unitID)
                .filter(\.$year == snapshot.round.year).filter(\.$catalog.$id == snapshot.round.catalogID).first(),
            let planID = plan.id
        else { return [:] }
        return try await TaskEvidenceByCriterion.load(planID: planID, on: db).byLeaf(
            snapshot.catalog.assessedLeafCodes)
    }

    /// The sum of the self scores below a parent; nil when none is scored.
    static func selfSum(_ node: CatalogNodeDefinition, _ scores: [String: SelfScore]) -> Points? {
        let found = node.selfAndDescendants.filter(\.isLeaf).compactMap { scores[$0.code]?.score }
        return found.isEmpty ? nil : found.reduce(.zero, +)
    }

    static func userNames(_ ids: [Int], on db: any Database) async throws -> [Int: String] {
        let users = try await User.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.displayName) } })
    }
}
