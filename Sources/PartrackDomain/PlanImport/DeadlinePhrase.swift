/// Reads the deadlines plans write: "15/6/2024", "Trước 30/6/2024", "chậm nhất là ngày 19/4/2024",
/// "Quý II", "Quý III/2024", "Tháng 6/2024", "Trong tháng 4, 5 năm 2024", "Năm 2024", and the
/// recurring "Thường xuyên", "Hằng quý". A day that does not exist (31/02/2024) is an error, never
/// a silently shifted date.
struct DeadlineReading: Sendable, Equatable {
    var due: LocalDate?
    var recurrence: Recurrence?
}

enum DeadlinePhrase {
    /// Reads a whole deadline cell or field value. Nil when it names no time at all.
    static func read(_ text: String, defaultYear: Int, at location: SourceLocation) throws(PlanImportError)
        -> DeadlineReading?
    {
        let folded = Array(TextFolding.fold(text))
        let recurrence = recurrence(in: String(folded))
        let due = try dueDate(in: folded, original: text, defaultYear: defaultYear, at: location)
        guard due != nil || recurrence != nil else { return nil }
        return DeadlineReading(due: due, recurrence: recurrence)
    }

    /// Words that put a deadline inside running text ("… chậm nhất là ngày 15/3/2023").
    static let triggers = [
        "cham nhat", "truoc ngay", "den het ngay", "den ngay", "han chot", "thoi han", "hoan thanh truoc",
    ]

    /// A deadline inside a sentence (see below); `folded` is `TextFolding.fold(text)` when at hand.
    /// Most sentences have no trigger word, and are settled without aligning the text.
    static func find(in text: String, folded: String? = nil, defaultYear: Int, at location: SourceLocation)
        throws(PlanImportError) -> (reading: DeadlineReading, phrase: String)?
    {
        let folded = folded ?? TextFolding.fold(text)
        guard triggers.contains(where: { folded.contains($0) }) else { return nil }
        return try find(in: AlignedText(text, folded: folded), defaultYear: defaultYear, at: location)
    }

    /// A deadline inside a sentence, found after one of `triggers`, with the phrase as written.
    /// Dates merely mentioned ("Kế hoạch số 140/KH-UBND ngày 14/10/2021") are not deadlines.
    static func find(in text: AlignedText, defaultYear: Int, at location: SourceLocation) throws(PlanImportError)
        -> (reading: DeadlineReading, phrase: String)?
    {
        var best: (start: Int, end: Int, due: LocalDate)?
        for trigger in triggers {
            var from = 0
            while let start = text.findWord(trigger, from: from) {
                from = start + trigger.count
                let end = phraseEnd(in: text.folded, from: from)
                let window = Array(text.folded[start..<end])
                let original = text.originalText(start..<end)
                guard let due = try dueDate(in: window, original: original, defaultYear: defaultYear, at: location)
                else { continue }
                if best == nil || due > best!.due { best = (start, end, due) }
            }
        }
        guard let best else { return nil }
        let phrase = text.originalText(best.start..<best.end)
            .trimmingCharacters(in: [" ", ".", ",", ";", "*", "_"])
        return (DeadlineReading(due: best.due, recurrence: nil), phrase)
    }

    /// A deadline phrase runs to the end of its clause, and never far.
    private static func phraseEnd(in folded: [Character], from start: Int) -> Int {
        var index = start
        let limit = min(folded.count, start + 48)
        while index < limit {
            let character = folded[index]
            if character == ";" || character == ")" || character == "(" { break }
            if character == ".", index + 1 >= folded.count || folded[index + 1] == " " { break }
            index += 1
        }
        return index
    }

    // MARK: Recurrence

    private static let recurrenceWords: [(phrase: String, kind: Recurrence.Kind)] = [
        ("thuong xuyen", .everyReportPeriod), ("lien tuc", .everyReportPeriod),
        ("hang quy", .quarterly), ("moi quy", .quarterly), ("dinh ky quy", .quarterly),
        ("hang thang", .monthly), ("moi thang", .monthly),
        ("hang nam", .yearly), ("moi nam", .yearly),
    ]

    static func recurrence(in folded: String) -> Recurrence? {
        for (phrase, kind) in recurrenceWords where folded.contains(phrase) {
            return Recurrence(kind: kind)
        }
        return nil
    }

    // MARK: Due dates

    /// The deadline a phrase names: its latest explicit date, else the end of the month, quarter or
    /// year it names.
    static func dueDate(in folded: [Character], original: String, defaultYear: Int, at location: SourceLocation)
        throws(PlanImportError) -> LocalDate?
    {
        let numbers = NumberScan(folded)
        if let date = try numbers.latestDate(defaultYear: defaultYear, at: location) { return date }
        let text = String(folded)
        if let month = numbers.monthEnd(in: text, defaultYear: defaultYear) { return month }
        if let quarter = quarterEnd(in: text, numbers: numbers, defaultYear: defaultYear) { return quarter }
        if text.contains("6 thang dau nam") || text.contains("06 thang dau nam") {
            return LocalDate(year: numbers.year ?? defaultYear, month: 6, day: 30)
        }
        if let year = numbers.yearAfterNam
            ?? (text.contains("cuoi nam") || text.contains("trong nam") ? defaultYear : nil)
        {
            return LocalDate(year: year, month: 12, day: 31)
        }
        return nil
    }

    private static let quarters: [(word: String, quarter: Int)] = [
        ("iv", 4), ("iii", 3), ("ii", 2), ("i", 1), ("4", 4), ("3", 3), ("2", 2), ("1", 1),
    ]

