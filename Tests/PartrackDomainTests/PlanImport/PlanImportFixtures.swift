import Foundation
import PartrackDomain

/// The unit and catalog plan-import tests run against: xã Ba Giang's positions as the demo data has
/// them, and the sample commune catalog of seeds/catalogs/commune-sample-2023.yaml written out in
/// Swift (the YAML loader lives in PartrackFiles; the domain tests must not depend on it).
enum PlanImportFixtures {
    /// As seeds/demo/organisation.yaml lists them (`commune_positions`), keys "1"…"5".
    static let positions: [KnownPosition] = [
        KnownPosition(key: "1", title: "Văn phòng – Thống kê", aliases: ["VP-TK", "VPTK", "Văn phòng"]),
        KnownPosition(key: "2", title: "Văn hóa – Xã hội", aliases: ["VH-XH", "VHXH", "Văn hóa"]),
        KnownPosition(key: "3", title: "Tư pháp – Hộ tịch", aliases: ["TP-HT", "TPHT", "Tư pháp"]),
        KnownPosition(key: "4", title: "Tài chính – Kế toán", aliases: ["TC-KT", "TCKT", "Tài chính", "Kế toán"]),
        KnownPosition(key: "5", title: "Bộ phận Một cửa", aliases: ["Một cửa", "Bộ phận tiếp nhận và trả kết quả"]),
    ]

    static let context = PlanImportContext(catalog: catalog, positions: positions, fallbackYear: 2024)

