import Foundation
import Testing

@testable import PartrackDomain

@Suite struct TextFoldingTests {
    @Test func foldsDiacriticsCaseAndDashesAlike() {
        #expect(TextFolding.fold("VĂN PHÒNG – Thống kê") == "van phong - thong ke")
        #expect(TextFolding.fold("Đường đi") == "duong di")
        #expect(TextFolding.fold("a—b‐c−d") == "a-b-c-d")
    }

    @Test func foldsNFCAndNFDToTheSameText() {
        let nfc = "Cải cách thủ tục hành chính, lĩnh vực Tư pháp – Hộ tịch"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.unicodeScalars) != Array(nfd.unicodeScalars))
        #expect(TextFolding.fold(nfc) == TextFolding.fold(nfd))
    }

    @Test func alignsFoldedAndOriginalCharacterForCharacter() {
        for text in ["Ủy ban 🇻🇳🇻🇳 nhân dân\u{301} x̂ã 👩‍👩‍👧", "Cải cách".decomposedStringWithCanonicalMapping, "\u{301}a"] {
            let aligned = AlignedText(text)
            #expect(aligned.folded.count == aligned.original.count)
        }
        #expect(AlignedText("Chậm nhất ngày 15/3").originalText(0..<9) == "Chậm nhất")
    }
}

@Suite struct PositionMatchingTests {
    let matcher = PositionMatcher(positions: PlanImportFixtures.positions)

    @Test(arguments: [
        "* Công chức Văn phòng – Thống kê:", "Văn phòng-Thống kê", "VP-TK", "vptk", "VĂN PHÒNG - THỐNG KÊ",
        "công chức Văn phòng Thống kê xã",
    ])
    func recognisesTheOfficeHoweverItIsWritten(text: String) {
        #expect(matcher.resolve(text) == .init(keys: ["1"]))
    }

    @Test func recognisesJusticeFromPartOfItsName() {
        #expect(matcher.resolve("công chức Tư pháp - Hộ tịch") == .init(keys: ["3"]))
        #expect(matcher.resolve("Công chức Tư pháp") == .init(keys: ["3"]))
    }

    @Test func readsSeveralPositionsOnOneLine() {
        #expect(
            matcher.resolve("*** Công chức Văn phòng – Thống kê, Công chức Văn hóa – Xã hội:**")
                == .init(keys: ["1", "2"]))
        #expect(
            matcher.resolve("Công chức Tài chính – Kế toán, Văn hóa – Xã hội, Tư pháp – Hộ tịch")
                == .init(keys: ["4", "2", "3"]))
        #expect(matcher.resolve("VP-TK và TC-KT") == .init(keys: ["1", "4"]))
    }

    @Test func takesANameInBracketsWhenTheOutsideIsADescription() {
        let desk = PositionMatcher(positions: [KnownPosition(key: "5", title: "Bộ phận Một cửa")])
        #expect(desk.resolve("Bộ phận tiếp nhận và trả kết quả (Bộ phận Một cửa) xã") == .init(keys: ["5"]))
        #expect(
            matcher.resolve("Công chức Văn phòng – Thống kê (Bộ phận trực tiếp tham mưu UBND xã)") == .init(keys: ["1"])
        )
    }

    @Test func doesNotTakeDistrictOfficesForCommunePositions() {
        #expect(matcher.resolve("Phòng Tư pháp") == .init(unmatched: ["Phòng Tư pháp"]))
        #expect(matcher.resolve("Văn phòng HĐND&UBND huyện") == .init(unmatched: ["Văn phòng HĐND&UBND huyện"]))
        #expect(matcher.resolve("Phòng Văn hóa và Thông tin").keys.isEmpty)
        #expect(matcher.resolve("Phòng Tài chính – Kế hoạch").keys.isEmpty)
    }

    @Test func reportsNamesThatAreNotPositionsOfTheUnit() {
        #expect(matcher.resolve("Công chức Địa chính – Xây dựng") == .init(unmatched: ["Địa chính – Xây dựng"]))
        #expect(
            matcher.resolve("Công chức Văn phòng – Thống kê, Công chức Địa chính – Xây dựng")
                == .init(keys: ["1"], unmatched: ["Địa chính – Xây dựng"]))
    }
}

@Suite struct CatalogMatchingTests {
    let matcher = CatalogMatcher(catalog: PlanImportFixtures.catalog)

    @Test(arguments: [
        ("Chỉ số đối với lĩnh vực công tác chỉ đạo, điều hành CCHC", "1"),
        ("Chỉ số đối với lĩnh vực cải cách thể chế", "2"),
        ("Chỉ số đối với lĩnh vực cải cách TTHC", "3"),
        ("LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "3"),
        ("Chỉ số đối với lĩnh vực cải cách tổ chức bộ máy", "4"),
        ("Chỉ số đối với lĩnh vực cải cách chế độ công vụ", "5"),
        ("Chỉ số đối với lĩnh vực cải cách tài chính công", "6"),
        ("Chỉ số đối với lĩnh vực xây dựng và phát triển chính quyền điện tử, hướng đến chính quyền số", "7"),
        ("Lĩnh vực xây dựng CQĐT, chính quyền số", "7"),
        ("Văn bản QPPL và cải cách thể chế", "2"),
    ])
    func matchesAreaHeadingsByMeaning(heading: String, code: String) {
        #expect(matcher.area(forHeading: heading)?.code == code)
        #expect(matcher.area(forHeading: heading.decomposedStringWithCanonicalMapping)?.code == code)
    }

    @Test func matchesNoAreaForUnrelatedHeadings() {
        #expect(matcher.area(forHeading: "Nhiệm vụ và giải pháp chung") == nil)
        #expect(matcher.area(forHeading: "Cơ quan chủ trì thực hiện các lĩnh vực, nội dung liên quan") == nil)
    }

    @Test func suggestsThePlanningCriteriaForAPlanningTask() {
        let text =
            "Tham mưu UBND xã ban hành kế hoạch CCHC hàng năm của xã đảm bảo chất lượng, đúng thời gian quy định"
            + " và thường xuyên theo dõi, đôn đốc, kiểm tra việc thực hiện các nhiệm vụ đã xác định trong kế hoạch"
        let codes = matcher.suggestCriteria(for: text, areaCode: "1").map(\.code)
        #expect(codes.first == "1.1.1")
        #expect(codes.contains("1.1.2"))
        #expect(matcher.suggestCriteria(for: text, areaCode: "1") == matcher.suggestCriteria(for: text, areaCode: "1"))
    }

    @Test func suggestsOnlyWithinTheArea() {
        let text = "Thực hiện số hóa kết quả giải quyết TTHC"
        #expect(matcher.suggestCriteria(for: text, areaCode: "7").map(\.code) == ["7.4"])
        #expect(matcher.suggestCriteria(for: text, areaCode: "6").isEmpty)
        let scores = matcher.suggestCriteria(for: text, areaCode: nil).map(\.score)
        #expect(scores == scores.sorted(by: >))
        #expect(scores.allSatisfy { (0...100).contains($0) })
    }
}
