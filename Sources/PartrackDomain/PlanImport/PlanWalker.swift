/// Walks a plan's blocks top to bottom, keeping track of the section, the area and the positions
/// in force, and collects what becomes tasks:
/// - bullets under a position line ("* Công chức Văn phòng – Thống kê:") within an area heading;
/// - bullets under a general heading ("1.2. Nhiệm vụ và giải pháp chung"), for the leader to assign;
/// - duties listed per addressee under "TỔ CHỨC THỰC HIỆN";
/// - items of any kind that carry a time mark ("chậm nhất ngày 19/4/2024", "Thời gian: Tháng 12/2023");
/// - rows of a Markdown appendix table.
struct PlanWalker {
    enum Section: Equatable {
        case preamble
        case content
        /// "TỔ CHỨC THỰC HIỆN": who does what to carry the plan out.
        case implementation
    }

    /// An addressee of the implementation section and what is written under it.
    struct Addressee {
        var block: PlanBlock
        var resolution: PositionMatcher.Resolution
        var items: [PlanBlock] = []
        var paragraphs: [PlanBlock] = []
    }

    private struct AreaInForce {
        var code: String?
        var depth: Int
        var heading: PlanBlock
        var warned = false
    }

    private struct PositionsInForce {
        var resolution: PositionMatcher.Resolution
        var line: PlanBlock
        var lastTask: Int?
    }

    let builder: DraftTaskBuilder
    let context: PlanImportContext
    let scheduleLine: Int?

    private(set) var positionTasks: [DraftTask] = []
    private(set) var generalTasks: [DraftTask] = []
    private(set) var datedItems: [DraftTask] = []
    private(set) var tableTasks: [DraftTask] = []
    private(set) var addressees: [Addressee] = []
    private(set) var diagnostics: [ImportDiagnostic] = []
    /// Where each unknown position name was written (keyed by `DraftAssembly.nameKey`).
    private(set) var positionsNamedAt: [String: SourceLocation] = [:]

    private var section = Section.preamble
    private var area: AreaInForce?
    private var positions: PositionsInForce?
    private var inGeneralTasks = false
    private var headings: [(depth: Int, block: PlanBlock)] = []
    /// Dated items made from a heading, by the heading's line, so later fields add to them.
    private var headingItems: [Int: Int] = [:]
    /// Whether the last addressee still takes items (closed by a new section or "Trên đây là …").
    private var addresseeOpen = false

    init(builder: DraftTaskBuilder, context: PlanImportContext, scheduleLine: Int?) {
        self.builder = builder
        self.context = context
        self.scheduleLine = scheduleLine
    }

    mutating func walk(_ blocks: [PlanBlock]) throws(PlanImportError) {
        for block in blocks {
            // The recipients and signature follow "Nơi nhận:"; "Trên đây là Kế hoạch …" closes the body.
            if block.folded.hasPrefix("noi nhan") { break }
            if block.kind == .paragraph, PlanWalker.isClosing(block) {
                leaveContext()
                continue
            }
            switch block.kind {
            case .table:
                try table(block)
            case .roman:
                startSection(block)
            case .numbered(let depth):
                if try field(block, depth: depth) { continue }
                try numbered(block, depth: depth)
            case .bullet, .lettered, .paragraph:
                if try field(block, depth: nil) { continue }
                if let resolution = positionLine(block) {
                    setPositions(resolution, line: block)
                    continue
                }
                try item(block)
            }
        }
    }

    /// The formulas that close a plan's body: "Trên đây là Kế hoạch …", "Trong quá trình thực hiện,
    /// nếu có khó khăn …", "Yêu cầu các cơ quan … nghiêm túc triển khai thực hiện./.".
    static func isClosing(_ block: PlanBlock) -> Bool {
        let folded = block.folded
        return folded.hasPrefix("tren day la") || folded.hasPrefix("trong qua trinh thuc hien")
            || folded.hasSuffix("./.") || folded.hasSuffix("/.")
    }

    // MARK: Sections and headings

    private mutating func startSection(_ block: PlanBlock) {
        leaveContext()
        headings = []
        section = block.folded.contains("to chuc thuc hien") ? .implementation : .content
    }

    private mutating func leaveContext() {
        area = nil
        positions = nil
        inGeneralTasks = false
        if section == .implementation { section = .content }
        addresseeOpen = false
    }

