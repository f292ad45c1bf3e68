import Foundation
import ZIPFoundation

/// The parts of an Office Open XML package (.docx, .xlsx), read from memory with a cap on how much
/// may be unpacked in all: a small upload must not unpack into gigabytes (a "zip bomb").
final class ZipPackage {
    private let archive: Archive
    private let filename: String
    private let limit: Int
    private var unpacked = 0

    init(data: Data, filename: String, maxUnpackedBytes: Int) throws(PlanDocumentError) {
        guard ZipBounds.isWithinBounds(data) else { throw .unreadable(filename: filename, detail: "ZIP") }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .unreadable(filename: filename, detail: "ZIP")
        }
        self.filename = filename
        self.limit = maxUnpackedBytes
    }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The part's bytes, or nil when the package has no such part. Counts against the cap both the
    /// size the archive declares and the bytes actually inflated (a declared size can lie).
    func read(_ path: String) throws(PlanDocumentError) -> Data? {
        guard let entry = archive[path.hasPrefix("/") ? String(path.dropFirst()) : path] else { return nil }
        guard entry.type == .file else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        guard declared <= limit - unpacked else { throw .unpackedTooLarge(filename: filename, limit: limit) }
        var data = Data()
        data.reserveCapacity(declared)
        let budget = limit - unpacked
        do {
            // ZIPFoundation computes the checksum but leaves comparing it to the caller: a damaged
            // part must not reach the XML parser as if it were whole.
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= budget else { throw CapExceeded() }
                data.append(chunk)
            }
            guard checksum == entry.checksum else {
                throw PlanDocumentError.unreadable(filename: filename, detail: path)
            }
        } catch is CapExceeded {
            throw .unpackedTooLarge(filename: filename, limit: limit)
        } catch let error as PlanDocumentError {
            throw error
        } catch {
            throw .unreadable(filename: filename, detail: path)
        }
        unpacked += data.count
        return data
    }

    private struct CapExceeded: Error {}
}

/// Checks, before ZIPFoundation reads an in-memory archive, that every place its reader will seek to
/// lies inside the data. Its memory-backed reader traps on a seek past the end (which a damaged or
/// hostile upload can ask for), so a package is refused unless its end record, central directory,
/// local headers and data descriptors are all where they say they are. ZIP64 archives (needed only
/// past 4 GB) are refused too.
enum ZipBounds {
    static func isWithinBounds(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in check(raw.bindMemory(to: UInt8.self)) }
    }

    private static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard count >= 22 else { return false }
        // The end record nearest the end of the data, as ZIPFoundation finds it.
        var end: Int?
        var position = count - 22
        while position >= 0 {
            if bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 0x05,
                bytes[position + 3] == 0x06
            {
                end = position
                break
            }
            position -= 1
        }
        guard let end else { return false }
        if end >= 20, u32(end - 20) == 0x0706_4B50 { return false }  // ZIP64 locator
        let entries = u16(end + 10)
        let directorySize = u32(end + 12)
        let directoryStart = u32(end + 16)
        guard directorySize != 0xFFFF_FFFF, directoryStart != 0xFFFF_FFFF, directoryStart + directorySize <= end
        else { return false }
        var entry = directoryStart
        for _ in 0..<entries {
            guard entry + 46 <= end, u32(entry) == 0x0201_4B50 else { return false }
            let flags = u16(entry + 8)
            let method = u16(entry + 10)
            let compressed = u32(entry + 20)
            let uncompressed = u32(entry + 24)
            let local = u32(entry + 42)
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF,
                local + 30 <= count, u32(local) == 0x0403_4B50
            else { return false }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart <= count else { return false }
            if flags & 0x8 != 0 {
                let descriptor = dataStart + (method != 0 ? compressed : uncompressed)
                guard descriptor <= count else { return false }
            }
            entry += 46 + u16(entry + 28) + u16(entry + 30) + u16(entry + 32)
        }
        return entry <= end
    }
}
