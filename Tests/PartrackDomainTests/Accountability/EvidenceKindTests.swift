import Foundation
import Testing

@testable import PartrackDomain

/// Tests/Fixtures/evidence: tiny files made by the real tools of each format (make-fixtures.py).
private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/evidence")

private func fixture(_ name: String) throws -> Data {
    try Data(contentsOf: fixtures.appendingPathComponent(name))
}

private func kind(_ name: String, as filename: String? = nil, prefix: Int? = nil) throws -> Result<
    EvidenceKind, EvidenceRefusal
> {
    let data = try fixture(name)
    let content = prefix.map { data.prefix($0) } ?? data
    return EvidenceKind.check(filename: filename ?? name, contentPrefix: content)
}

@Suite("Evidence files are judged by their content, and their names must agree")
struct EvidenceKindTests {
    static let files: [(file: String, kind: EvidenceKind)] = [
        ("report.pdf", .pdf), ("minutes.docx", .docx), ("figures.xlsx", .xlsx), ("slides.pptx", .pptx),
        ("legacy.doc", .doc), ("legacy.xls", .xls), ("plan.odt", .odt), ("data.ods", .ods), ("photo.png", .png),
        ("photo.jpg", .jpeg), ("photo.gif", .gif), ("photo.webp", .webp), ("scan.tiff", .tiff),
    ]

    @Test func everyRealFileIsRecognisedUnderItsOwnName() throws {
        for (file, expected) in Self.files {
            #expect(try kind(file).get() == expected, "\(file)")
        }
    }

