import Foundation
import ZIPFoundation

/// The entry names of a ZIP file (an Office document is one), or nil when it is not a readable ZIP.
/// Used to tell a Word file from an Excel file by what is inside, not by its name.
public enum ZipEntries {
    public static func names(of file: URL, limit: Int = 2000) -> [String]? {
        guard let archive = try? Archive(url: file, accessMode: .read, pathEncoding: nil) else { return nil }
        var names: [String] = []
        for entry in archive {
            names.append(entry.path)
            if names.count >= limit { break }
        }
        return names
    }
}
