/// Reads a plan written as Vietnamese plans are written (plain text or Markdown; .docx arrives here
/// as its paragraphs), with seed 001 as the reference shape: header, goals, area headings
/// "2.x. Chỉ số đối với lĩnh vực …", position lines "* Công chức …:", bullet tasks, the reporting
/// schedule, general tasks and the duties of "TỔ CHỨC THỰC HIỆN".
public enum PlanTextParser {
    public static func parse(_ text: String, context: PlanImportContext) throws(PlanImportError) -> PlanDraft {
        try parse(text, tables: [], context: context)
    }

    /// A document's text with tables that came beside it (the tables of a .docx): tables that are
    /// plan appendices add their tasks.
    public static func parse(_ text: String, tables: [PlanTable], context: PlanImportContext) throws(PlanImportError)
        -> PlanDraft
    {
        guard text.contains(where: { !$0.isWhitespace }) || !tables.isEmpty else { throw .empty }
        let blocks = PlanBlockReader.blocks(of: text)
        let header = try PlanHeaderReader.header(of: blocks)
        let year = header.year ?? context.fallbackYear
        let goals = PlanHeaderReader.goals(of: blocks, classes: context.catalog.classes)
        let schedule = try ReportScheduleReader.schedule(in: blocks, defaultYear: year)
        let builder = DraftTaskBuilder(context: context, defaultYear: year)

        var walker = PlanWalker(builder: builder, context: context, scheduleLine: schedule?.line)
        try walker.walk(blocks)
        var diagnostics = walker.diagnostics
        var namedAt = walker.positionsNamedAt
        var tableTasks = walker.tableTasks
        for table in tables {
            guard let result = try AppendixTableParser.read(table, builder: builder) else { continue }
            tableTasks.append(contentsOf: result.tasks)
            diagnostics.append(contentsOf: result.diagnostics)
            namedAt.merge(result.positionsNamedAt) { first, _ in first }
        }

        let positionTasks = walker.positionTasks + tableTasks.filter { !$0.leadPositionKeys.isEmpty }
        let isPositionPlan = !positionTasks.isEmpty
        let duties = try dutyTasks(
            walker.addressees, isPositionPlan: isPositionPlan,
            positionsWithTasks: Set(positionTasks.flatMap(\.leadPositionKeys)), builder: builder,
            diagnostics: &diagnostics)
        var tasks =
            walker.positionTasks + walker.generalTasks + duties
            + walker.datedItems.filter { $0.due != nil || $0.recurrence != nil }
        // Document order, whatever list a task was collected in; table rows follow the text.
        tasks.sort { ($0.source.line ?? 0) < ($1.source.line ?? 0) }
        tasks += tableTasks.filter { $0.source.line == nil }
        tasks += tableTasks.filter { $0.source.line != nil }.sorted { $0.source.line! < $1.source.line! }
        guard !tasks.isEmpty else { throw .noTasksFound(lines: text.splitLines().count) }

        return DraftAssembly.draft(
            header: header, goals: goals, tasks: tasks, schedule: schedule, year: year, diagnostics: diagnostics,
            summary: summary(tasks: tasks, isPositionPlan: isPositionPlan, header: header, blocks: blocks),
            positionsNamedAt: namedAt)
    }

    /// Duties of the implementation section. In a plan that gives tasks to positions, only the duties
    /// of a position that has no tasks of its own (the one-stop desk in seed 001) become tasks: the
    /// others repeat "carry out your tasks and report", which partrack tracks through the tasks and
    /// report periods, and bodies outside the unit get no tasks. In any other document every
    /// addressee's duties are kept, for the leader to assign.
    private static func dutyTasks(
        _ addressees: [PlanWalker.Addressee], isPositionPlan: Bool, positionsWithTasks: Set<String>,
        builder: DraftTaskBuilder, diagnostics: inout [ImportDiagnostic]
    ) throws(PlanImportError) -> [DraftTask] {
        var tasks: [DraftTask] = []
        for addressee in addressees {
            let blocks = addressee.items.isEmpty ? addressee.paragraphs : addressee.items
            guard !blocks.isEmpty else { continue }
            let resolution = addressee.resolution
            let isUnitPosition = !resolution.keys.isEmpty && resolution.unmatched.isEmpty
            if isPositionPlan {
                guard isUnitPosition, positionsWithTasks.isDisjoint(with: resolution.keys) else {
                    diagnostics.append(
                        ImportDiagnostic(
                            location: addressee.block.location, severity: .info,
                            message: addressee.block.location.message(
                                "import.info.duties_not_imported",
                                ["addressee": addressee.block.text, "count": "\(blocks.count)"])))
                    continue
                }
            }
            let leads = isUnitPosition ? resolution : PositionMatcher.Resolution()
            for block in blocks {
                tasks.append(
                    try builder.task(
                        text: block.text, origin: .duty, areaCode: nil,
                        assignment: .init(
                            leads: leads, needsAssignment: true,
                            addressee: isUnitPosition ? nil : DraftTaskBuilder.trimmedEnd(addressee.block.text)),
                        at: block.location))
            }
        }
        return tasks
    }

    /// What the document is, in one sentence for the preview.
    private static func summary(tasks: [DraftTask], isPositionPlan: Bool, header: PlanHeader, blocks: [PlanBlock])
        -> Message
    {
        let dated = tasks.filter { $0.due != nil || $0.recurrence != nil }.count
        let toAssign = tasks.filter(\.needsAssignment).count
        if isPositionPlan {
            let given = tasks.filter { !$0.needsAssignment }
            return Message(
                "import.summary.position_plan",
                [
                    "tasks": "\(given.count)", "positions": "\(Set(given.flatMap(\.leadPositionKeys)).count)",
                    "areas": "\(Set(given.compactMap(\.areaCode)).count)", "to_assign": "\(toAssign)",
                ])
        }
        let arguments = ["tasks": "\(tasks.count)", "dated": "\(dated)"]
        let title = TextFolding.fold(header.title ?? "")
        if ["xac dinh chi so", "tham dinh", "cham diem", "tu danh gia"].contains(where: title.contains) {
            return Message("import.summary.assessment_plan", arguments)
        }
        if blocks.contains(where: { $0.folded.contains("phu luc") && $0.folded.contains("chi tiet") }) {
            return Message("import.summary.tasks_in_appendix", arguments)
        }
        return Message("import.summary.unassigned_plan", arguments)
    }
}