    private mutating func numbered(_ block: PlanBlock, depth: Int) throws(PlanImportError) {
        while let last = headings.last, last.depth >= depth { headings.removeLast() }
        headings.append((depth, block))

        if section == .implementation {
            if depth == 1 {
                positions = nil
                addressees.append(Addressee(block: block, resolution: builder.positions.resolve(block.text)))
                addresseeOpen = true
                return
            }
            if addresseeOpen {
                // "3.2. Khảo sát …:" groups the items below it; "1.1. Chủ trì hướng dẫn …" is an item.
                if !block.endsWithColon { addressees[addressees.count - 1].items.append(block) }
                return
            }
        }

        positions = nil
        if let match = areaHeading(block) {
            area = AreaInForce(code: match?.code, depth: depth, heading: block)
            inGeneralTasks = false
            if let match, match.ambiguous {
                diagnostics.append(
                    ImportDiagnostic(
                        location: block.location, severity: .info,
                        message: block.location.message(
                            "import.info.area_ambiguous", ["heading": block.text, "area": match.code])))
            }
            return
        }
        if let current = area, depth <= current.depth { area = nil }
        inGeneralTasks = isGeneralHeading(block)
        if !inGeneralTasks, let resolution = positionLine(block) {
            setPositions(resolution, line: block)
            return
        }
        try datedItem(block, isHeading: true)
    }

    /// nil: not an area heading. `.some(nil)`: a "lĩnh vực" heading the catalog has no area for.
    private func areaHeading(_ block: PlanBlock) -> CatalogMatcher.AreaMatch?? {
        let aligned = AlignedText(block.text)
        if aligned.findWord("linh vuc") != nil {
            let match = builder.catalog.area(forHeading: block.text)
            // "Cơ quan chủ trì thực hiện các lĩnh vực, nội dung liên quan:" talks of areas without
            // naming one: only a heading that begins by naming an area is an area heading.
            if match == nil, !(block.folded.hasPrefix("chi so") || block.folded.hasPrefix("linh vuc")) { return nil }
            return .some(match)
        }
        guard section == .content, TextFolding.words(ofFolded: block.folded).count <= 14,
            let match = builder.catalog.area(forHeading: block.text), match.likeness >= 0.8
        else { return nil }
        return .some(match)
    }

    /// "Nhiệm vụ và giải pháp chung": tasks for the whole unit.
    private func isGeneralHeading(_ block: PlanBlock) -> Bool {
        guard section != .implementation else { return false }
        let aligned = AlignedText(block.folded)
        return aligned.findWord("nhiem vu") != nil && aligned.findWord("chung") != nil
    }

    // MARK: Positions

    /// A line that names positions and introduces their tasks: "* Công chức Văn phòng – Thống kê:",
    /// "Công chức Văn phòng – Thống kê, Công chức Văn hóa – Xã hội:", "**VP-TK**".
    func positionLine(_ block: PlanBlock) -> PositionMatcher.Resolution? {
        let introduces = block.endsWithColon || block.emphasized
        guard introduces, TextFolding.words(ofFolded: block.folded).count <= 24 else { return nil }
        let resolution = builder.positions.resolve(block.text)
        let named = ["cong chuc ", "cac cong chuc ", "can bo "].contains { block.folded.hasPrefix($0) }
        if named { return resolution.isEmpty ? nil : resolution }
        return !resolution.keys.isEmpty && resolution.unmatched.isEmpty ? resolution : nil
    }

    private mutating func setPositions(_ resolution: PositionMatcher.Resolution, line block: PlanBlock) {
        positions = PositionsInForce(resolution: resolution, line: block)
        inGeneralTasks = false
        for name in resolution.unmatched {
            let key = DraftAssembly.nameKey(name)
            if positionsNamedAt[key] == nil { positionsNamedAt[key] = block.location }
        }
    }

    // MARK: Items

    private mutating func item(_ block: PlanBlock) throws(PlanImportError) {
        if let current = positions {
            let leads = current.resolution
            let task = try builder.task(
                text: block.text, folded: block.folded, origin: .positionTask, areaCode: area?.code,
                assignment: .init(leads: leads, needsAssignment: leads.keys.isEmpty), at: block.location)
            positionTasks.append(task)
            positions?.lastTask = positionTasks.count - 1
            if var current = area, current.code == nil, !current.warned {
                current.warned = true
                area = current
                diagnostics.append(
                    ImportDiagnostic(
                        location: current.heading.location, severity: .warning,
                        message: current.heading.location.message(
                            "import.warning.area_not_recognised", ["heading": current.heading.text])))
            }
            return
        }
        if inGeneralTasks, block.kind != .paragraph {
            generalTasks.append(
                try builder.task(
                    text: block.text, folded: block.folded, origin: .generalTask, areaCode: nil,
                    assignment: .init(needsAssignment: true), at: block.location))
            return
        }
        if section == .implementation, addresseeOpen {
            if block.kind == .paragraph {
                addressees[addressees.count - 1].paragraphs.append(block)
            } else {
                addressees[addressees.count - 1].items.append(block)
            }
            return
        }
        try datedItem(block, isHeading: false)
    }

    /// Any item with a time mark in it, kept for documents that are not task lists.
    private mutating func datedItem(_ block: PlanBlock, isHeading: Bool) throws(PlanImportError) {
        guard block.line != scheduleLine,
            try DeadlinePhrase.find(
                in: block.text, folded: block.folded, defaultYear: builder.defaultYear, at: block.location) != nil
        else { return }
        let task = try builder.task(
            text: block.text, folded: block.folded, origin: .datedItem, areaCode: nil,
            assignment: .init(needsAssignment: true),
            at: block.location)
        datedItems.append(task)
        if isHeading { headingItems[block.line] = datedItems.count - 1 }
    }

