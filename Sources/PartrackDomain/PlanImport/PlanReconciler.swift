/// A task of the plan as already stored, for comparing with a revised document.
public struct ExistingTask: Sendable, Hashable {
    public var id: String
    public var fingerprint: String
    public var title: String
    public var details: String?
    public var areaCode: String?
    public var leadPositionKeys: [String]
    public var cooperatingPositionKeys: [String]
    public var expectedOutput: String?
    public var due: LocalDate?
    /// Cancelled tasks stay cancelled unless the revision brings them back.
    public var isCancelled: Bool

    public init(
        id: String, fingerprint: String, title: String, details: String? = nil, areaCode: String? = nil,
        leadPositionKeys: [String] = [], cooperatingPositionKeys: [String] = [], expectedOutput: String? = nil,
        due: LocalDate? = nil, isCancelled: Bool = false
    ) {
        self.id = id
        self.fingerprint = fingerprint
        self.title = title
        self.details = details
        self.areaCode = areaCode
        self.leadPositionKeys = leadPositionKeys
        self.cooperatingPositionKeys = cooperatingPositionKeys
        self.expectedOutput = expectedOutput
        self.due = due
        self.isCancelled = isCancelled
    }
}

/// What re-importing a revised document does to the stored tasks. Progress lives on the stored
/// task, so unchanged and changed tasks keep theirs; removed tasks are cancelled, never deleted.
public struct Reconciliation: Sendable {
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case title, details, area, leads, cooperating, output, due

        public static func < (lhs: Field, rhs: Field) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public struct Match: Sendable {
        public var existingID: String
        public var draft: DraftTask
        /// Empty for an unchanged task.
        public var changedFields: Set<Field>
    }

    public var unchanged: [Match]
    public var changed: [Match]
    public var added: [DraftTask]
    /// Ids of stored tasks the revision no longer has: to cancel.
    public var removed: [String]
}

public enum PlanReconciler {
    /// Below this likeness of wording, a new task is not taken for an edited old one.
    static let similarityThreshold = 0.6

    /// Pairs the revision's tasks with the stored ones: first by fingerprint (same wording), then an
    /// edited task by how alike its wording is (best pairs first, ties in document order).
    public static func reconcile(existing: [ExistingTask], incoming: [DraftTask]) -> Reconciliation {
        var pairs: [(existing: Int, incoming: Int)] = []
        var freeExisting = Set(existing.indices)
        var freeIncoming = Set(incoming.indices)

        var byFingerprint: [String: [Int]] = [:]
        for (index, task) in existing.enumerated() { byFingerprint[task.fingerprint, default: []].append(index) }
        for (index, draft) in incoming.enumerated() {
            guard var candidates = byFingerprint[draft.fingerprint], !candidates.isEmpty else { continue }
            let match = candidates.removeFirst()
            byFingerprint[draft.fingerprint] = candidates
            pairs.append((match, index))
            freeExisting.remove(match)
            freeIncoming.remove(index)
        }

        let existingWords = existing.map { Set(TextFolding.words(of: $0.title)) }
        let incomingWords = incoming.map { Set(TextFolding.words(of: $0.title)) }
        var candidates: [(existing: Int, incoming: Int, likeness: Double)] = []
        for i in freeExisting {
            for j in freeIncoming {
                let likeness = jaccard(existingWords[i], incomingWords[j])
                if likeness >= similarityThreshold { candidates.append((i, j, likeness)) }
            }
        }
        candidates.sort { lhs, rhs in
            if lhs.likeness != rhs.likeness { return lhs.likeness > rhs.likeness }
            return (lhs.incoming, lhs.existing) < (rhs.incoming, rhs.existing)
        }
        for candidate in candidates
        where freeExisting.contains(candidate.existing) && freeIncoming.contains(candidate.incoming) {
            pairs.append((candidate.existing, candidate.incoming))
            freeExisting.remove(candidate.existing)
            freeIncoming.remove(candidate.incoming)
        }

        var result = Reconciliation(unchanged: [], changed: [], added: [], removed: [])
        for pair in pairs.sorted(by: { $0.incoming < $1.incoming }) {
            let stored = existing[pair.existing]
            let draft = incoming[pair.incoming]
            let fields = differences(stored, draft)
            let match = Reconciliation.Match(existingID: stored.id, draft: draft, changedFields: fields)
            // A cancelled task that the revision lists again comes back: that is a change.
            if fields.isEmpty && !stored.isCancelled {
                result.unchanged.append(match)
            } else {
                result.changed.append(match)
            }
        }
        result.added = freeIncoming.sorted().map { incoming[$0] }
        result.removed = freeExisting.sorted().filter { !existing[$0].isCancelled }.map { existing[$0].id }
        return result
    }

    /// The fields whose meaning differs (wording compared folded, so NFC/NFD or case alone is no
    /// change; title and details together, so a different split of one bullet is no change either).
    /// What the document leaves out (no due date, no output) changes nothing: the leader may have
    /// set it in partrack since.
    static func differences(_ stored: ExistingTask, _ draft: DraftTask) -> Set<Reconciliation.Field> {
        var fields = Set<Reconciliation.Field>()
        func same(_ lhs: String?, _ rhs: String?) -> Bool {
            TextFolding.words(of: lhs ?? "") == TextFolding.words(of: rhs ?? "")
        }
        let storedWording = [stored.title, stored.details].compactMap { $0 }.joined(separator: ". ")
        if !same(storedWording, draft.fullText) {
            fields.insert(same(stored.title, draft.title) ? .details : .title)
        }
        if stored.areaCode != draft.areaCode { fields.insert(.area) }
        if Set(stored.leadPositionKeys) != Set(draft.leadPositionKeys) { fields.insert(.leads) }
        if Set(stored.cooperatingPositionKeys) != Set(draft.cooperatingPositionKeys) { fields.insert(.cooperating) }
        if draft.expectedOutput != nil, !same(stored.expectedOutput, draft.expectedOutput) { fields.insert(.output) }
        if let due = draft.due, due != stored.due { fields.insert(.due) }
        return fields
    }

    private static func jaccard(_ lhs: Set<String>, _ rhs: Set<String>) -> Double {
        let union = lhs.union(rhs).count
        return union == 0 ? 0 : Double(lhs.intersection(rhs).count) / Double(union)
    }
}
