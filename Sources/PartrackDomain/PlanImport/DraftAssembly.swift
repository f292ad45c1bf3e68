/// The last step of every import: stable fingerprints, the list of unknown positions with a
/// warning for each, and the draft itself.
enum DraftAssembly {
    static func draft(
        header: PlanHeader, goals: PlanGoals, tasks: [DraftTask], schedule: ReportScheduleReader.Schedule?,
        year: Int, diagnostics: [ImportDiagnostic], summary: Message, positionsNamedAt: [String: SourceLocation] = [:]
    ) -> PlanDraft {
        let fingerprinted = withFingerprints(tasks)
        let unknown = unknownPositions(in: fingerprinted, namedAt: positionsNamedAt)
        var diagnostics = diagnostics
        for position in unknown {
            diagnostics.append(
                ImportDiagnostic(
                    location: position.location, severity: .warning,
                    message: position.location.message(
                        "import.warning.unknown_position", ["name": position.name, "tasks": "\(position.taskCount)"])))
        }
        diagnostics.sort { lhs, rhs in
            (lhs.location.line ?? 0, lhs.severity) < (rhs.location.line ?? 0, rhs.severity)
        }
        return PlanDraft(
            header: header, goals: goals, tasks: fingerprinted,
            periods: schedule?.periods ?? ReportingCalendar.defaultPeriods(year: year),
            periodsFromDocument: schedule != nil, unknownPositions: unknown, diagnostics: diagnostics,
            summary: summary)
    }

    /// A task's identity across revisions of the document: a hash of its whole wording's folded
    /// words (title and details, so how a long bullet is split into them does not matter), so a
    /// changed line break, capital or diacritic encoding keeps it; a second identical task gets "-2".
    static func withFingerprints(_ tasks: [DraftTask]) -> [DraftTask] {
        var seen: [String: Int] = [:]
        return tasks.map { task in
            var task = task
            let base = fingerprint(of: task.fullText)
            let occurrence = seen[base, default: 0] + 1
            seen[base] = occurrence
            task.fingerprint = occurrence == 1 ? base : "\(base)-\(occurrence)"
            return task
        }
    }

    /// FNV-1a (64 bit) of the folded words: stable across runs and platforms, unlike `Hasher`.
    static func fingerprint(of title: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in TextFolding.words(of: title).joined(separator: " ").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Each name not recognised as a position, where it was first written (`namedAt`, keyed by
    /// `nameKey`, else the first task's own place) and how many tasks carry it.
    static func unknownPositions(in tasks: [DraftTask], namedAt: [String: SourceLocation]) -> [UnknownPosition] {
        var order: [String] = []
        var byName: [String: UnknownPosition] = [:]
        for task in tasks {
            for name in task.unmatchedPositionNames {
                let key = nameKey(name)
                if byName[key] == nil {
                    order.append(key)
                    byName[key] = UnknownPosition(name: name, location: namedAt[key] ?? task.source, taskCount: 0)
                }
                byName[key]!.taskCount += 1
            }
        }
        return order.map { byName[$0]! }
    }

    static func nameKey(_ name: String) -> String { TextFolding.words(of: name).joined(separator: " ") }
}
