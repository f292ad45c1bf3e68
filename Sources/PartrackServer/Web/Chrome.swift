import PartrackDomain
import Vapor

/// What every page shows around its content: language, navigation for the reader's role, the
/// signed-in person, the CSRF token for forms, a one-time notice.
struct Chrome: Encodable {
    struct Link: Encodable {
        let label: String
        let href: String
        let current: Bool
    }

    let language: String
    let otherLanguage: Link
    let csrf: String
    let userName: String?
    let roleName: String?
    let nav: [Link]
    let notice: String?
    let noticeIsError: Bool

    init(_ request: Request) {
        let path = request.url.path
        language = request.language
        let other = request.language == "vi" ? "en" : "vi"
        otherLanguage = Link(
            label: other == "en" ? "English" : "Tiếng Việt",
            href: Pages.language.link() + "?lang=\(other)&next="
                + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"),
            current: false)
        csrf = request.csrfToken
        let user = request.auth.get(CurrentUser.self)
        userName = user?.displayName
        roleName = user.map { request.localized($0.role.nameKey) }
        nav = user.map { Chrome.navigation(for: $0, request: request, path: path) } ?? []
        notice = request.session.data["notice"]
        noticeIsError = request.session.data["notice_error"] == "1"
        request.session.data["notice"] = nil
        request.session.data["notice_error"] = nil
    }

    static func navigation(for user: CurrentUser, request: Request, path: String) -> [Link] {
        var links: [(String, String)] = []
        switch user.role {
        case .officer:
            links = [
                ("nav.my_tasks", Pages.myTasks.link()), ("nav.dashboard", Pages.dashboard.link(user.unitID)),
                ("nav.plans", Pages.plans.link()),
            ]
        case .leader:
            links = [
                ("nav.dashboard", Pages.dashboard.link(user.unitID)), ("nav.plans", Pages.plans.link()),
                ("nav.import", Pages.planImport.link()),
            ]
        case .reviewer:
            links = [("nav.district", Pages.district.link(user.unitID)), ("nav.plans", Pages.plans.link())]
        case .admin:
            links = [
                ("nav.district", Pages.district.link(user.unitID)), ("nav.plans", Pages.plans.link()),
                ("nav.admin", Pages.admin.link()),
            ]
        }
        // Every role takes part in assessment rounds: reviewers open them, units self-assess, officers
        // of the district's offices sit on councils.
        links.insert(("nav.assessment", Pages.assessment.link()), at: min(links.count, 2))
        links.append(("nav.password", Pages.password.link()))
        return links.map { key, href in Link(label: request.localized(key), href: href, current: path == href) }
    }
}

extension Request {
    /// A notice shown once on the next page (after a redirect).
    func notice(_ message: Message, error: Bool = false) {
        session.data["notice"] = localized(message)
        session.data["notice_error"] = error ? "1" : nil
    }

    /// Back to where a form came from, or to `fallback`; only paths of this site are followed.
    func redirectBack(to fallback: String) -> Response {
        let next = (try? query.get(String.self, at: "next")) ?? (try? content.get(String.self, at: "next"))
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//") else { return redirect(to: fallback) }
        return redirect(to: next)
    }
}
