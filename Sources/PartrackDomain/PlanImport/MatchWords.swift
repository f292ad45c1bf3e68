import Foundation

/// The words two texts are compared by when matching "by meaning": folded, with the
/// abbreviations plans use spelled out (TTHC → thủ tục hành chính), without the small words that
/// every sentence has and without numbers.
enum MatchWords {
    /// Abbreviations of Vietnamese public administration, folded, with their folded expansions.
    /// Kept to ones whose meaning does not depend on context.
    static let abbreviations: [String: [String]] = [
        "tthc": ["thu", "tuc", "hanh", "chinh"],
        "cchc": ["cai", "cach", "hanh", "chinh"],
        "qppl": ["quy", "pham", "phap", "luat"],
        "vbqppl": ["van", "ban", "quy", "pham", "phap", "luat"],
        "cqdt": ["chinh", "quyen", "dien", "tu"],
        "cqs": ["chinh", "quyen", "so"],
        "cntt": ["cong", "nghe", "thong", "tin"],
        // Nearly every sentence of a commune plan names the People's Committee ("Tham mưu UBND xã …"):
        // it says nothing about which criterion a task serves.
        "ubnd": [],
        "hdnd": [],
        "dvc": ["dich", "vu", "cong"],
        "dvctt": ["dich", "vu", "cong", "truc", "tuyen"],
        "bpmc": ["bo", "phan", "mot", "cua"],
        "cbcc": ["can", "bo", "cong", "chuc"],
        "cbccvc": ["can", "bo", "cong", "chuc", "vien", "chuc"],
        "nsnn": ["ngan", "sach", "nha", "nuoc"],
        "qlnn": ["quan", "ly", "nha", "nuoc"],
        "ttdt": ["thong", "tin", "dien", "tu"],
        "mttq": ["mat", "tran", "to", "quoc"],
        "ktxh": ["kinh", "te", "xa", "hoi"],
    ]

    /// Words that carry no meaning of their own in a plan's sentences.
    static let stopWords: Set<String> = [
        "va", "cua", "cac", "cho", "trong", "theo", "de", "voi", "tai", "ve", "la", "co", "duoc", "nhung",
        "nay", "do", "da", "se", "den", "tren", "duoi", "hoac", "nhu", "khi", "thi", "ma", "moi",
        "doi", "viec", "nham", "bao", "dam", "cung", "nhat", "hon", "rat", "ra", "vao",
    ]

    /// Matching words of a text: folded, abbreviations expanded, stop words and numbers dropped.
    static func of(_ text: some StringProtocol) -> [String] {
        of(folded: TextFolding.fold(text))
    }

    static func of(folded: String) -> [String] {
        let words = TextFolding.words(ofFolded: folded)
        var result: [String] = []
        result.reserveCapacity(words.count + 8)
        var index = 0
        while index < words.count {
            let word = String(words[index])
            index += 1
            if word == "bao", index < words.count, words[index] == "cao" {
                // "báo cáo" (report) is one notion; "bảo" alone is "ensure" (bảo đảm), a stop word.
                result.append("baocao")
                index += 1
            } else if let expansion = abbreviations[word] {
                result.append(contentsOf: expansion)
            } else if word.first!.isNumber {
                continue
            } else if word == "so" {
                // "số" is mostly "number" (Kế hoạch số 140) or "index" (chỉ số); it means "digital"
                // in "chính quyền số" and "số hóa", where it matters for area 7.
                let previous = index > 1 ? words[index - 2] : ""
                let next = index < words.count ? words[index] : ""
                if previous == "quyen" || next == "hoa" { result.append("so") }
            } else if !stopWords.contains(word) {
                result.append(word)
            }
        }
        return result
    }
}

/// Rarity weights of words over a small collection (the catalog's areas, or its criteria):
/// a word every title has ("cải cách") says little; a word one title has ("thể chế") says a lot.
struct WordWeights: Sendable {
    private let inverseFrequency: [String: Double]
    private let unseenWeight: Double

    init(documents: [Set<String>]) {
        var frequency: [String: Int] = [:]
        for document in documents {
            for word in document { frequency[word, default: 0] += 1 }
        }
        let count = Double(max(documents.count, 1))
        var weights: [String: Double] = [:]
        for (word, seen) in frequency {
            weights[word] = log(1 + count / Double(seen))
        }
        inverseFrequency = weights
        unseenWeight = log(1 + count)
    }

    func weight(_ word: String) -> Double { inverseFrequency[word] ?? unseenWeight }

    func total(_ words: Set<String>) -> Double { words.reduce(0) { $0 + weight($1) } }

    /// How much of `reference` (weighted) `text` shares: 1 when every word of the reference occurs.
    func coverage(of reference: Set<String>, by text: Set<String>) -> Double {
        let whole = total(reference)
        guard whole > 0 else { return 0 }
        return total(reference.intersection(text)) / whole
    }

    /// Symmetric likeness of two word sets: the geometric mean of both coverages.
    func likeness(_ first: Set<String>, _ second: Set<String>) -> Double {
        (coverage(of: first, by: second) * coverage(of: second, by: first)).squareRoot()
    }
}
