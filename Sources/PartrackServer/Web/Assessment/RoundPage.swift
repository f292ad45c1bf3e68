import Fluent
import PartrackDomain
import Vapor

/// "/danh-gia/:round": the round's calendar and its units, with what the reader may do from here:
/// a unit's page, appraising it (council), reopening it (reviewer), the council, progress, results.
enum RoundPage {
    struct UnitRow: Encodable {
        let name: String
        let viewHref: String
        let phase: String
        let phaseLabel: String
        let reopenedUntil: String
        let submitted: String
        let confirmed: String
        let appraiseHref: String?
        let reopenAction: String?
        let reopenID: Int
    }

    struct Context: Encodable {
        let chrome: Chrome
        let title: String
        let catalog: String
        let phaseLabel: String
        let trial: String
        let official: String
        let closesAt: String
        let step: String
        let tieRule: String
        let councilHref: String?
        let progressHref: String?
        let resultsHref: String?
        let units: [UnitRow]
        let today: String
    }

    /// What the reader is in this round.
    struct Reader {
        let user: ActingUser
        let reviews: Bool
        let seated: Bool
        let appraises: Bool

        init(_ user: ActingUser, _ snapshot: AssessmentSnapshot) {
            self.user = user
            reviews = AssessmentPolicy.mayManage(user, .setCouncil, unitIDs: snapshot.unitIDs).isAllowed
            seated =
                snapshot.council.isMember(user.userID) || snapshot.council.secretaryUserIDs.contains(user.userID)
            appraises = snapshot.council.assignments.values.contains(user.userID)
        }

        /// The units the reader may open: all of them for the reviewer and the council, else their own.
        func units(of snapshot: AssessmentSnapshot) -> [UnitAssessment] {
            reviews || seated ? snapshot.units : snapshot.units.filter { $0.unitID == user.unitID }
        }
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let reader = Reader(try request.currentUser.acting, snapshot)
        let visible = reader.units(of: snapshot)
        guard !visible.isEmpty else {
            throw PartrackError(
                status: .forbidden, code: "assess.round_not_yours", message: Message("assess.round_not_yours"))
        }
        let now = request.partrack.now()
        let clock = request.partrack.clock
        let round = snapshot.round
        let phase = round.phase(at: now, clock: clock)
        let leaves = snapshot.catalog.assessedLeafCodes.count
        let mayReopen =
            !round.isPublished
            && AssessmentPolicy.mayManage(reader.user, .reopenUnit, unitIDs: snapshot.unitIDs).isAllowed
        let units = visible.map { unit in
            let unitPhase = round.phase(of: unit.state, at: now, clock: clock)
            let closedOrSent = unit.state.submission != nil || unitPhase == .closed || unitPhase == .reopened
            return UnitRow(
                name: unit.name, viewHref: Pages.assessmentUnit.link(snapshot.id, unit.unitID),
                phase: unitPhase.rawValue, phaseLabel: request.localized(unitPhase.nameKey),
                reopenedUntil: unit.state.reopenedUntil?.formatted ?? "",
                submitted: unit.state.submission.map { clock.formatDateTime($0.submittedAt) } ?? "—",
                confirmed: "\(unit.selfScores.values.filter { $0.source == .owner }.count)/\(leaves)",
                appraiseHref: reader.appraises && unit.unitID != reader.user.unitID
                    ? Pages.assessmentAppraise.link(snapshot.id, unit.unitID) : nil,
                reopenAction: mayReopen && closedOrSent ? Pages.assessmentReopen.link(snapshot.id, unit.unitID) : nil,
                reopenID: unit.unitID)
        }
        let mayFollow = AssessmentPolicy.mayFollowProgress(
            reader.user, unitIDs: snapshot.unitIDs, council: snapshot.council
        ).isAllowed
        let mayResults = round.isPublished || reader.reviews || reader.seated
        return try await request.view.render(
            "assessment-round",
            Context(
                chrome: Chrome(request), title: snapshot.record.title, catalog: snapshot.catalogName,
                phaseLabel: request.localized(phase.nameKey), trial: AssessmentWeb.trial(round),
                official: AssessmentWeb.official(round), closesAt: AssessmentWeb.closesAt(round),
                step: round.scoreStep.vietnamese, tieRule: request.localized(round.tieRule.nameKey),
                councilHref: reader.reviews || reader.seated ? Pages.assessmentCouncil.link(snapshot.id) : nil,
                progressHref: mayFollow ? Pages.assessmentProgress.link(snapshot.id) : nil,
                resultsHref: mayResults ? Pages.assessmentResults.link(snapshot.id) : nil, units: units,
                today: clock.day(of: now).formatted))
    }

    struct ReopenForm: Content {
        let until: String?
        let reason: String?
    }

    /// The reviewer lets a unit change its self-assessment again until a day (logged with the reason).
    @Sendable static func reopen(_ request: Request) async throws -> Response {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let unitID = try AssessmentWeb.unitID(request)
        let form = try request.content.decode(ReopenForm.self)
        return try await AssessmentWeb.outcome(back: Pages.assessmentRound.link(snapshot.id), request: request) {
            let until = try AssessmentWeb.day(form.until)
            try await RoundActions.reopen(
                snapshot, unitID: unitID, until: until, reason: form.reason ?? "", by: request)
            return Message("assess.reopened", ["unit": try snapshot.unit(unitID).name, "until": until.formatted])
        }
    }
}