    // MARK: Fields ("Thời gian: …", "Cơ quan chủ trì: …")

    enum FieldKind { case time, lead, cooperating, output }

    /// A short label before a colon that names a task's attribute.
    static func field(of block: PlanBlock) -> (kind: FieldKind, value: String)? {
        guard let colon = block.text.firstIndex(of: ":") else { return nil }
        let label = TextFolding.fold(block.text[..<colon])
        guard TextFolding.words(ofFolded: label).count <= 7 else { return nil }
        let value = String(block.text[block.text.index(after: colon)...]).trimmedSpaces()
        let kind: FieldKind
        if label.contains("phoi hop") {
            kind = .cooperating
        } else if label.contains("chu tri") {
            kind = .lead
        } else if label.hasPrefix("thoi gian") || label.hasPrefix("thoi han") || label.hasPrefix("tien do") {
            kind = .time
        } else if label.hasPrefix("san pham") {
            kind = .output
        } else {
            return nil
        }
        return (kind, DraftTaskBuilder.trimmedEnd(value))
    }

    /// Attaches a field to the task it describes: the last task of the positions in force, else the
    /// heading above (for a numbered field, the heading one level up). Returns false when not a field.
    private mutating func field(_ block: PlanBlock, depth: Int?) throws(PlanImportError) -> Bool {
        guard let (kind, value) = PlanWalker.field(of: block) else { return false }
        if let index = positions?.lastTask {
            var task = positionTasks[index]
            try apply(kind, value, to: &task, at: block.location)
            positionTasks[index] = task
            return true
        }
        let heading = depth.map { level in headings.last { $0.depth < level } } ?? headings.last
        guard let heading, !value.isEmpty else { return true }
        let index: Int
        if let existing = headingItems[heading.block.line] {
            index = existing
        } else {
            datedItems.append(
                try builder.task(
                    text: heading.block.text, origin: .datedItem, areaCode: nil,
                    assignment: .init(needsAssignment: true), at: heading.block.location))
            index = datedItems.count - 1
            headingItems[heading.block.line] = index
        }
        var task = datedItems[index]
        try apply(kind, value, to: &task, at: block.location)
        task.needsAssignment = task.leadPositionKeys.isEmpty
        datedItems[index] = task
        return true
    }

    private mutating func apply(
        _ kind: FieldKind, _ value: String, to task: inout DraftTask, at location: SourceLocation
    )
        throws(PlanImportError)
    {
        switch kind {
        case .time:
            if let diagnostic = try builder.applyDeadline(value, to: &task, at: location) {
                diagnostics.append(diagnostic)
            }
        case .output:
            task.expectedOutput = value
        case .lead, .cooperating:
            var resolution = builder.positions.resolve(value)
            // A sentence is not a name ("Phòng Nội vụ huyện tham mưu thành lập Tổ công tác …"):
            // keep it with the task's details rather than as an unknown position.
            let sentences = resolution.unmatched.filter { TextFolding.words(of: $0).count > 8 }
            resolution.unmatched.removeAll { TextFolding.words(of: $0).count > 8 }
            if !sentences.isEmpty {
                let note = (kind == .lead ? "Chủ trì: " : "Phối hợp: ") + value
                task.details = task.details.map { $0 + "\n" + note } ?? note
            }
            for name in resolution.unmatched {
                let key = DraftAssembly.nameKey(name)
                if positionsNamedAt[key] == nil { positionsNamedAt[key] = location }
            }
            if kind == .lead {
                task.leadPositionKeys.append(contentsOf: resolution.keys.filter { !task.leadPositionKeys.contains($0) })
            } else {
                task.cooperatingPositionKeys.append(
                    contentsOf: resolution.keys.filter { !task.cooperatingPositionKeys.contains($0) })
            }
            task.unmatchedPositionNames.append(
                contentsOf: resolution.unmatched.filter { !task.unmatchedPositionNames.contains($0) })
        }
    }

    // MARK: Tables

    private mutating func table(_ block: PlanBlock) throws(PlanImportError) {
        let table = PlanTable(name: nil, rows: block.rows, rowNumbers: block.rowLines, locatesByLine: true)
        guard let result = try AppendixTableParser.read(table, builder: builder) else {
            diagnostics.append(
                ImportDiagnostic(
                    location: block.location, severity: .info,
                    message: block.location.message("import.info.table_not_understood")))
            return
        }
        tableTasks.append(contentsOf: result.tasks)
        diagnostics.append(contentsOf: result.diagnostics)
        for (key, location) in result.positionsNamedAt where positionsNamedAt[key] == nil {
            positionsNamedAt[key] = location
        }
    }
}
