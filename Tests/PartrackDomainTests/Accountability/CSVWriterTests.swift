import Foundation
import PartrackDomain
import Testing

@Suite("CSV for Excel: RFC 4180 quoting, CRLF, a BOM for Vietnamese")
struct CSVWriterTests {
    private func text(_ rows: [[String]], bom: Bool = false, guardFormulas: Bool = false) -> String {
        String(decoding: CSVWriter.document(rows: rows, bom: bom, guardFormulas: guardFormulas), as: UTF8.self)
    }

    @Test func plainFieldsAreWrittenAsTheyAreWithCRLFAfterEveryRecord() {
        #expect(text([["Đơn vị", "Cấp"], ["Xã Ba Giang", "Xã"]]) == "Đơn vị,Cấp\r\nXã Ba Giang,Xã\r\n")
        #expect(text([]) == "")
        #expect(text([[""]]) == "\r\n")
        #expect(text([["", "", ""]]) == ",,\r\n")
    }

    @Test func commasQuotesAndLineBreaksAreQuoted() {
        #expect(CSVWriter.field("Rà soát, đánh giá TTHC") == "\"Rà soát, đánh giá TTHC\"")
        #expect(CSVWriter.field("Báo cáo \"quý I\"") == "\"Báo cáo \"\"quý I\"\"\"")
        #expect(CSVWriter.field("dòng 1\ndòng 2") == "\"dòng 1\ndòng 2\"")
        #expect(CSVWriter.field("dòng 1\r\ndòng 2") == "\"dòng 1\r\ndòng 2\"")
        #expect(CSVWriter.field("\"") == "\"\"\"\"")
        // Spaces at the edges would be trimmed by some readers: quoting keeps them.
        #expect(CSVWriter.field(" 7,5 ") == "\" 7,5 \"")
        #expect(CSVWriter.field("Tư pháp – Hộ tịch") == "Tư pháp – Hộ tịch")
        #expect(
            text([["Nhiệm vụ", "Ghi chú"], ["Niêm yết \"công khai\", cập nhật", "Đã xong\nchờ ký"]])
                == "Nhiệm vụ,Ghi chú\r\n\"Niêm yết \"\"công khai\"\", cập nhật\",\"Đã xong\nchờ ký\"\r\n")
    }

    @Test func theByteOrderMarkComesFirstWhenAsked() {
        let data = CSVWriter.document(rows: [["Xã"]], bom: true)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(data.dropFirst(3) == Data("Xã\r\n".utf8))
        #expect(Array(CSVWriter.document(rows: [["Xã"]], bom: false).prefix(3)) == Array("Xã".utf8))
    }

    @Test func formulaLookalikesCanBeKeptAsText() {
        #expect(text([["=SUM(A1:A9)", "+1", "-", "@x", "7"]], guardFormulas: true) == "'=SUM(A1:A9),'+1,'-,'@x,7\r\n")
        #expect(text([["=1+1"]]) == "=1+1\r\n")
    }

    /// A reader following RFC 4180 gets the same fields back (written here only to check the writer).
    @Test func whatIsWrittenReadsBackTheSame() {
        let rows = [
            ["Đơn vị", "Ghi chú, nếu có", "\"trích\""], ["Xã Ba Giang", "hai\r\ndòng", ""], ["", "a\"b\"c", " lề "],
        ]
        #expect(Self.read(text(rows)) == rows)
    }

    private static func read(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r", characters.first == "\n" {
                characters.removeFirst()
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return rows
    }
}
