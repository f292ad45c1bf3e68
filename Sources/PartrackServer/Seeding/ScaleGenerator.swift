import Fluent
import Foundation
import PartrackDomain
import PartrackFiles
import Vapor

/// Fills a database with a generated province of N communes × M tasks, with varied states, dates,
/// completion times, evidence counts and sent reports, for benchmarks and for trying the pages at
/// province scale.
/// Deterministic: the same seed and sizes give the same data.
struct ScaleGenerator {
    struct Options {
        var communes = 200
        var tasksPerCommune = 60
        var seed: UInt64 = 1
        var year = 2023
    }

    static let positionTitles = [
        "Văn phòng – Thống kê", "Văn hóa – Xã hội", "Tư pháp – Hộ tịch", "Tài chính – Kế toán", "Bộ phận Một cửa",
    ]

    let app: Application
    let options: Options

    /// Returns the province's unit code. Refuses to generate twice with the same seed.
    func generate() async throws -> String {
        let provinceCode = "sinh-\(options.seed)"
        if try await OrgUnit.query(on: app.db).filter(\.$code == provinceCode).first() != nil {
            throw GeneratorError.alreadyGenerated(provinceCode)
        }
        let definition = try CatalogFile.load(
            contentsOf: app.partrack.seedsDirectory.appendingPathComponent("catalogs/commune-sample-2023.yaml"))
        let catalog = try await CatalogStore.save(definition, on: app.db)
        let catalogID = try catalog.requireID()
        let leavesByArea = Dictionary(grouping: definition.allNodes.filter { $0.isLeaf && $0.measure == .tasks }) {
            String($0.code.prefix { $0 != "." })
        }
        let passwordHash = try app.password.hash("partrack-demo")
        var random = SeededRandom(seed: options.seed)
        let evidenceFiles = try await makeEvidenceFiles()

        let province = OrgUnit(
            code: provinceCode, name: "Tỉnh sinh tự động số \(options.seed)", level: .province, parentID: nil)
        try await province.create(on: app.db)
        try await User(
            username: "\(provinceCode).noivu", displayName: "Sở Nội vụ (dữ liệu sinh)", passwordHash: passwordHash,
            role: .reviewer, unitID: province.requireID()
        ).create(on: app.db)

        for number in 1...options.communes {
            // Draw the commune's tasks first: the transaction's closure may not touch the generator.
            let tasks = drawTasks(leavesByArea: leavesByArea, random: &random)
            let evidenceCounts = tasks.map { task in
                Int.random(in: 0...(task.state == .done ? 3 : task.state == .inProgress ? 1 : 0), using: &random)
            }
            // Days after the due date each of Q1, H1 and 9M was sent (negative: early; nil: never).
            let reportDelays: [Int?] = (0..<3).map { _ in
                let roll = Int.random(in: 0..<10, using: &random)
                return roll < 6
                    ? -Int.random(in: 0...5, using: &random) : roll < 9 ? Int.random(in: 1...10, using: &random) : nil
            }
            try await app.db.transaction { db in
                let (planID, unitID) = try await createCommune(
                    number, provinceID: province.requireID(), provinceCode: provinceCode, catalogID: catalogID,
                    tasks: tasks, evidence: (evidenceCounts, evidenceFiles), passwordHash: passwordHash, on: db)
                try await sendReports(of: planID, unitID: unitID, delays: reportDelays, on: db)
            }
        }
        return provinceCode
    }

