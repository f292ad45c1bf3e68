/// Reads what stands above a plan's first section: "Số: …/KH-UBND", "Ba Giang, ngày … tháng 02
/// năm 2023", "KẾ HOẠCH" and the title; and the goals in its text (rank "4/19", the class aimed for).
enum PlanHeaderReader {
    static func header(of blocks: [PlanBlock]) throws(PlanImportError) -> PlanHeader {
        var header = PlanHeader()
        let top = blocks.prefix { $0.kind != .roman }.prefix(20)
        var dateYear: Int?
        for (offset, block) in top.enumerated() {
            let folded = block.folded
            if header.number == nil, folded.hasPrefix("so:") || folded.hasPrefix("so :") {
                let value = block.text.drop { $0 != ":" }.dropFirst().trimmedSpaces()
                header.number = value.isEmpty ? nil : value
            } else if header.place == nil, let comma = AlignedText(block.text).find(", ngay") {
                let aligned = AlignedText(block.text)
                header.place = aligned.originalText(0..<comma).trimmedSpaces()
                let (date, year) = try signingDate(aligned.foldedText(comma..<aligned.count), at: block.location)
                header.date = date
                dateYear = year
            } else if header.title == nil, folded.trimmedSpaces() == "ke hoach",
                let next = top.dropFirst(offset + 1).first
            {
                header.title = next.text
            }
        }
        header.year = header.title.flatMap(yearNamed) ?? dateYear
        return header
    }

    /// "ngày 15 tháng 02 năm 2023" → the date when all three are written; the year regardless.
    private static func signingDate(_ folded: String, at location: SourceLocation) throws(PlanImportError)
        -> (LocalDate?, Int?)
    {
        let day = number(after: "ngay", in: folded)
        let month = number(after: "thang", in: folded)
        let year = number(after: "nam", in: folded)
        guard let day, let month, let year else { return (nil, year) }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            throw .impossibleDate(text: "\(day)/\(month)/\(year)", day: day, month: month, year: year, at: location)
        }
        return (date, year)
    }

    /// The number written right after a word ("tháng 02" → 2), nil when left blank.
    private static func number(after word: String, in folded: String) -> Int? {
        let aligned = AlignedText(folded)
        guard let start = aligned.findWord(word) else { return nil }
        let digits = aligned.folded[(start + word.count)...].drop { $0 == " " }.prefix { $0.isASCIIDigit }
        return digits.isEmpty || digits.count > 4 ? nil : Int(String(digits))
    }

    /// The year a title names: "… năm 2023" (the last one written).
    static func yearNamed(_ text: String) -> Int? {
        let words = TextFolding.words(of: text)
        var year: Int?
        for (index, word) in words.enumerated() where word == "nam" && index + 1 < words.count {
            if let value = Int(words[index + 1]), (1900...2200).contains(value) { year = value }
        }
        return year
    }

    // MARK: Goals

    /// The rank to keep or reach ("giữ vững 4/19 xã") and the class aimed for ("đạt mức hoàn thành
    /// tốt nhiệm vụ trở lên" → Tốt), from the first sentences that state them.
    static func goals(of blocks: [PlanBlock], classes: [ClassThreshold]) -> PlanGoals {
        var goals = PlanGoals()
        let classNames = classes.map { (name: $0.name, words: TextFolding.words(of: $0.name)) }
            .sorted { $0.words.count > $1.words.count }
        for block in blocks where block.kind != .table {
            if goals.targetRank == nil, let rank = rank(in: block.folded) {
                goals.targetRank = rank
                goals.location = goals.location ?? block.location
            }
            if goals.targetClass == nil, let name = targetClass(in: block.folded, names: classNames) {
                goals.targetClass = name
                goals.location = goals.location ?? block.location
            }
            if goals.targetRank != nil && goals.targetClass != nil { break }
        }
        return goals
    }

    private static let rankWords = ["thu hang", "xep hang", "giu vung", "vi tri"]

    /// "4/19" in a sentence about ranking; not a date (no third part), not a document number.
    private static func rank(in folded: String) -> RankTarget? {
        guard rankWords.contains(where: folded.contains) else { return nil }
        let characters = Array(folded)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigit, index == 0 || !isNumberPart(characters[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isASCIIDigit { end += 1 }
            guard end < characters.count, characters[end] == "/" else {
                index = end
                continue
            }
            var second = end + 1
            while second < characters.count, characters[second].isASCIIDigit { second += 1 }
            let followedByMore = second < characters.count && isNumberPart(characters[second])
            if second > end + 1, !followedByMore,
                let position = Int(String(characters[index..<end])),
                let of = Int(String(characters[(end + 1)..<second])),
                position >= 1, position <= of, of <= 999
            {
                return RankTarget(position: position, of: of)
            }
            index = second
        }
        return nil
    }

    private static func isNumberPart(_ character: Character) -> Bool {
        character.isASCIIDigit || character == "/" || character == "." || character == "-"
            || (character.isLetter && character.isASCII)
    }

    private static let classWords = ["xep muc", "dat muc", "xep loai", "muc hoan thanh", "dat loai"]

    private static func targetClass(in folded: String, names: [(name: String, words: [String])]) -> String? {
        let aligned = AlignedText(folded)
        for keyword in classWords {
            guard let start = aligned.findWord(keyword) else { continue }
            let after = TextFolding.words(ofFolded: aligned.foldedText(start..<aligned.count)).map(String.init)
            for (name, words) in names where after.containsSequence(words) { return name }
        }
        return nil
    }
}
