import Fluent
import PartrackDomain
import Vapor

/// "/danh-gia/:round/hoi-dong": the reviewer sets up the appraisal council — who sits on it for which
/// office, its secretary, and who appraises each area (or a criterion inside one). The council reads it.
enum CouncilPage {
    struct Person: Encodable {
        let key: Int
        let name: String
        let member: Bool
        let office: String
        let secretary: Bool
    }

    struct Assignment: Encodable {
        let key: Int
        let code: String
        let title: String
        let depth: Int
        let options: [FormOption]
        /// The member assigned on this very code ("" when it follows the level above).
        let assigned: String
    }

    struct Context: Encodable {
        let chrome: Chrome
        let details: [String]
        let warnings: [String]
        let roundHref: String
        let roundTitle: String
        let action: String
        let people: [Person]
        let assignments: [Assignment]
        let editable: Bool
    }

    @Sendable static func show(_ request: Request) async throws -> View {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let user = try request.currentUser.acting
        let reader = RoundPage.Reader(user, snapshot)
        if !reader.seated {
            try await AssessmentPolicy.mayManage(user, .setCouncil, unitIDs: snapshot.unitIDs).orRefuse(
                "assessment.council.view", entity: "assessment_round", entityID: snapshot.id, unitID: nil,
                request: request)
        }
        let council = snapshot.council
        let candidates = try await candidates(snapshot, on: request.db)
        let people = candidates.compactMap { candidate -> Person? in
            guard let id = candidate.id else { return nil }
            let seat = council.member(id)
            return Person(
                key: id, name: candidate.displayName, member: seat != nil, office: seat?.office ?? "",
                secretary: council.secretaryUserIDs.contains(id))
        }
        let survey = Set(snapshot.catalog.surveyLeafCodes)
        let nodes = snapshot.catalog.allNodes.filter {
            $0.depth <= 2 && !$0.selfAndDescendants.filter(\.isLeaf).allSatisfy { survey.contains($0.code) }
        }
        let assignments = nodes.enumerated().map { key, node in
            let selected = council.assignments[node.code]
            return Assignment(
                key: key, code: node.code, title: node.title, depth: node.depth,
                options: [
                    FormOption(value: "", label: request.localized("assess.council_inherit"), selected: selected == nil)
                ]
                    + people.map { FormOption(value: "\($0.key)", label: $0.name, selected: selected == $0.key) },
                assigned: people.first { $0.key == selected }?.name ?? "")
        }
        return try await request.view.render(
            "assessment-council",
            Context(
                chrome: Chrome(request), details: AssessmentWeb.details(request),
                warnings: council.members.isEmpty
                    ? [] : council.problems(for: snapshot.catalog).map { request.localized($0) },
                roundHref: Pages.assessmentRound.link(snapshot.id), roundTitle: snapshot.record.title,
                action: Pages.assessmentCouncil.link(snapshot.id), people: people, assignments: assignments,
                editable: reader.reviews && !snapshot.round.isPublished))
    }

    struct MemberField: Content {
        let member: String?
        let office: String?
        let secretary: String?
    }

    struct AssignmentField: Content {
        let code: String
        let user: String?
    }

    struct Form: Content {
        let m: [String: MemberField]?
        let a: [String: AssignmentField]?
    }

    @Sendable static func save(_ request: Request) async throws -> Response {
        let snapshot = try await AssessmentWeb.snapshot(request)
        let form = try request.content.decode(Form.self)
        return try await AssessmentWeb.outcome(back: Pages.assessmentCouncil.link(snapshot.id), request: request) {
            let seats = (form.m ?? [:]).compactMap { key, field -> RoundActions.Seat? in
                guard let userID = Int(key), field.member != nil || field.secretary != nil else { return nil }
                return RoundActions.Seat(
                    userID: userID, office: field.office?.nonBlank ?? "", secretary: field.secretary != nil)
            }.sorted { $0.userID < $1.userID }
            var assignments: [String: Int] = [:]
            for field in (form.a ?? [:]).values {
                if let userID = field.user?.nonBlank.flatMap(Int.init) { assignments[field.code] = userID }
            }
            try await RoundActions.setCouncil(snapshot, seats: seats, assignments: assignments, by: request)
            return Message("assess.council_saved")
        }
    }

    /// Who may sit on the council: the people of the offices above the round's units (the district's
    /// offices for its communes), and anyone already on it.
    static func candidates(_ snapshot: AssessmentSnapshot, on db: any Database) async throws -> [User] {
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ Array(snapshot.unitIDs)).all()
        let parents = Set(units.compactMap { $0.$parent.id })
        let members = snapshot.council.members.map(\.userID) + Array(snapshot.council.secretaryUserIDs)
        let users = try await User.query(on: db).group(.or) { group in
            group.filter(\.$unit.$id ~~ Array(parents)).filter(\.$id ~~ members)
        }.all()
        return users.filter { ($0.active && $0.role != .admin) || members.contains($0.id ?? 0) }
            .sorted { $0.displayName.localizedStandardCompare($1.displayName) == .orderedAscending }
    }
}