    private func createCommune(
        _ number: Int, provinceID: Int, provinceCode: String, catalogID: Int, tasks drawn: [NewTask],
        evidence: (counts: [Int], files: [StagedFile]), passwordHash: String, on db: any Database
    ) async throws -> (planID: Int, unitID: Int) {
        let code = "\(provinceCode)-xa-\(number)"
        let unit = OrgUnit(code: code, name: "UBND xã Mẫu \(number)", level: .commune, parentID: provinceID)
        try await unit.create(on: db)
        let unitID = try unit.requireID()
        var positionIDs: [Int] = []
        var officerIDs: [Int] = []
        for (index, title) in Self.positionTitles.enumerated() {
            let position = Position(unitID: unitID, title: title, aliases: [])
            position.compilesUnitReport = index == 0
            try await position.create(on: db)
            positionIDs.append(try position.requireID())
            let officer = User(
                username: "\(code).cc\(index + 1)", displayName: "Công chức \(index + 1) xã \(number)",
                passwordHash: passwordHash, role: .officer, unitID: unitID)
            try await officer.create(on: db)
            officerIDs.append(try officer.requireID())
            try await PositionHolder(positionID: positionIDs[index], userID: officer.requireID()).create(on: db)
        }
        try await User(
            username: "\(code).chutich", displayName: "Chủ tịch xã \(number)", passwordHash: passwordHash,
            role: .leader, unitID: unitID
        ).create(on: db)

        // Drawn tasks name their position by index among `positionTitles`.
        let tasks = drawn.map { task in
            var task = task
            task.leadPositionIDs = task.leadPositionIDs.map { positionIDs[$0] }
            return task
        }
        let plan = try await PlanWriter.create(
            NewPlan(
                unitID: unitID, catalogID: catalogID, year: options.year, number: "\(number)/KH-UBND",
                documentDate: LocalDate(year: options.year, month: 1, day: 15),
                title: "Kế hoạch nâng cao Chỉ số CCHC năm \(options.year) — xã Mẫu \(number) (dữ liệu sinh)",
                targetRank: nil, targetClass: "Tốt", state: .active,
                periods: ReportingCalendar.defaultPeriods(year: options.year), tasks: tasks),
            on: db)

        // Evidence rows pointing at the few files stored once: the same file on many tasks, as in life.
        let stored = try await PlanTask.query(on: db).filter(\.$plan.$id == plan.requireID()).sort(\.$sortOrder).all()
        var rows: [Evidence] = []
        for (index, task) in stored.enumerated() where evidence.counts[index] > 0 {
            let uploader = officerIDs[index % officerIDs.count]
            for copy in 0..<evidence.counts[index] {
                let file = evidence.files[(index + copy) % evidence.files.count]
                rows.append(
                    Evidence(
                        taskID: try task.requireID(), filename: "tai-lieu-\(index + 1)-\(copy + 1).pdf", kind: "pdf",
                        contentType: "application/pdf", size: file.size, sha256: file.sha256, uploaderID: uploader,
                        uploadedAt: task.completedAt
                            ?? app.partrack.clock.startOfDay(
                                task.dueDate ?? LocalDate(year: options.year, month: 1, day: 1)!)))
            }
        }
        if !rows.isEmpty { try await rows.create(on: db) }
        return (try plan.requireID(), unitID)
    }

    /// The commune's own reports for the first periods, sent as drawn.
    private func sendReports(of planID: Int, unitID: Int, delays: [Int?], on db: any Database) async throws {
        let periods = try await ReportPeriod.query(on: db).filter(\.$plan.$id == planID).all()
            .sorted { $0.kind < $1.kind }
        for (period, delay) in zip(periods, delays) {
            guard let delay else { continue }
            let report = PeriodReport(periodID: try period.requireID(), unitID: unitID, positionID: nil)
            let sent = app.partrack.clock.instant(on: period.dueDate.adding(days: delay), hour: 16, minute: 0)
            report.approvedAt = sent
            report.submittedAt = sent
            try await report.create(on: db)
        }
    }

    /// A stored evidence file the generated rows point to.
    struct StagedFile {
        let sha256: String
        let size: Int
    }

