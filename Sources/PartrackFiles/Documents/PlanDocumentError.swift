import PartrackDomain

/// Why an uploaded file cannot be read as a plan at all (before any of its content is parsed).
/// What its content gets wrong is a `PlanImportError`.
public enum PlanDocumentError: UserFacingError, Equatable {
    case tooLarge(filename: String, size: Int, limit: Int)
    /// A ZIP (.docx/.xlsx) whose parts unpack to more than the limit: possibly a "zip bomb".
    case unpackedTooLarge(filename: String, limit: Int)
    /// Named .docx/.xlsx but not a ZIP package at all (a renamed file).
    case notWhatNameSays(filename: String, extension: String, kind: String)
    /// The binary Office format of before 2007 (.doc, .xls).
    case legacyOffice(filename: String)
    case pdf(filename: String)
    /// A ZIP package that is neither a Word document nor an Excel workbook.
    case unknownZip(filename: String)
    /// A damaged package or XML that cannot be parsed.
    case unreadable(filename: String, detail: String)
    /// Binary content in a file that should be text.
    case notText(filename: String)
    case notUTF8(filename: String, offset: Int)
    case sheetNotFound(sheet: String, sheets: [String])

    public var message: Message {
        switch self {
        case .tooLarge(let filename, let size, let limit):
            return Message(
                "import.error.too_large",
                ["filename": filename, "size": ByteCount.text(size), "limit": ByteCount.text(limit)])
        case .unpackedTooLarge(let filename, let limit):
            return Message("import.error.unpacked_too_large", ["filename": filename, "limit": ByteCount.text(limit)])
        case .notWhatNameSays(let filename, let fileExtension, let kind):
            return Message(
                "import.error.not_what_name_says", ["filename": filename, "extension": fileExtension, "kind": kind])
        case .legacyOffice(let filename):
            return Message("import.error.legacy_office", ["filename": filename])
        case .pdf(let filename):
            return Message("import.error.pdf", ["filename": filename])
        case .unknownZip(let filename):
            return Message("import.error.unknown_zip", ["filename": filename])
        case .unreadable(let filename, let detail):
            return Message("import.error.unreadable_document", ["filename": filename, "detail": detail])
        case .notText(let filename):
            return Message("import.error.not_text", ["filename": filename])
        case .notUTF8(let filename, let offset):
            return Message("import.error.not_utf8", ["filename": filename, "offset": "\(offset)"])
        case .sheetNotFound(let sheet, let sheets):
            return Message("import.error.sheet_not_found", ["sheet": sheet, "sheets": sheets.joined(separator: ", ")])
        }
    }
}

/// Sizes as people read them, with the Vietnamese decimal comma: "50 MB", "1,5 MB", "900 KB".
enum ByteCount {
    static func text(_ bytes: Int) -> String {
        let units = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        for (size, unit) in units where bytes >= size {
            let tenths = (bytes * 10 + size / 2) / size
            return tenths % 10 == 0 ? "\(tenths / 10) \(unit)" : "\(tenths / 10),\(tenths % 10) \(unit)"
        }
        return "\(bytes) B"
    }
}
