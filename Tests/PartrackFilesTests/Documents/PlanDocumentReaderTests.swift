import Foundation
import PartrackDomain
import Testing
import ZIPFoundation

@testable import PartrackFiles

/// The same plan (seed 001) as text, Markdown, Word, and its task table as CSV and Excel gives the
/// same tasks; bad files give a clear message and no draft.
@Suite struct PlanDocumentReaderTests {
    let text: PlanDraft

    init() throws {
        text = try DocumentFixtures.read(DocumentFixtures.seed001(), "001.txt")
    }

    var textShapes: [DocumentFixtures.TaskShape] { DocumentFixtures.shapes(text.positionTasks) }

    @Test func readsTheSeedTextAsThePositionPlan() {
        #expect(text.positionTasks.count == 38)
        #expect(text.summary.key == "import.summary.position_plan")
    }

    @Test func readsTheMarkdownFixtureAsTheSamePlan() throws {
        let markdown = try DocumentFixtures.read(DocumentFixtures.fixture("001-ba-giang.md"), "ke-hoach.md")
        #expect(DocumentFixtures.shapes(markdown.positionTasks) == textShapes)
        #expect(markdown.tasks.count == text.tasks.count)
        #expect(markdown.periods == text.periods && markdown.periodsFromDocument)
        #expect(
            markdown.goals
                == PlanGoals(
                    targetRank: RankTarget(position: 4, of: 19), targetClass: "Tốt", location: markdown.goals.location))
    }

    @Test func readsTheWordFixtureWithItsHeaderTableAndAutomaticNumbering() throws {
        let word = try DocumentFixtures.read(DocumentFixtures.fixture("001-ba-giang.docx"), "Kế hoạch.docx")
        #expect(DocumentFixtures.shapes(word.positionTasks) == textShapes)
        #expect(word.tasks.count == text.tasks.count)
        #expect(word.header.number == "/KH-UBND" && word.header.place == "Ba Giang" && word.header.year == 2023)
        #expect(word.periods == text.periods && word.periodsFromDocument)
        #expect(word.unknownPositions.isEmpty)
    }

    @Test func readsTheWordParagraphsWithNumberingWrittenOut() throws {
        let document = try DocxReader.read(
            DocumentFixtures.fixture("001-ba-giang.docx"), filename: "x.docx", maxUnpackedBytes: 8 << 20)
        let paragraphs = document.blocks.compactMap { block -> String? in
            if case .paragraph(let text) = block { return text }
            return nil
        }
        #expect(paragraphs.contains("2. Phân công thực hiện nhiệm vụ và giải pháp cụ thể"))
        #expect(paragraphs.contains("2.3. Chỉ số đối với lĩnh vực cải cách TTHC"))
        #expect(
            paragraphs.contains(
                "2.7. Chỉ số đối với lĩnh vực xây dựng và phát triển chính quyền điện tử, hướng đến chính quyền số"))
        #expect(paragraphs.contains { $0.hasPrefix("- Tham mưu xây dựng kế hoạch, tổ chức tự kiểm tra") })
        guard case .table(let header) = document.blocks.first else {
            Issue.record("the document starts with its header table")
            return
        }
        #expect(header[1] == ["Số: /KH-UBND", "Ba Giang, ngày tháng 02 năm 2023"])
    }

    @Test(arguments: ["001-ba-giang-appendix.csv", "001-ba-giang-appendix.xlsx"])
    func readsTheAppendixTableAsTheSameTasks(name: String) throws {
        let table = try DocumentFixtures.read(DocumentFixtures.fixture(name), name)
        #expect(DocumentFixtures.shapes(table.tasks) == textShapes)
        #expect(table.tasks.allSatisfy { !$0.needsAssignment && $0.origin == .tableRow })
        #expect(table.summary.key == "import.summary.appendix_table")
        let dueDates = Set(table.tasks.compactMap(\.due?.formatted))
        #expect(dueDates == ["31/03/2023", "30/06/2023", "30/09/2023", "15/11/2023"])
        #expect(table.tasks.filter { $0.recurrence?.kind == .everyReportPeriod }.count == 8)
        #expect(table.tasks.filter { $0.cooperatingPositionKeys == ["5"] }.count == 8)
    }

    @Test func namesTheSheetAndCellOfAnXlsxTask() throws {
        let table = try DocumentFixtures.read(DocumentFixtures.fixture("001-ba-giang-appendix.xlsx"), "phu-luc.xlsx")
        #expect(table.tasks.first?.source == .cell("Phụ lục!B4"))
        #expect(table.tasks.first?.expectedOutput == "Báo cáo")
    }

    @Test func readsANamedSheetAndRefusesAMissingOne() throws {
        let data = try DocumentFixtures.fixture("001-ba-giang-appendix.xlsx")
        #expect(try DocumentFixtures.read(data, "a.xlsx", sheet: "phu luc").tasks.count == 38)
        #expect(throws: PlanDocumentError.sheetNotFound(sheet: "Sheet9", sheets: ["Phụ lục"])) {
            try DocumentFixtures.read(data, "a.xlsx", sheet: "Sheet9")
        }
    }

    // MARK: Bad input

    @Test func refusesAnEmptyFile() {
        #expect(throws: PlanImportError.empty) { try DocumentFixtures.read(Data(), "ke-hoach.docx") }
        #expect(throws: PlanImportError.empty) { try DocumentFixtures.read(Data("  \r\n".utf8), "ke-hoach.txt") }
    }

    @Test func refusesABinaryFileRenamedDocx() {
        var random = SystemRandomNumberGenerator()
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 1...255, using: &random) })
        #expect(
            throws: PlanDocumentError.notWhatNameSays(
                filename: "ke-hoach.docx", extension: ".docx", kind: "Word (.docx)")
        ) { try DocumentFixtures.read(bytes, "ke-hoach.docx") }
        #expect(throws: PlanDocumentError.notText(filename: "anh.txt")) {
            try DocumentFixtures.read(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]), "anh.txt")
        }
    }

    @Test func refusesAFileOverTheLimitBeforeReadingIt() {
        let big = Data(count: 50 << 20)
        #expect(
            throws: PlanDocumentError.tooLarge(filename: "lon.docx", size: 50 << 20, limit: DocumentFixtures.limit)
        ) { try DocumentFixtures.read(big, "lon.docx") }
        #expect(
            PlanDocumentError.tooLarge(filename: "lon.docx", size: 50 << 20, limit: 10 << 20).message.arguments["size"]
                == "50 MB")
    }

    @Test func refusesAZipBomb() throws {
        // 24 MB of zeros packs into a few kilobytes; a 1 MB upload may unpack to 20 MB at most.
        let archive = try Archive(accessMode: .create)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(24 << 20), compressionMethod: .deflate,
            provider: { _, length in Data(count: length) })
        let data = try #require(archive.data)
        #expect(data.count < 1 << 20)
        #expect(PlanDocumentReader.unpackedLimit(forUpload: 1 << 20) == 20 << 20)
        #expect(throws: PlanDocumentError.unpackedTooLarge(filename: "bom.docx", limit: 20 << 20)) {
            try PlanDocumentReader.read(
                data, filename: "bom.docx", maxBytes: 1 << 20, context: DocumentFixtures.context)
        }
    }

    @Test func refusesOtherZipsOldOfficeAndPDF() throws {
        let archive = try Archive(accessMode: .create)
        try archive.addEntry(
            with: "content.xml", type: .file, uncompressedSize: Int64(5), provider: { _, _ in Data("hello".utf8) })
        #expect(throws: PlanDocumentError.unknownZip(filename: "a.odt")) {
            try DocumentFixtures.read(try #require(archive.data), "a.odt")
        }
        #expect(throws: PlanDocumentError.legacyOffice(filename: "a.doc")) {
            try DocumentFixtures.read(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), "a.doc")
        }
        #expect(throws: PlanDocumentError.pdf(filename: "a.pdf")) {
            try DocumentFixtures.read(Data("%PDF-1.7\n".utf8), "a.pdf")
        }
    }

    @Test func refusesADamagedWordFile() throws {
        let data = try DocumentFixtures.fixture("001-ba-giang.docx")
        #expect(throws: PlanDocumentError.self) { try DocumentFixtures.read(data.prefix(data.count / 2), "nua.docx") }
    }

    @Test func refusesTextThatIsNotUTF8AndReadsUTF16() throws {
        var latin1 = Data("KẾ HOẠCH".utf8.prefix(1))
        latin1.append(contentsOf: [0x45, 0x20, 0xE0, 0x20, 0x48])  // "E à H" in Latin-1
        #expect(throws: PlanDocumentError.notUTF8(filename: "cu.txt", offset: 3)) {
            try DocumentFixtures.read(latin1, "cu.txt")
        }
        let text = try String(data: DocumentFixtures.seed001(), encoding: .utf8)!
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(text.data(using: .utf16LittleEndian)!)
        #expect(try DocumentFixtures.read(utf16, "ke-hoach.txt").positionTasks.count == 38)
    }

    @Test func refusesATableWithAMissingColumnNamingTheCell() throws {
        let csv = "\u{FEFF}STT;Nhiệm vụ / Giải pháp;Thời gian hoàn thành\r\n1;Việc A;Quý II\r\n"
        #expect(throws: PlanImportError.missingColumns(names: ["Cơ quan chủ trì"], at: .cell("A1"))) {
            try DocumentFixtures.read(Data(csv.utf8), "phu-luc.csv")
        }
    }

    @Test func refusesAnImpossibleDateInATableNamingTheCell() throws {
        let csv = "STT,Nhiệm vụ,Cơ quan chủ trì,Thời gian hoàn thành\n1,Việc A,VP-TK,31/02/2024\n"
        #expect(
            throws: PlanImportError.impossibleDate(text: "31/02/2024", day: 31, month: 2, year: 2024, at: .cell("D2"))
        ) { try DocumentFixtures.read(Data(csv.utf8), "bang.txt") }
    }

    @Test func readsTextThatOnlyLooksLikeATableAsAPlan() throws {
        let text = """
            Ghi chú; phân loại; mức độ
            a; b; c
            2.1. Chỉ số đối với lĩnh vực cải cách thể chế
            * Công chức Tư pháp – Hộ tịch:
            - Ban hành kế hoạch theo dõi thi hành pháp luật.
            """
        let draft = try DocumentFixtures.read(Data(text.utf8), "ke-hoach.txt")
        #expect(draft.positionTasks.map(\.leadPositionKeys) == [["3"]])
    }

    @Test func reportsAPositionTheUnitDoesNotHaveWithItsCell() throws {
        let csv = "STT;Nhiệm vụ;Cơ quan chủ trì\n1;Đo đạc, chỉnh lý bản đồ địa chính;Địa chính – Xây dựng\n"
        let draft = try DocumentFixtures.read(Data(csv.utf8), "bang.csv")
        #expect(draft.tasks.count == 1 && draft.tasks[0].needsAssignment)
        #expect(
            draft.unknownPositions == [
                UnknownPosition(name: "Địa chính – Xây dựng", location: .cell("C2"), taskCount: 1)
            ])
    }
}