    /// Mirrors seeds/catalogs/commune-sample-2023.yaml (codes, titles, points, measures).
    static let catalog = CatalogDefinition(
        name: "Bộ chỉ số CCHC cấp xã — MẪU (7 lĩnh vực theo QĐ 876/QĐ-BNV)", year: 2023, level: .commune,
        decision: "Mẫu minh họa theo cấu trúc QĐ 876/QĐ-BNV ngày 10/11/2022; điểm số do tỉnh ban hành thay thế",
        isSample: true, lateCreditPercent: 50,
        classes: [
            ClassThreshold(name: "Tốt", minPercentHundredths: 9000),
            ClassThreshold(name: "Khá", minPercentHundredths: 7000),
            ClassThreshold(name: "Trung bình", minPercentHundredths: 5000),
            ClassThreshold(name: "Kém", minPercentHundredths: 0),
        ],
        areas: [
            node(
                "1", "Công tác chỉ đạo, điều hành cải cách hành chính", 14,
                [
                    node(
                        "1.1", "Kế hoạch cải cách hành chính năm", 3,
                        [
                            node("1.1.1", "Ban hành kế hoạch CCHC năm kịp thời, đúng quy định", 1),
                            node("1.1.2", "Mức độ hoàn thành kế hoạch CCHC; theo dõi, đôn đốc thực hiện nhiệm vụ", 2),
                        ]),
                    node(
                        "1.2", "Báo cáo cải cách hành chính định kỳ", 2,
                        [
                            node(
                                "1.2.1", "Số lượng, thời hạn báo cáo CCHC quý, 6 tháng, 9 tháng, năm", 2,
                                measure: .reportCompliance)
                        ]),
                    node(
                        "1.3", "Kiểm tra công tác cải cách hành chính", 2,
                        [
                            node("1.3.1", "Ban hành và thực hiện kế hoạch tự kiểm tra CCHC", 1),
                            node("1.3.2", "Xử lý các vấn đề phát hiện qua kiểm tra", 1),
                        ]),
                    node(
                        "1.4", "Công tác tuyên truyền cải cách hành chính", 3,
                        [
                            node("1.4.1", "Ban hành kế hoạch tuyên truyền CCHC", 1),
                            node("1.4.2", "Mức độ thực hiện và báo cáo kết quả tuyên truyền CCHC", 2),
                        ]),
                    node("1.5", "Sáng kiến, giải pháp mới trong cải cách hành chính", 2),
                    node("1.6", "Thực hiện nhiệm vụ được UBND cấp trên giao", 2),
                ]),
            node(
                "2", "Cải cách thể chế", 10,
                [
                    node(
                        "2.1", "Theo dõi thi hành pháp luật", 3,
                        [
                            node("2.1.1", "Ban hành kế hoạch theo dõi thi hành pháp luật", 1),
                            node("2.1.2", "Thực hiện, xử lý kết quả theo dõi thi hành pháp luật", 2),
                        ]),
                    node(
                        "2.2", "Kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật", 4,
                        [
                            node("2.2.1", "Ban hành kế hoạch kiểm tra, rà soát, hệ thống hóa văn bản QPPL", 1),
                            node("2.2.2", "Rà soát, xử lý văn bản QPPL chồng chéo, mâu thuẫn, hết hiệu lực", 3),
                        ]),
                    node("2.3", "Phổ biến, giáo dục pháp luật; ứng dụng công nghệ thông tin", 3),
                ]),
            node(
                "3", "Cải cách thủ tục hành chính", 22,
                [
                    node(
                        "3.1", "Kiểm soát, công bố, công khai thủ tục hành chính", 6,
                        [
                            node("3.1.1", "Kiểm soát quy định TTHC; thực hiện đúng TTHC được công bố", 3),
                            node("3.1.2", "Công khai TTHC tại Bộ phận Một cửa và trên Cổng thông tin điện tử", 3),
                        ]),
                    node("3.2", "Rà soát, đánh giá, đơn giản hóa thủ tục hành chính", 3),
                    node(
                        "3.3", "Thực hiện cơ chế một cửa, một cửa liên thông", 7,
                        [
                            node("3.3.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn, giảm hồ sơ trễ hẹn", 4),
                            node("3.3.2", "Đánh giá việc giải quyết TTHC, mức độ hài lòng của tổ chức, cá nhân", 3),
                        ]),
                    node("3.4", "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp", 3),
                    node("3.5", "Kiểm tra công vụ đối với cán bộ, công chức giải quyết TTHC", 3),
                ]),
            node(
                "4", "Cải cách tổ chức bộ máy hành chính nhà nước", 8,
                [
                    node("4.1", "Quản lý, sử dụng biên chế; tinh giản biên chế", 4),
                    node("4.2", "Thực hiện phân cấp, ủy quyền quản lý nhà nước", 4),
                ]),
            node(
                "5", "Cải cách chế độ công vụ", 14,
                [
                    node("5.1", "Vị trí việc làm của cán bộ, công chức", 4),
                    node("5.2", "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức", 4),
                    node("5.3", "Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức", 3),
                    node("5.4", "Kỷ luật, kỷ cương hành chính", 3),
                ]),
            node(
                "6", "Cải cách tài chính công", 12,
                [
                    node("6.1", "Quản lý, sử dụng kinh phí ngân sách được giao", 3),
                    node("6.2", "Quản lý, sử dụng tài sản công", 3),
                    node("6.3", "Giải ngân kế hoạch vốn đầu tư công", 4),
                    node("6.4", "Thực hiện kiến nghị sau thanh tra, kiểm tra, kiểm toán", 2),
                ]),
            node(
                "7", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", 20,
                [
                    node(
                        "7.1", "Kế hoạch phát triển chính quyền điện tử, chính quyền số; kỹ năng số cho người dân", 3),
                    node("7.2", "Hệ thống quản lý văn bản, gửi nhận văn bản điện tử có chữ ký số", 4),
                    node("7.3", "Cung cấp dịch vụ công trực tuyến", 5),
                    node("7.4", "Số hóa hồ sơ, kết quả giải quyết TTHC", 3),
                    node("7.5", "Áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015", 2),
                    node("7.6", "Tiếp nhận hồ sơ, trả kết quả qua dịch vụ bưu chính công ích", 3),
                ]),
        ])

    private static func node(
        _ code: String, _ title: String, _ points: Int, _ children: [CatalogNodeDefinition] = [],
        measure: CriterionMeasure = .tasks
    ) -> CatalogNodeDefinition {
        CatalogNodeDefinition(code: code, title: title, maxPoints: Points(points), measure: measure, children: children)
    }

    // MARK: Seed documents

    /// The repository root, found from this file's real path (the test folder may be reached
    /// through a symbolic link).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // PlanImport
        .deletingLastPathComponent()  // PartrackDomainTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let seedNames = [
        "000_8fe64da50d723609.txt", "001_341dbe7e484b0306.txt", "002_89399f4e539d1c22.txt",
        "003_223e2b953541c990.txt", "004_0385da66e8f403c6.txt",
    ]

    static func seed(_ number: Int) throws -> String {
        let url = repositoryRoot.appendingPathComponent("seeds/plans/\(seedNames[number])")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/plans/\(name)"))
    }
}
