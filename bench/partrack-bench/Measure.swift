import Foundation

/// A benchmark: a name, the target it is held to (for the reader; nothing fails on it here),
/// and a body that measures itself.
struct Benchmark: Sendable {
    let name: String
    let target: String
    let run: @Sendable () async throws -> Timing
}

/// Timings of repeated runs of one operation, in milliseconds.
struct Timing {
    var samples: [Double]

    var median: Double {
        let sorted = samples.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    func line(name: String, target: String) -> String {
        String(
            format: "%@: median %.3f ms, min %.3f, max %.3f over %d runs (target: %@)", name, median,
            samples.min() ?? 0, samples.max() ?? 0, samples.count, target)
    }

    /// Runs `body` `warmUp` times unmeasured, then `runs` times measured.
    static func measure(runs: Int, warmUp: Int = 2, _ body: () async throws -> Void) async rethrows -> Timing {
        for _ in 0..<warmUp { try await body() }
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try await body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return Timing(samples: samples)
    }
}

/// The repository's root: the benchmarks read its seeds.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
