/// Text helpers on the parser's hot path. The general ones (`trimmingWhitespace`, `Array(string)`)
/// walk grapheme clusters generically; these work on Unicode scalars or UTF-8 bytes, which is all
/// the plan grammar needs (its markers are ASCII) and several times faster on a whole document.
extension StringProtocol {
    /// Without leading and trailing white space (including no-break and ideographic spaces and the
    /// byte-order mark).
    func trimmedSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.isSpaceLike && !last.isSpaceLike { return String(self) }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isSpaceLike { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].isSpaceLike else { break }
            end = before
        }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}

extension Unicode.Scalar {
    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// Lines split at \n, \r\n, \r and the Unicode line and paragraph separators, scanning bytes.
    func splitLines() -> [Substring] {
        var lines: [Substring] = []
        let bytes = utf8
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            var separatorEnd: String.Index?
            if byte == 0x0A {
                separatorEnd = bytes.index(after: index)
            } else if byte == 0x0D {
                let next = bytes.index(after: index)
                separatorEnd = next != bytes.endIndex && bytes[next] == 0x0A ? bytes.index(after: next) : next
            } else if byte == 0xE2 {
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                let second = bytes.index(after: index)
                if second != bytes.endIndex, bytes[second] == 0x80 {
                    let third = bytes.index(after: second)
                    if third != bytes.endIndex, bytes[third] == 0xA8 || bytes[third] == 0xA9 {
                        separatorEnd = bytes.index(after: third)
                    }
                }
            }
            if let end = separatorEnd {
                lines.append(self[lineStart..<index])
                lineStart = end
                index = end
            } else {
                index = bytes.index(after: index)
            }
        }
        lines.append(self[lineStart..<endIndex])
        return lines
    }
}
