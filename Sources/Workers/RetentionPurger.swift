import Foundation
import Logging
import ServiceLifecycle
import Storage

/// Purges what is kept only for a while (`RetentionRepository.purgeExpired`) once per `interval`,
/// first at start. Every `samad serve` and `samad worker` runs one; the store makes sure only one
/// purges at a time.
public struct RetentionPurger: Service {
    let store: any RetentionRepository
    let policy: RetentionPolicy
    let interval: Duration
    let logger: Logger

    public init(store: any RetentionRepository, policy: RetentionPolicy, interval: Duration, logger: Logger) {
        self.store = store
        self.policy = policy
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await runOnce()
            } catch {
                logger.error("retention purge failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One purge; nil when another server was purging.
    @discardableResult
    public func runOnce() async throws -> PurgeCounts? {
        let counts = try await store.purgeExpired(policy)
        if let counts, counts != PurgeCounts() {
            logger.info(
                "retention purge",
                metadata: [
                    "signInCodes": "\(counts.signInCodes)", "sessions": "\(counts.sessions)",
                    "rateLimitWindows": "\(counts.rateLimitWindows)", "sentSMS": "\(counts.sentSMS)",
                ])
        }
        return counts
    }
}
