import Foundation

/// Just enough of the ZIP format (PKWARE APPNOTE 6.3) to list an archive's entry names, in pure
/// Foundation: from the central directory when the end of the archive is at hand, otherwise by
/// walking the local file headers from the start.
enum ZipEntries {
    static let localHeaderSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    private static let localHeader = 0x0403_4B50
    private static let centralHeader = 0x0201_4B50
    private static let endOfCentralDirectory: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    /// Guards against a corrupt count making us loop for long.
    private static let maximumEntries = 65_535

    static func names(in data: Data) -> [String] {
        let bytes = ByteView(data)
        let central = centralDirectoryNames(bytes)
        return central.isEmpty ? localHeaderNames(bytes) : central
    }

    /// The text of an OpenDocument's first entry, which must be an uncompressed `mimetype`.
    static func openDocumentMimeType(in data: Data) -> String? {
        let bytes = ByteView(data)
        guard bytes.uint32(at: 0) == localHeader, bytes.uint16(at: 8) == 0,  // method 0: stored
            let size = bytes.uint32(at: 18), let nameLength = bytes.uint16(at: 26),
            let extraLength = bytes.uint16(at: 28), size > 0, size < 256,
            let name = bytes.bytes(at: 30, count: nameLength), String(decoding: name, as: UTF8.self) == "mimetype",
            let content = bytes.bytes(at: 30 + nameLength + extraLength, count: size)
        else { return nil }
        return String(decoding: content, as: UTF8.self)
    }

    private static func centralDirectoryNames(_ bytes: ByteView) -> [String] {
        // The end record is the last 22 bytes, unless an archive comment (up to 65535 bytes) follows it.
        let latest = bytes.count - 22
        guard latest >= 0 else { return [] }
        let earliest = max(0, latest - 65_535)
        guard
            let end = stride(from: latest, through: earliest, by: -1).first(where: {
                bytes.starts(with: endOfCentralDirectory, at: $0)
            }),
            let entries = bytes.uint16(at: end + 10), var offset = bytes.uint32(at: end + 16)
        else { return [] }
        var names: [String] = []
        for _ in 0..<min(entries, maximumEntries) {
            guard bytes.uint32(at: offset) == centralHeader, let nameLength = bytes.uint16(at: offset + 28),
                let extraLength = bytes.uint16(at: offset + 30), let commentLength = bytes.uint16(at: offset + 32),
                let name = bytes.bytes(at: offset + 46, count: nameLength)
            else { break }
            names.append(String(decoding: name, as: UTF8.self))
            offset += 46 + nameLength + extraLength + commentLength
        }
        return names
    }

    private static func localHeaderNames(_ bytes: ByteView) -> [String] {
        var names: [String] = []
        var offset = 0
        while names.count < maximumEntries, bytes.uint32(at: offset) == localHeader,
            let flags = bytes.uint16(at: offset + 6), let size = bytes.uint32(at: offset + 18),
            let nameLength = bytes.uint16(at: offset + 26), let extraLength = bytes.uint16(at: offset + 28),
            let name = bytes.bytes(at: offset + 30, count: nameLength)
        {
            names.append(String(decoding: name, as: UTF8.self))
            let dataStart = offset + 30 + nameLength + extraLength
            if flags & 0x08 != 0 && size == 0 {
                // A data descriptor (flag bit 3, as Word and LibreOffice write) gives the size only after
                // the data: look for the next header's signature instead.
                guard let next = bytes.firstIndex(of: localHeaderSignature, from: dataStart) else { break }
                offset = next
            } else {
                offset = dataStart + size
            }
        }
        return names
    }
}