    @Test func theNamesEndingDoesNotDecideTheKind() throws {
        // A PNG renamed .pdf: "tệp tên .pdf nhưng nội dung là ảnh PNG".
        let png = try kind("photo.png", as: "To trinh.pdf")
        #expect(
            png == .failure(.extensionMismatch(filename: "To trinh.pdf", extension: "pdf", format: "PNG", image: true)))
        #expect(
            png.refusal?.message
                == Message("evidence.mismatch_image", ["file": "To trinh.pdf", "extension": "pdf", "format": "PNG"]))
        #expect(
            try kind("report.pdf", as: "bao-cao.docx").refusal?.message
                == Message(
                    "evidence.mismatch_document", ["file": "bao-cao.docx", "extension": "docx", "format": "PDF"]))
        #expect(
            try kind("minutes.docx", as: "so-lieu.xlsx")
                == .failure(
                    .extensionMismatch(
                        filename: "so-lieu.xlsx", extension: "xlsx", format: "Word (.docx)", image: false)))
        #expect(
            try kind("legacy.doc", as: "bang.xls")
                == .failure(
                    .extensionMismatch(
                        filename: "bang.xls", extension: "xls", format: "Word 97–2003 (.doc)", image: false)))
        #expect(
            try kind("legacy.xls", as: "van-ban.doc")
                == .failure(
                    .extensionMismatch(
                        filename: "van-ban.doc", extension: "doc", format: "Excel 97–2003 (.xls)", image: false)))
        #expect(
            try kind("plan.odt", as: "bang.ods")
                == .failure(
                    .extensionMismatch(
                        filename: "bang.ods", extension: "ods", format: "OpenDocument Text (.odt)", image: false)))
        #expect(try kind("slides.pptx", as: "slides.docx").refusal != nil)
        #expect(try kind("photo.jpg", as: "anh.png").refusal != nil)
    }

    @Test func filesThatAreNoneOfTheKindsAreRefused() throws {
        #expect(try kind("notes.txt") == .failure(.unrecognised(filename: "notes.txt")))
        // A plain ZIP is not an office document, whatever it is called.
        #expect(try kind("archive.zip", as: "ho-so.docx") == .failure(.unrecognised(filename: "ho-so.docx")))
        // RTF saved under a .doc name, as Word allows.
        #expect(try kind("saved-as-rtf.doc") == .failure(.unrecognised(filename: "saved-as-rtf.doc")))
        #expect(
            try kind("notes.txt").refusal?.message == Message("evidence.unrecognised", ["file": "notes.txt"]))
        #expect(
            EvidenceKind.check(filename: "rong.pdf", contentPrefix: Data()) == .failure(.empty(filename: "rong.pdf")))
    }

    @Test func endingsAreReadCaseBlindAndFromTheLastPathComponent() throws {
        #expect(try kind("report.pdf", as: #"C:\fakepath\Tờ trình số 12.PDF"#).get() == .pdf)
        #expect(try kind("photo.jpg", as: "anh.JPEG").get() == .jpeg)
        #expect(try kind("scan.tiff", as: "scan.tif").get() == .tiff)
        #expect(try kind("report.pdf", as: "bao.cao.quy.1.pdf").get() == .pdf)
        // No ending at all: the content decides.
        #expect(try kind("photo.png", as: "anh-chup").get() == .png)
        #expect(try kind("photo.png", as: ".png").get() == .png)
    }

    @Test func aPrefixIsEnoughForMostKinds() throws {
        for (file, expected) in Self.files {
            #expect(try kind(file, prefix: 2048).get() == expected, "\(file) from its first 2 KB")
        }
        // From 600 bytes the Office Open XML documents show only their package parts; the name decides
        // among Word, Excel and PowerPoint, and a name of another kind is refused.
        #expect(try kind("minutes.docx", prefix: 600).get() == .docx)
        #expect(
            try kind("minutes.docx", as: "x.pdf", prefix: 600)
                == .failure(
                    .extensionMismatch(
                        filename: "x.pdf", extension: "pdf",
                        format: "Word (.docx) / Excel (.xlsx) / PowerPoint (.pptx)",
                        image: false)))
        // Office 97–2003 from its 512-byte header alone: Word or Excel, by the name.
        #expect(try kind("legacy.xls", as: "bang.xls", prefix: 512).get() == .xls)
        #expect(try kind("legacy.doc", as: "bang.doc", prefix: 512).get() == .doc)
        #expect(
            try kind("legacy.doc", as: "bang", prefix: 512)
                == .failure(.ambiguous(filename: "bang", format: "Word 97–2003 (.doc) / Excel 97–2003 (.xls)")))
    }

    @Test func entryNamesListedByTheCallerDecideAZip() throws {
        let start = try fixture("minutes.docx").prefix(64)
        let names = ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
        #expect(
            EvidenceKind.check(filename: "bien-ban.docx", contentPrefix: start, zipEntryNames: names) == .success(.docx)
        )
        #expect(
            EvidenceKind.check(filename: "bien-ban.xlsx", contentPrefix: start, zipEntryNames: names).refusal != nil)
    }

    @Test func zipEntriesAreReadFromTheCentralDirectoryOrTheLocalHeaders() throws {
        let docx = try fixture("minutes.docx")
        let expected = [
            "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/_rels/document.xml.rels", "word/document.xml",
            "word/styles.xml", "word/fontTable.xml", "word/settings.xml", "[Content_Types].xml",
        ]
        #expect(ZipEntries.names(in: docx) == expected)
        // LibreOffice writes sizes after the data (data descriptors): walking the local headers of a
        // prefix finds the next entries by their signatures.
        #expect(ZipEntries.names(in: docx.prefix(1500)).starts(with: ["_rels/.rels", "docProps/core.xml"]))
        #expect(
            ZipEntries.openDocumentMimeType(in: try fixture("plan.odt")) == "application/vnd.oasis.opendocument.text")
        #expect(ZipEntries.openDocumentMimeType(in: docx) == nil)
        // A slice of a larger buffer (Data not starting at index 0) reads the same.
        let padded = Data([0, 0, 0]) + docx
        #expect(ZipEntries.names(in: padded.dropFirst(3)) == expected)
    }

    @Test func officeDirectoriesAreRead() throws {
        let doc = try #require(CompoundFile.entryNames(in: try fixture("legacy.doc")))
        #expect(doc.contains("WordDocument"))
        #expect(doc.contains("1Table"))
        #expect(CompoundFile.entryNames(in: try fixture("legacy.xls"))?.contains("Workbook") == true)
        #expect(CompoundFile.entryNames(in: try fixture("legacy.xls").prefix(512)) == nil)
        #expect(CompoundFile.entryNames(in: try fixture("report.pdf")) == nil)
    }

    @Test func aPDFHeaderAfterSomeJunkStillCounts() {
        let late = Data(repeating: 0x20, count: 1000) + Data("%PDF-1.4\n".utf8)
        #expect(EvidenceKind.check(filename: "scan.pdf", contentPrefix: late) == .success(.pdf))
        let tooLate = Data(repeating: 0x20, count: 2000) + Data("%PDF-1.4\n".utf8)
        #expect(
            EvidenceKind.check(filename: "scan.pdf", contentPrefix: tooLate)
                == .failure(.unrecognised(filename: "scan.pdf")))
    }

    @Test func truncatedAndDamagedContainersNeverCrash() throws {
        for (file, _) in Self.files {
            let data = try fixture(file)
            for length in [1, 4, 8, 30, 47, 100, 513, data.count / 2] {
                _ = EvidenceKind.check(filename: file, contentPrefix: data.prefix(length))
            }
            var damaged = data
            // Scramble the tail, where ZIP keeps its directory.
            for index in damaged.indices.suffix(60) { damaged[index] = 0xFF }
            _ = EvidenceKind.check(filename: file, contentPrefix: damaged)
        }
    }

    @Test func everyKindHasItsEndingsMediaTypeAndName() {
        var seen: Set<String> = []
        for kind in EvidenceKind.allCases {
            #expect(kind.allowedExtensions.first == kind.canonicalExtension)
            for ending in kind.allowedExtensions {
                #expect(seen.insert(ending).inserted, "\(ending) belongs to one kind")
            }
            #expect(kind.mediaType.contains("/"))
            #expect(!kind.formatName.isEmpty)
        }
        #expect(EvidenceKind.jpeg.allowedExtensions == ["jpg", "jpeg"])
        #expect(EvidenceKind.tiff.allowedExtensions == ["tif", "tiff"])
    }
}

extension Result {
    fileprivate var refusal: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
