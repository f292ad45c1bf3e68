import Foundation

/// Just enough of the OLE compound file format ([MS-CFB]) used by Word and Excel 97–2003 to list
/// the names in its directory ("WordDocument", "Workbook"), in pure Foundation.
enum CompoundFile {
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// Sector numbers from here up mean "none", "end of chain" and the like.
    private static let lastRegularSector = 0xFFFF_FFF9
    private static let directoryEntrySize = 128

    /// The names of the storages and streams in the directory; nil when the directory cannot be read
    /// (only the start of the file was given, or it is damaged).
    static func entryNames(in data: Data) -> [String]? {
        let bytes = ByteView(data)
        guard bytes.starts(with: signature), let shift = bytes.uint16(at: 0x1E), shift == 9 || shift == 12,
            let fatSectorCount = bytes.uint32(at: 0x2C), var sector = bytes.uint32(at: 0x30)
        else { return nil }
        let sectorSize = 1 << shift
        func offset(of sector: Int) -> Int { (sector + 1) << shift }

        // The allocation table, from the FAT sectors the header lists (the first 109 suffice for
        // files up to about 7 MB with 512-byte sectors; chains beyond what we read simply end).
        var fat: [Int] = []
        for index in 0..<min(fatSectorCount, 109) {
            guard let fatSector = bytes.uint32(at: 0x4C + 4 * index), fatSector <= lastRegularSector else { break }
            let start = offset(of: fatSector)
            for entry in 0..<(sectorSize / 4) {
                guard let next = bytes.uint32(at: start + 4 * entry) else { break }
                fat.append(next)
            }
        }

        var names: [String] = []
        var visited: Set<Int> = []
        while sector <= lastRegularSector, visited.insert(sector).inserted {
            let start = offset(of: sector)
            for entry in 0..<(sectorSize / directoryEntrySize) {
                let base = start + entry * directoryEntrySize
                guard let nameLength = bytes.uint16(at: base + 0x40), let type = bytes.byte(at: base + 0x42) else {
                    return names.isEmpty ? nil : names
                }
                // 1 storage, 2 stream, 5 root; the length counts the terminating UTF-16 zero.
                guard [1, 2, 5].contains(type), (2...64).contains(nameLength),
                    let raw = bytes.bytes(at: base, count: nameLength - 2)
                else { continue }
                let units = stride(from: 0, to: raw.count - 1, by: 2).map {
                    UInt16(raw[raw.startIndex + $0]) | UInt16(raw[raw.startIndex + $0 + 1]) << 8
                }
                names.append(String(decoding: units, as: UTF16.self))
            }
            guard sector < fat.count else { break }
            sector = fat[sector]
        }
        return names.isEmpty ? nil : names
    }
}
