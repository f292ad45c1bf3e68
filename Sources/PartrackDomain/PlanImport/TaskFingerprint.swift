/// The identity a task keeps across revisions of its plan document, for stores that create tasks
/// without parsing a document (demo data, hand-made tasks), so a later import recognises them.
public enum TaskFingerprint {
    public static func of(title: String) -> String { DraftAssembly.fingerprint(of: title) }
}
