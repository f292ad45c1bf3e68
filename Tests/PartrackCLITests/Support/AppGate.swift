import PartrackTestSupport
import Vapor

/// Swift Testing starts every test case at once; a hundred applications at a time would exhaust
/// PostgreSQL's connections (its default is 100). This target opens at most `limit` at a time.
actor AppGate {
    static let shared = AppGate(limit: 4)

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func enter() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// `withTestApp`, waiting for a turn at the gate.
func withGatedTestApp(
    _ kind: TestDatabase, _ options: TestAppOptions = TestAppOptions(), _ body: (Application) async throws -> Void
) async throws {
    await AppGate.shared.enter()
    do {
        try await withTestApp(kind, options, body)
    } catch {
        await AppGate.shared.leave()
        throw error
    }
    await AppGate.shared.leave()
}
