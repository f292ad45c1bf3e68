import Foundation
import PartrackAPI
import PartrackDomain
import PartrackFiles

enum Benchmarks {
    static let all: [Benchmark] = [
        Benchmark(name: "catalog-load-sample", target: "reference figure") {
            let url = repositoryRoot.appendingPathComponent("seeds/catalogs/commune-sample-2023.yaml")
            return try await Timing.measure(runs: 50) { _ = try CatalogFile.load(contentsOf: url) }
        },
        Benchmark(name: "parse-seed-001", target: "well under 50 ms (issue 3)") {
            try await DomainBenchmarks.parseSeed001()
        },
        Benchmark(name: "parse-appendix-500-rows", target: "reference figure (issue 3)") {
            try await DomainBenchmarks.parseAppendix500()
        },
        Benchmark(name: "projection-engine-one-commune", target: "< 1 ms (issue 5)") {
            try await DomainBenchmarks.projectOneCommune()
        },
        Benchmark(name: "compliance-province-200x60-http", target: "< 100 ms on SQLite (issue 4)") {
            try await ProvinceBench.shared.compliance()
        },
        Benchmark(name: "projection-province-200x60-http", target: "< 150 ms on SQLite, end to end (issue 5)") {
            try await ProvinceBench.shared.projections()
        },
    ]
}

/// One generated province (200 communes × 60 tasks) served by a real server, shared by the
/// benchmarks that need it, so it is generated once per run.
actor ProvinceBench {
    static let shared = ProvinceBench()
    private var server: LiveServer?
    private var token = ""
    private var provinceID = 0

    private func ready() async throws -> (LiveServer, String, Int) {
        if let server { return (server, token, provinceID) }
        let started = try await LiveServer.start(communes: 200, tasks: 60)
        token = try await started.signIn("sinh-1.noivu")
        let decoder = JSONDecoder()
        provinceID = try decoder.decode(MeDTO.self, from: try await started.get("/api/v1/me", token: token)).unitID
        server = started
        return (started, token, provinceID)
    }

    func compliance() async throws -> Timing {
        let (server, token, province) = try await ready()
        return try await Timing.measure(runs: 15) {
            _ = try await server.get("/api/v1/compliance?unit=\(province)&period=Q1&year=2023", token: token)
        }
    }

    func projections() async throws -> Timing {
        let (server, token, province) = try await ready()
        return try await Timing.measure(runs: 15) {
            _ = try await server.get("/api/v1/projections?unit=\(province)&year=2023", token: token)
        }
    }

    func stop() async throws {
        try await server?.stop()
        server = nil
    }
}