    /// A handful of small real PDF files, stored once in the evidence store.
    private func makeEvidenceFiles() async throws -> [StagedFile] {
        let store = EvidenceStore(dataDirectory: app.partrack.config.dataDirectory)
        return try await (1...6).asyncMap { number in
            let pdf =
                "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% partrack: tai lieu kiem chung mau \(number)\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n"
            let staged = try await StagedUpload.receive(
                SingleChunk(buffer: ByteBuffer(string: pdf)), limit: 1 << 20, in: store.stagingDirectory)
            _ = try store.commit(staged)
            return StagedFile(sha256: staged.sha256, size: staged.size)
        }
    }

    /// One commune's tasks with their outcomes, positions given by index among `positionTitles`.
    private func drawTasks(leavesByArea: [String: [CatalogNodeDefinition]], random: inout SeededRandom) -> [NewTask] {
        // Each commune is a little better or worse than the others, so rankings spread out.
        let diligence = Double.random(in: 0.45...0.95, using: &random)
        let areas = leavesByArea.keys.sorted()
        return (0..<options.tasksPerCommune).map { index -> NewTask in
            let area = areas[index % areas.count]
            let leaves = leavesByArea[area] ?? []
            let leaf = leaves[Int.random(in: 0..<leaves.count, using: &random)]
            let due = LocalDate(
                year: options.year, month: Int.random(in: 2...12, using: &random),
                day: Int.random(in: 1...28, using: &random))!
            var task = NewTask(
                title: "Nhiệm vụ \(index + 1): \(leaf.title)", areaCode: area,
                leadPositionIDs: [index % Self.positionTitles.count], criteria: [(leaf.code, 1)], dueDate: due)
            let roll = Double.random(in: 0..<1, using: &random)
            if roll < diligence * 0.8 {
                task.state = .done
                task.progress = 100
                task.completedAt = app.partrack.clock.instant(
                    on: due.adding(days: -Int.random(in: 0...25, using: &random)), hour: 10, minute: 0)
            } else if roll < diligence {
                task.state = .done
                task.progress = 100
                task.completedAt = app.partrack.clock.instant(
                    on: due.adding(days: Int.random(in: 1...40, using: &random)), hour: 15, minute: 30)
            } else if roll < 0.97 {
                task.state = .inProgress
                task.progress = [20, 40, 60, 80][Int.random(in: 0..<4, using: &random)]
            } else {
                task.state = .cancelled
            }
            return task
        }
    }
}

enum GeneratorError: Error, CustomStringConvertible {
    case alreadyGenerated(String)

    var description: String {
        switch self {
        case .alreadyGenerated(let code):
            return
                "Đã có dữ liệu sinh với mã \(code); hãy dùng --seed khác. (Already generated as \(code); use another --seed.)"
        }
    }
}

/// `partrack-server generate --communes 200 --tasks 60 --seed 1 [--year 2023]`
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "communes", help: "Số xã / number of communes (default 200)") var communes: Int?
        @Option(name: "tasks", help: "Số nhiệm vụ mỗi xã / tasks per commune (default 60)") var tasks: Int?
        @Option(name: "seed", help: "Hạt giống / seed: the same seed gives the same data (default 1)") var seed: Int?
        @Option(name: "year", help: "Năm kế hoạch / plan year (default 2023)") var year: Int?
    }

    var help: String {
        "Sinh dữ liệu quy mô tỉnh để thử và đo hiệu năng (generate province-scale data for benchmarks)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        var options = ScaleGenerator.Options()
        if let communes = signature.communes { options.communes = max(1, communes) }
        if let tasks = signature.tasks { options.tasksPerCommune = max(1, tasks) }
        if let seed = signature.seed { options.seed = UInt64(max(0, seed)) }
        if let year = signature.year { options.year = year }
        let started = Date()
        let code = try await ScaleGenerator(app: context.application, options: options).generate()
        context.console.print(
            "Đã sinh \(options.communes) xã × \(options.tasksPerCommune) nhiệm vụ (tỉnh \(code)) trong "
                + String(format: "%.1f", Date().timeIntervalSince(started)) + " s.")
    }
}
