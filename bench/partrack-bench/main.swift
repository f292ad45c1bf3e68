import Foundation

// partrack-bench: prints timings of the operations that have targets. Build in release mode:
//   swift run -c release partrack-bench            # every benchmark
//   swift run -c release partrack-bench catalog    # those whose name contains "catalog"
// bench/run repeats whole runs and prints medians across them.

let filters = Array(CommandLine.arguments.dropFirst())
let selected = Benchmarks.all.filter { bench in filters.isEmpty || filters.contains { bench.name.contains($0) } }
if selected.isEmpty {
    FileHandle.standardError.write(Data("no benchmark matches \(filters); known: \(Benchmarks.all.map(\.name))\n".utf8))
    exit(2)
}
var failed = false
for bench in selected {
    do {
        let result = try await bench.run()
        print(result.line(name: bench.name, target: bench.target))
    } catch {
        FileHandle.standardError.write(Data("\(bench.name): failed: \(error)\n".utf8))
        failed = true
    }
}
try await ProvinceBench.shared.stop()
exit(failed ? 1 : 0)
