import Vapor

/// A page's URL, written once: the route pattern registers it, `link(…)` builds links to it.
/// Parameters are `:name` segments, filled in order.
struct PageURL: Sendable, ExpressibleByStringLiteral {
    let pattern: String

    init(stringLiteral pattern: String) { self.pattern = pattern }

    /// For `app.get(url.route, use: …)`.
    var route: [PathComponent] { pattern.pathComponents }

    /// The path with each `:parameter` replaced by the next value.
    func link(_ values: any CustomStringConvertible...) -> String {
        var remaining = values.makeIterator()
        return "/"
            + pattern.split(separator: "/").map { segment in
                segment.hasPrefix(":") ? (remaining.next()?.description ?? String(segment)) : String(segment)
            }.joined(separator: "/")
    }
}

/// Every page of the site. Vietnamese slugs, without diacritics, as people would type them.
enum Pages {
    static let home: PageURL = "/"
    static let signIn: PageURL = "dang-nhap"
    static let signOut: PageURL = "dang-xuat"
    static let password: PageURL = "mat-khau"
    static let language: PageURL = "ngon-ngu"

    // Officer
    static let myTasks: PageURL = "viec-cua-toi"
    static let task: PageURL = "nhiem-vu/:taskID"
    static let taskUpdate: PageURL = "nhiem-vu/:taskID/cap-nhat"
    static let taskEvidence: PageURL = "nhiem-vu/:taskID/tai-lieu"
    static let taskDirect: PageURL = "nhiem-vu/:taskID/chi-dao"
    static let taskAskExplanation: PageURL = "nhiem-vu/:taskID/yeu-cau-giai-trinh"
    static let explanationAnswer: PageURL = "giai-trinh/:requestID/tra-loi"
    static let explanationClose: PageURL = "giai-trinh/:requestID/dong"
    static let evidenceFile: PageURL = "tai-lieu/:evidenceID"
    static let positionReport: PageURL = "ky-bao-cao/:periodID/vi-tri/:positionID"

    // Chairperson
    static let dashboard: PageURL = "xa/:unitID"
    static let unitReport: PageURL = "ky-bao-cao/:periodID/don-vi"
    static let unitReportPrint: PageURL = "ky-bao-cao/:periodID/in"

    // Reviewer
    static let district: PageURL = "giam-sat/:unitID"
    static let districtPrint: PageURL = "giam-sat/:unitID/in"
    static let districtLock: PageURL = "giam-sat/:unitID/khoa"
    static let districtCompliance: PageURL = "giam-sat/:unitID/tuan-thu.csv"
    static let districtProjection: PageURL = "giam-sat/:unitID/du-bao.csv"

    // Plans
    static let plans: PageURL = "ke-hoach"
    static let plan: PageURL = "ke-hoach/:planID"
    static let planImport: PageURL = "ke-hoach/nhap"
    static let planImportPreview: PageURL = "ke-hoach/nhap/:importID"
    static let planTaskNew: PageURL = "ke-hoach/:planID/nhiem-vu-moi"

    // Admin
    static let admin: PageURL = "quan-tri"
    static let adminUsers: PageURL = "quan-tri/nguoi-dung"
    static let adminUser: PageURL = "quan-tri/nguoi-dung/:userID"
    static let adminUnits: PageURL = "quan-tri/don-vi"
    static let adminPositions: PageURL = "quan-tri/vi-tri"
    static let adminCatalogs: PageURL = "quan-tri/bo-chi-so"
    static let adminCatalog: PageURL = "quan-tri/bo-chi-so/:catalogID"
    static let baselines: PageURL = "diem-nam-truoc"
}
