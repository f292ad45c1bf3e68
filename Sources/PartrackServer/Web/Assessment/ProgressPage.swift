import Fluent
import PartrackDomain
import Vapor

/// "/danh-gia/:round/tien-do": how far the council has got, by member, by area and by unit, for its
/// secretary and the reviewer.
enum ProgressPage {
    struct Line: Encodable {
        let label: String
        let detail: String
        let appraised: Int
        let total: Int
        let percent: String
        let changed: Int
        let openRequests: Int
        let complete: Bool

        init(_ label: String, _ detail: String, _ count: AppraisalProgress.Count) {
            self.label = label
            self.detail = detail
            appraised = count.appraised
            total = count.total
            percent = Points(hundredths: count.percentHundredths).vietnamese + "\u{00A0}%"
            changed = count.changed
            openRequests = count.openRequests
            complete = count.isComplete
        }
    }

    struct Context: Encodable {
        let chrome: Chrome
        let roundHref: String
        let roundTitle: String
        let overall: Line
        let members: [Line]
        let areas: [Line]
        let units: [Line]
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let snapshot = try await AssessmentWeb.snapshot(request)
        try await AssessmentPolicy.mayFollowProgress(
            try request.currentUser.acting, unitIDs: snapshot.unitIDs, council: snapshot.council
        ).orRefuse(
            "assessment.progress.view", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
            request: request)
        let progress = AppraisalProgress.of(
            round: snapshot.round, catalog: snapshot.catalog, council: snapshot.council, units: snapshot.units,
            at: request.partrack.now(), clock: request.partrack.clock)
        return try await request.view.render(
            "assessment-progress",
            Context(
                chrome: Chrome(request), roundHref: Pages.assessmentRound.link(snapshot.id),
                roundTitle: snapshot.record.title, overall: Line("", "", progress.overall),
                members: progress.members.map {
                    Line(
                        $0.member.office.isEmpty ? $0.member.name : "\($0.member.name) (\($0.member.office))",
                        $0.codes.joined(separator: ", "), $0.count)
                },
                areas: progress.areas.map { Line("\($0.code) \($0.title)", $0.appraiser?.name ?? "", $0.count) },
                units: progress.units.map { row in
                    let state =
                        row.submitted
                        ? "assess.progress_submitted" : row.frozen ? "assess.progress_closed" : "assess.progress_open"
                    return Line(row.name, request.localized(state), row.count)
                }))
    }
}
