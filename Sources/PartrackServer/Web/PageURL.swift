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

    // Assessment (issue 8): rounds, a unit's self-assessment, the council, appraisal, results
    static let assessment: PageURL = "danh-gia"
    static let assessmentRound: PageURL = "danh-gia/:roundID"
    static let assessmentReopen: PageURL = "danh-gia/:roundID/mo-lai/:unitID"
    static let assessmentUnit: PageURL = "danh-gia/:roundID/don-vi/:unitID"
    static let assessmentUnitPrint: PageURL = "danh-gia/:roundID/don-vi/:unitID/in"
    static let assessmentUnitCSV: PageURL = "danh-gia/:roundID/don-vi/:unitID/tu-danh-gia.csv"
    static let assessmentOwners: PageURL = "danh-gia/:roundID/don-vi/:unitID/phan-cong"
    static let assessmentPrefill: PageURL = "danh-gia/:roundID/don-vi/:unitID/ban-nhap"
    static let assessmentConfirm: PageURL = "danh-gia/:roundID/don-vi/:unitID/xac-nhan"
    static let assessmentScore: PageURL = "danh-gia/:roundID/don-vi/:unitID/tieu-chi/:code"
    static let assessmentUpload: PageURL = "danh-gia/:roundID/don-vi/:unitID/tai-lieu"
    static let assessmentFile: PageURL = "danh-gia/:roundID/don-vi/:unitID/tai-lieu/:evidenceID"
    static let assessmentSubmit: PageURL = "danh-gia/:roundID/don-vi/:unitID/gui-tham-dinh"
    static let assessmentAnswer: PageURL = "danh-gia/:roundID/yeu-cau/:requestID/tra-loi"
    static let assessmentCouncil: PageURL = "danh-gia/:roundID/hoi-dong"
    static let assessmentAppraise: PageURL = "danh-gia/:roundID/tham-dinh/:unitID"
    static let assessmentAppraiseCode: PageURL = "danh-gia/:roundID/tham-dinh/:unitID/tieu-chi/:code"
    static let assessmentAcceptRemaining: PageURL = "danh-gia/:roundID/tham-dinh/:unitID/chap-nhan"
    static let assessmentAsk: PageURL = "danh-gia/:roundID/tham-dinh/:unitID/yeu-cau"
    static let assessmentProgress: PageURL = "danh-gia/:roundID/tien-do"
    static let assessmentResults: PageURL = "danh-gia/:roundID/ket-qua"
    static let assessmentResultsCSV: PageURL = "danh-gia/:roundID/ket-qua.csv"
    static let assessmentResultsPrint: PageURL = "danh-gia/:roundID/ket-qua/in"
    static let assessmentPublish: PageURL = "danh-gia/:roundID/cong-bo"
    static let assessmentSurvey: PageURL = "danh-gia/:roundID/dieu-tra/:unitID"
    static let assessmentSurveyImport: PageURL = "danh-gia/:roundID/dieu-tra"
}
