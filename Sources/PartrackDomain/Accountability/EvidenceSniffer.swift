import Foundation

/// Several kinds a container can be when its entries cannot be read (only a short prefix given).
enum EvidenceFamily: Equatable {
    case officeOpenXML
    case legacyOffice
    case openDocument

    var kinds: [EvidenceKind] {
        switch self {
        case .officeOpenXML: return [.docx, .xlsx, .pptx]
        case .legacyOffice: return [.doc, .xls]
        case .openDocument: return [.odt, .ods]
        }
    }

    var formatName: String { kinds.map(\.formatName).joined(separator: " / ") }
}

enum SniffedContent: Equatable {
    case kind(EvidenceKind)
    case family(EvidenceFamily)
    case unknown
}

/// Recognises a file by its leading bytes (its "magic number") and, for containers, their entries.
enum EvidenceSniffer {
    static func sniff(_ content: Data, zipEntryNames: [String]?) -> SniffedContent {
        let bytes = ByteView(content)
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .kind(.png) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .kind(.jpeg) }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            return .kind(.gif)
        }
        if bytes.starts(with: Array("RIFF".utf8)) && bytes.starts(with: Array("WEBP".utf8), at: 8) {
            return .kind(.webp)
        }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return .kind(.tiff)
        }
        if bytes.starts(with: ZipEntries.localHeaderSignature) {
            return zipContent(content, entryNames: zipEntryNames)
        }
        if bytes.starts(with: CompoundFile.signature) {
            return legacyOfficeContent(content)
        }
        // Acrobat accepts the header anywhere in the first 1024 bytes; some scanners write junk first.
        // Looked for after the containers, whose stored entries could hold a PDF of their own.
        if bytes.firstIndex(of: Array("%PDF-".utf8), before: 1024) != nil { return .kind(.pdf) }
        return .unknown
    }

    private static func zipContent(_ content: Data, entryNames: [String]?) -> SniffedContent {
        // OpenDocument stores its type, uncompressed, as the very first entry.
        if let mimeType = ZipEntries.openDocumentMimeType(in: content) {
            switch mimeType {
            case "application/vnd.oasis.opendocument.text": return .kind(.odt)
            case "application/vnd.oasis.opendocument.spreadsheet": return .kind(.ods)
            default: return .unknown
            }
        }
        let names = entryNames ?? ZipEntries.names(in: content)
        for (folder, kind) in [("word/", EvidenceKind.docx), ("xl/", .xlsx), ("ppt/", .pptx)]
        where names.contains(where: { $0.hasPrefix(folder) }) {
            return .kind(kind)
        }
        // Every Office Open XML package has these; which application's, only its folders tell.
        if names.contains("[Content_Types].xml") || names.contains("_rels/.rels") { return .family(.officeOpenXML) }
        if names.first == "mimetype" { return .family(.openDocument) }
        return .unknown
    }

    private static func legacyOfficeContent(_ content: Data) -> SniffedContent {
        guard let streams = CompoundFile.entryNames(in: content) else { return .family(.legacyOffice) }
        let names = Set(streams.map { $0.lowercased() })
        if names.contains("worddocument") { return .kind(.doc) }
        if names.contains("workbook") || names.contains("book") { return .kind(.xls) }
        return .unknown  // PowerPoint 97–2003, Outlook messages, …: not accepted
    }
}

/// Bounds-checked little-endian reads from `Data` (which may be a slice not starting at 0).
struct ByteView {
    let data: Data

    init(_ data: Data) { self.data = data }

    var count: Int { data.count }

    func byte(at offset: Int) -> UInt8? {
        guard offset >= 0, offset < data.count else { return nil }
        return data[data.startIndex + offset]
    }

    func uint16(at offset: Int) -> Int? {
        guard let low = byte(at: offset), let high = byte(at: offset + 1) else { return nil }
        return Int(low) | Int(high) << 8
    }

    func uint32(at offset: Int) -> Int? {
        guard let low = uint16(at: offset), let high = uint16(at: offset + 2) else { return nil }
        return low | high << 16
    }

    func bytes(at offset: Int, count length: Int) -> Data? {
        guard offset >= 0, length >= 0, offset + length <= data.count else { return nil }
        return data.subdata(in: (data.startIndex + offset)..<(data.startIndex + offset + length))
    }

    func starts(with prefix: [UInt8], at offset: Int = 0) -> Bool {
        guard offset >= 0, offset + prefix.count <= data.count else { return false }
        return prefix.indices.allSatisfy { data[data.startIndex + offset + $0] == prefix[$0] }
    }

    /// Where `needle` first starts at or after `start`, if it starts before `limit`.
    func firstIndex(of needle: [UInt8], from start: Int = 0, before limit: Int = .max) -> Int? {
        let last = min(limit, data.count - needle.count + 1)
        guard start < last, let first = needle.first else { return nil }
        var offset = max(start, 0)
        while offset < last {
            // Data's own search for the first byte is fast; only there compare the rest.
            guard let hit = data[(data.startIndex + offset)..<(data.startIndex + last)].firstIndex(of: first) else {
                return nil
            }
            offset = hit - data.startIndex
            if starts(with: needle, at: offset) { return offset }
            offset += 1
        }
        return nil
    }
}