    /// "Quý II", "quý III/2024", "Quý 4 năm 2024": the last day of the quarter.
    private static func quarterEnd(in text: String, numbers: NumberScan, defaultYear: Int) -> LocalDate? {
        let aligned = AlignedText(text)
        var from = 0
        var found: (quarter: Int, after: Int)?
        while let start = aligned.findWord("quy", from: from) {
            from = start + 3
            let rest = aligned.foldedText(from..<aligned.count).drop { $0 == " " }
            for (word, quarter) in quarters where rest.hasPrefix(word) {
                let next = rest.dropFirst(word.count).first
                if next == nil || !next!.isFoldedWordCharacter {
                    found = (quarter, from)
                    break
                }
            }
        }
        guard let found else { return nil }
        let year = numbers.year ?? defaultYear
        let month = found.quarter * 3
        return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))
    }
}

/// The numbers of a folded phrase and what they form: d/m/yyyy dates, d/m dates, "tháng m/yyyy",
/// a four-digit year.
struct NumberScan {
    struct Number {
        let value: Int
        let digits: Int
        let start: Int
        let end: Int
    }

    let folded: [Character]
    let numbers: [Number]

    init(_ folded: [Character]) {
        self.folded = folded
        var numbers: [Number] = []
        var index = 0
        while index < folded.count {
            guard folded[index].isASCIIDigit else {
                index += 1
                continue
            }
            let start = index
            var value = 0
            while index < folded.count, folded[index].isASCIIDigit {
                if index - start < 9 { value = value * 10 + Int(folded[index].asciiValue! - 48) }
                index += 1
            }
            numbers.append(Number(value: value, digits: index - start, start: start, end: index))
        }
        self.numbers = numbers
    }

    private func isDateSeparator(at index: Int) -> Bool {
        index < folded.count && (folded[index] == "/" || folded[index] == "-" || folded[index] == ".")
    }

    /// The latest date of the phrase.
    func latestDate(defaultYear: Int, at location: SourceLocation) throws(PlanImportError) -> LocalDate? {
        try dates(defaultYear: defaultYear, at: location).map(\.date).max()
    }

    /// Every d/m/yyyy (and d/m after "ngày"/"trước", in `defaultYear`) with where it stands.
    /// A written day that does not exist is an error.
    func dates(defaultYear: Int, at location: SourceLocation) throws(PlanImportError)
        -> [(date: LocalDate, start: Int, end: Int)]
    {
        var found: [(date: LocalDate, start: Int, end: Int)] = []
        var index = 0
        while index < numbers.count {
            let day = numbers[index]
            guard day.digits <= 2, index + 1 < numbers.count, isDateSeparator(at: day.end),
                numbers[index + 1].start == day.end + 1, numbers[index + 1].digits <= 2
            else {
                index += 1
                continue
            }
            let month = numbers[index + 1]
            var year = defaultYear
            var end = month.end
            var consumed = 2
            if index + 2 < numbers.count, isDateSeparator(at: month.end), numbers[index + 2].start == month.end + 1 {
                let yearNumber = numbers[index + 2]
                guard yearNumber.digits == 4 else {
                    index += 3
                    continue
                }
                year = yearNumber.value
                end = yearNumber.end
                consumed = 3
            } else if !isPartialDateContext(before: day.start) {
                index += 2
                continue
            }
            guard (1...31).contains(day.value), (1...12).contains(month.value) else {
                // "4/19" (a rank) or a document number: only a written date with plausible parts is a date.
                if consumed == 3 {
                    throw .impossibleDate(
                        text: String(folded[day.start..<end]), day: day.value, month: month.value, year: year,
                        at: location)
                }
                index += consumed
                continue
            }
            guard let date = LocalDate(year: year, month: month.value, day: day.value) else {
                throw .impossibleDate(
                    text: String(folded[day.start..<end]), day: day.value, month: month.value, year: year, at: location)
            }
            found.append((date, day.start, end))
            index += consumed
        }
        return found
    }

    /// "ngày 15/3", "trước 30/6": a day and month with the year left to the plan.
    private func isPartialDateContext(before index: Int) -> Bool {
        let prefix = String(folded[max(0, index - 8)..<index])
        return prefix.hasSuffix("ngay ") || prefix.hasSuffix("truoc ")
    }

    /// A four-digit year anywhere in the phrase (the last one).
    var year: Int? {
        numbers.last { $0.digits == 4 && (1900...2200).contains($0.value) }?.value
    }

    /// "năm 2024": a year named as such.
    var yearAfterNam: Int? {
        for number in numbers.reversed() where number.digits == 4 && (1900...2200).contains(number.value) {
            let prefix = String(folded[max(0, number.start - 4)..<number.start])
            if prefix == "nam " { return number.value }
        }
        return nil
    }

    /// "tháng 6/2024", "tháng 12 năm 2023", "trong tháng 4, 5 năm 2024" (the last month listed):
    /// the last day of that month.
    func monthEnd(in text: String, defaultYear: Int) -> LocalDate? {
        let aligned = AlignedText(text)
        guard let start = aligned.findWord("thang") else { return nil }
        // A number before "tháng" is a duration ("6 tháng"), after it a month.
        let after = numbers.filter { $0.start > start }
        var month: Int?
        for number in after {
            if number.digits == 4 { break }
            guard number.digits <= 2, (1...12).contains(number.value) else { break }
            month = number.value
        }
        guard let month else { return nil }
        let year = after.first { $0.digits == 4 }?.value ?? defaultYear
        guard (1...9999).contains(year) else { return nil }
        return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))
    }
}
