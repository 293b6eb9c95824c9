import Foundation
import Prometheus
import Storage
import Workers

/// The SMS outbox on `/metrics`: a counter of messages that gave up (in the process whose
/// dispatcher gave up on them) and gauges of the backlog, read from the database at each scrape so
/// every server reports the one shared outbox.
struct OutboxMetrics: Sendable {
    /// This application's gauges, apart from the process-wide registry: each app (each test) reports
    /// its own database.
    private let registry = PrometheusCollectorRegistry()
    private let waiting: Gauge
    private let oldestWaiting: Gauge
    private let failed: Gauge

    init() {
        waiting = registry.makeGauge(name: "samad_sms_waiting", help: "SMS in the outbox not yet sent.")
        oldestWaiting = registry.makeGauge(
            name: "samad_sms_oldest_waiting_seconds", help: "Age of the oldest SMS not yet sent (0 when none waits).")
        failed = registry.makeGauge(name: "samad_sms_failed", help: "SMS that gave up and wait for an operator's retry.")
        _ = Self.givenUp  // shown from the start, at 0
    }

    /// The process-wide registry returns the one counter of this name however often it is asked.
    private static var givenUp: Counter {
        MetricsBootstrap.registry.makeCounter(name: "samad_sms_given_up_total", help: "SMS that gave up after their last retry.")
    }

    /// Counts one message that exhausted its retries.
    static func countGaveUp() { givenUp.increment() }

    /// The gauges as Prometheus text, from the outbox as it is now; nothing when the database does not answer.
    func emit(_ store: SQLStore, now: Date) async -> [UInt8] {
        guard let backlog = try? await store.outboxBacklog(province: nil) else { return [] }
        waiting.set(Int64(backlog.waiting))
        oldestWaiting.set(backlog.oldestWaitingSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        failed.set(Int64(backlog.failed))
        return registry.emitToBuffer()
    }
}
