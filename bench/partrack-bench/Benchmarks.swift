import Foundation
import PartrackFiles

enum Benchmarks {
    static let all: [Benchmark] = [
        Benchmark(name: "catalog-load-sample", target: "none; reference figure") {
            let url = repositoryRoot.appendingPathComponent("seeds/catalogs/commune-sample-2023.yaml")
            return try await Timing.measure(runs: 50) { _ = try CatalogFile.load(contentsOf: url) }
        }
    ]
}
