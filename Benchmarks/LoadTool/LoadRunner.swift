import Foundation
import Histogram
import Synchronization

/// What one scenario measured: how many requests, how long, and the latency distribution.
///
/// Throughput and latency count successful requests only: a server answering 429 or 500 quickly
/// must not look fast. Failed requests are counted in `errors`.
struct ScenarioResult: Sendable {
    let name: String
    let requests: Int
    let errors: Int
    let seconds: Double
    /// Latency of the successful requests, in microseconds.
    let latency: Histogram<UInt64>
    let firstError: String?
    /// Extra words for the report (for example what capped the count).
    var note: String?

    var succeeded: Int { requests - errors }
    /// Successful requests per second.
    var throughput: Double { seconds > 0 ? Double(succeeded) / seconds : 0 }
    func percentile(_ p: Double) -> Double { Double(latency.valueAtPercentile(p)) / 1000 }
}

/// Drives `body` from `concurrency` tasks in a closed loop until `count` calls have been made or
/// `timeLimit` has passed, whichever comes first: every run is bounded in requests and in time.
enum LoadRunner {
    /// - Parameter body: performs call number `i` (0-based); returns nil on success or an error text.
    static func run(
        _ name: String, count: Int, concurrency: Int, timeLimit: Duration,
        _ body: @escaping @Sendable (Int) async -> String?
    ) async -> ScenarioResult {
        let next = Counter()
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: timeLimit)
        struct Worker: Sendable {
            var histogram = Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
            var requests = 0
            var errors = 0
            var firstError: String?
        }
        let workers = await withTaskGroup(of: Worker.self) { group in
            for _ in 0..<max(1, min(concurrency, count)) {
                group.addTask {
                    var w = Worker()
                    while clock.now < deadline {
                        let i = next.take()
                        if i >= count { break }
                        let began = clock.now
                        let error = await body(i)
                        let elapsed = clock.now - began
                        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
                        w.requests += 1
                        if let error {
                            w.errors += 1
                            if w.firstError == nil { w.firstError = error }
                        } else {
                            _ = w.histogram.record(UInt64(max(micros, 1)))
                        }
                    }
                    return w
                }
            }
            var all: [Worker] = []
            for await w in group { all.append(w) }
            return all
        }
        let elapsed = clock.now - start
        var merged = Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
        for w in workers { merged.add(w.histogram) }
        return ScenarioResult(
            name: name, requests: workers.reduce(0) { $0 + $1.requests }, errors: workers.reduce(0) { $0 + $1.errors },
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, latency: merged,
            firstError: workers.compactMap(\.firstError).first)
    }
}

/// Hands out call numbers to the worker tasks.
private final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}
