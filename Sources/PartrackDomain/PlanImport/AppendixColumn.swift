/// The columns of a plan appendix (the shape seed 004 refers to), recognised by their headings with
/// or without diacritics: "Nhiệm vụ / Giải pháp", "Sản phẩm", "Thời gian hoàn thành" or "Tiến độ",
/// "Cơ quan chủ trì", "Cơ quan phối hợp".
enum AppendixColumn: String, CaseIterable, Sendable {
    case number
    case task
    case output
    case due
    case lead
    case cooperating
    case area
    case criteria
    case notes

    /// The columns without which a row is not a task someone is accountable for.
    static let required: [AppendixColumn] = [.task, .lead]

    /// The heading to ask for in messages, as plans usually write it.
    var usualHeading: String {
        switch self {
        case .number: return "STT"
        case .task: return "Nhiệm vụ / Giải pháp"
        case .output: return "Sản phẩm"
        case .due: return "Thời gian hoàn thành"
        case .lead: return "Cơ quan chủ trì"
        case .cooperating: return "Cơ quan phối hợp"
        case .area: return "Lĩnh vực"
        case .criteria: return "Tiêu chí"
        case .notes: return "Ghi chú"
        }
    }

    /// The column a heading names. Order matters: "Cơ quan phối hợp" is checked before "chủ trì",
    /// "Thời gian hoàn thành" before the task words.
    static func named(_ heading: String) -> AppendixColumn? {
        let words = TextFolding.words(of: heading)
        guard !words.isEmpty, words.count <= 12 else { return nil }
        let text = words.joined(separator: " ")
        if ["stt", "tt", "so tt", "so thu tu"].contains(text) { return .number }
        if text.contains("phoi hop") { return .cooperating }
        if text.contains("chu tri") || text.contains("don vi thuc hien") || text.contains("trach nhiem thuc hien")
            || text.contains("nguoi thuc hien") || text.contains("vi tri viec lam") || text.contains("phan cong")
        {
            return .lead
        }
        if text.contains("san pham") || text.contains("ket qua dau ra") { return .output }
        if text.contains("thoi gian") || text.contains("tien do") || text.contains("thoi han")
            || text.contains("han hoan thanh")
        {
            return .due
        }
        if text.contains("linh vuc") { return .area }
        if text.contains("tieu chi") || text == "chi so" { return .criteria }
        if text.contains("nhiem vu") || text.contains("giai phap") || text.contains("noi dung")
            || text.contains("cong viec") || text.contains("hoat dong")
        {
            return .task
        }
        if text.contains("ghi chu") { return .notes }
        return nil
    }
}
