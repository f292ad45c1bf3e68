import Foundation
import PartrackDomain
import Testing
import ZIPFoundation

@testable import PartrackFiles

/// Mutated Word, Excel and CSV files for a bounded time from a fixed seed: reading them either
/// gives a draft or throws a user-facing error, never crashes.
@Suite struct DocumentFuzzTests {
    /// A fixed seed, so a failure can be replayed.
    typealias Generator = SeededRandom

    @Test func survivesMutatedDocuments() throws {
        let names = ["001-ba-giang.docx", "001-ba-giang-appendix.xlsx", "001-ba-giang-appendix.csv", "001-ba-giang.md"]
        let originals = try names.map { ($0, try DocumentFixtures.fixture($0)) }
        var random = Generator(seed: 7_122_023)
        let clock = ContinuousClock()
        let start = clock.now
        var runs = 0
        // A minimum of inputs however slow the machine, then more while the budget lasts.
        while runs < 50 || clock.now - start < .seconds(3) {
            let (name, original) = originals[Int(random.next() % UInt64(originals.count))]
            var bytes = [UInt8](original)
            for _ in 0..<Int(1 + random.next() % 12) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next() % 64)))
                default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
                }
                if bytes.isEmpty { bytes = [0x20] }
            }
            do {
                _ = try DocumentFixtures.read(Data(bytes), name)
            } catch let error as any UserFacingError {
                #expect(!error.message.key.isEmpty)
            }
            runs += 1
        }
    }

    /// Word parts whose XML is broken in ways a damaged or hostile file can be (markup characters,
    /// entities, processing instructions, a DTD), packed with a correct checksum so they reach the
    /// XML parser.
    @Test func survivesMalformedXMLInsideAWholePackage() throws {
        let original = try DocumentFixtures.fixture("001-ba-giang.docx")
        let package = try ZipPackage(data: original, filename: "x.docx", maxUnpackedBytes: 8 << 20)
        let xml = Array(String(decoding: try #require(try package.read("word/document.xml")), as: UTF8.self))
        let pieces = [
            "<", ">", "/", "\"", "=", ":", "&", "&amp;", "&#0;", "&#xD800;", "<w:p>", "</w:p>", "<!--", "]]>",
            "<![CDATA[", "<?x?>", "<!DOCTYPE a [<!ENTITY e \"x\">]>", "&e;", "\u{0}", "\u{FFFE}", "ư",
        ]
        var random = Generator(seed: 2_023_0210)
        let clock = ContinuousClock()
        let start = clock.now
        var runs = 0
        while runs < 50 || clock.now - start < .seconds(2) {
            var text = xml
            for _ in 0..<Int(1 + random.next() % 6) {
                let at = Int(random.next() % UInt64(text.count))
                if random.next() % 2 == 0 {
                    text.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: at)
                } else {
                    text.removeSubrange(at..<min(text.count, at + Int(random.next() % 40)))
                }
            }
            let body = Data(String(text).utf8)
            let archive = try Archive(accessMode: .create)
            try archive.addEntry(
                with: "word/document.xml", type: .file, uncompressedSize: Int64(body.count),
                compressionMethod: .deflate,
                provider: { position, length in body.subdata(in: Int(position)..<Int(position) + length) })
            do {
                _ = try DocumentFixtures.read(try #require(archive.data), "x.docx")
            } catch let error as any UserFacingError {
                #expect(!error.message.key.isEmpty)
            }
            runs += 1
        }
    }

    @Test func refusesProcessingInstructionsAndDTDsBeforeTheXMLParserSeesThem() {
        #expect(XMLElementNode.parse(Data("<?xml version=\"1.0\"?><a><?x?></a>".utf8)) == nil)
        #expect(XMLElementNode.parse(Data("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>".utf8)) == nil)
        #expect(XMLElementNode.parse(Data([0x3C, 0x61, 0x20, 0x62, 0x3D, 0x22, 0xA7, 0x22, 0x2F, 0x3E])) == nil)
        let good = XMLElementNode.parse(
            Data("\u{FEFF}<?xml version=\"1.0\"?><!-- c --><a x=\"1\"><![CDATA[t]]></a>".utf8))
        #expect(good?.name == "a" && good?.attributes["x"] == "1")
    }
}
