import Foundation

/// The kinds of file accepted as evidence (tài liệu kiểm chứng): the documents and scans offices
/// actually keep. The kind is decided by the file's content, never by its name alone; the name's
/// ending must then agree with the content (`check`).
///
/// | kind | accepted endings | recognised by |
/// |------|------------------|---------------|
/// | pdf  | .pdf             | `%PDF-` in the first 1024 bytes |
/// | docx / xlsx / pptx | .docx / .xlsx / .pptx | ZIP with entries under `word/`, `xl/`, `ppt/` |
/// | doc / xls | .doc / .xls | OLE compound file with a `WordDocument` / `Workbook` (or `Book`) stream |
/// | odt / ods | .odt / .ods | ZIP whose first entry `mimetype` says opendocument.text / .spreadsheet |
/// | png, jpeg, gif, webp, tiff | .png; .jpg, .jpeg; .gif; .webp; .tif, .tiff | their signatures |
public enum EvidenceKind: String, CaseIterable, Codable, Sendable {
    case pdf
    case docx
    case xlsx
    case pptx
    case doc
    case xls
    case odt
    case ods
    case png
    case jpeg
    case gif
    case webp
    case tiff

    /// File name endings accepted for this kind, lower case, without the dot; the first is the usual one.
    public var allowedExtensions: [String] {
        switch self {
        case .jpeg: return ["jpg", "jpeg"]
        case .tiff: return ["tif", "tiff"]
        default: return [rawValue]
        }
    }

    public var canonicalExtension: String { allowedExtensions[0] }

    /// The Content-Type to serve the file with.
    public var mediaType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .doc: return "application/msword"
        case .xls: return "application/vnd.ms-excel"
        case .odt: return "application/vnd.oasis.opendocument.text"
        case .ods: return "application/vnd.oasis.opendocument.spreadsheet"
        case .png: return "image/png"
        case .jpeg: return "image/jpeg"
        case .gif: return "image/gif"
        case .webp: return "image/webp"
        case .tiff: return "image/tiff"
        }
    }

    /// The format's own name, the same in every language ("Word (.docx)", "PNG").
    public var formatName: String {
        switch self {
        case .pdf: return "PDF"
        case .docx: return "Word (.docx)"
        case .xlsx: return "Excel (.xlsx)"
        case .pptx: return "PowerPoint (.pptx)"
        case .doc: return "Word 97–2003 (.doc)"
        case .xls: return "Excel 97–2003 (.xls)"
        case .odt: return "OpenDocument Text (.odt)"
        case .ods: return "OpenDocument Spreadsheet (.ods)"
        case .png: return "PNG"
        case .jpeg: return "JPEG"
        case .gif: return "GIF"
        case .webp: return "WebP"
        case .tiff: return "TIFF"
        }
    }

    public var isImage: Bool { [.png, .jpeg, .gif, .webp, .tiff].contains(self) }

    /// Decides the kind of an uploaded file from its content and checks its name agrees.
    ///
    /// `contentPrefix` is the start of the file; pass the whole file when you have it, so the
    /// entries of a ZIP (Office, OpenDocument) or OLE (Office 97–2003) container can be read from
    /// its directory. Otherwise pass the ZIP's entry names as `zipEntryNames` (e.g. listed by a ZIP
    /// library), or enough of the start for its first entries. A name without any ending is
    /// accepted: the content decides (store it with `canonicalExtension`).
    public static func check(
        filename: String, contentPrefix: Data, zipEntryNames: [String]? = nil
    ) -> Result<EvidenceKind, EvidenceRefusal> {
        guard !contentPrefix.isEmpty else { return .failure(.empty(filename: filename)) }
        let candidates: [EvidenceKind]
        let format: String
        let image: Bool
        switch EvidenceSniffer.sniff(contentPrefix, zipEntryNames: zipEntryNames) {
        case .unknown:
            return .failure(.unrecognised(filename: filename))
        case .kind(let kind):
            (candidates, format, image) = ([kind], kind.formatName, kind.isImage)
        case .family(let family):
            (candidates, format, image) = (family.kinds, family.formatName, false)
        }
        let ending = fileExtension(of: filename)
        if let kind = candidates.first(where: { $0.allowedExtensions.contains(ending) }) { return .success(kind) }
        if ending.isEmpty {
            return candidates.count == 1
                ? .success(candidates[0]) : .failure(.ambiguous(filename: filename, format: format))
        }
        return .failure(.extensionMismatch(filename: filename, extension: ending, format: format, image: image))
    }

    /// The ending of the name's last path component, lower case, without the dot ("" when none).
    /// Browsers on Windows may send "C:\fakepath\tờ trình.PDF".
    static func fileExtension(of filename: String) -> String {
        let name = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? filename
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// Why a file is not taken as evidence.
public enum EvidenceRefusal: UserFacingError, Equatable {
    case empty(filename: String)
    /// Not a PDF, Office, OpenDocument or image file.
    case unrecognised(filename: String)
    /// The name's ending says one thing, the content another ("tệp tên .pdf nhưng nội dung là ảnh PNG").
    case extensionMismatch(filename: String, extension: String, format: String, image: Bool)
    /// The content is one of several Office kinds and the name has no ending to tell which.
    case ambiguous(filename: String, format: String)

    public var message: Message {
        switch self {
        case .empty(let filename): return Message(.evidenceEmpty, ["file": filename])
        case .unrecognised(let filename): return Message(.evidenceUnrecognised, ["file": filename])
        case .extensionMismatch(let filename, let ending, let format, let image):
            return Message(
                image ? .evidenceMismatchImage : .evidenceMismatchDocument,
                ["file": filename, "extension": ending, "format": format])
        case .ambiguous(let filename, let format):
            return Message(.evidenceAmbiguous, ["file": filename, "format": format])
        }
    }
}
