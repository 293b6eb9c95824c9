import Domain
import Foundation
import Logging
import ServiceLifecycle
import Storage

/// Watches every referral's clock (`DeadlineRepository.watchDeadlines`): reminders before the due
/// date, escalation levels 1 and 2 after it; and every answered case's wait for the citizen's
/// verdict, closing those that waited `autoCloseDays` (`autoCloseAnswered`). Every `samad serve`
/// and `samad worker` runs one; a pass that fills its batch goes straight on, otherwise the
/// watcher sleeps for `interval`.
public struct DeadlineWatcher: Service {
    let store: any DeadlineRepository
    let interval: Duration
    let autoCloseDays: Int
    let batchSize: Int
    let logger: Logger

    public init(
        store: any DeadlineRepository, interval: Duration, autoCloseDays: Int = CaseRules.defaultAutoCloseDays,
        batchSize: Int = 500, logger: Logger
    ) {
        self.store = store
        self.interval = interval
        self.autoCloseDays = autoCloseDays
        self.batchSize = batchSize
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            var more = false
            do {
                more = !(try await runOnce().exhausted(limit: batchSize))
            } catch {
                logger.error("deadline watch failed", metadata: ["error": "\(error)"])
            }
            // Its own attempt: a failing deadline pass does not hold up the auto-close, nor the reverse.
            do {
                more = !(try await closeUnrated().exhausted(limit: batchSize)) || more
            } catch {
                logger.error("auto-close failed", metadata: ["error": "\(error)"])
            }
            if !more { try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) } }
        }
    }

    /// Passes until nothing more is due now (catching up after an outage, or timing a pass over a
    /// large file): every due referral's check and every auto-close, summed.
    public func drain() async throws -> (deadlines: DeadlinePass, autoClose: AutoClosePass) {
        var deadlines = DeadlinePass()
        var autoClose = AutoClosePass()
        while true {
            let pass = try await runOnce()
            deadlines += pass
            // A batch wholly held by another server's transactions is left to it.
            if pass.exhausted(limit: batchSize) || (pass.looked == 0 && pass.skipped > 0) { break }
        }
        while true {
            let pass = try await closeUnrated()
            autoClose += pass
            if pass.exhausted(limit: batchSize) || pass.closed == 0 { break }
        }
        return (deadlines, autoClose)
    }

    /// One pass over at most `batchSize` due referrals.
    @discardableResult
    public func runOnce() async throws -> DeadlinePass {
        let pass = try await store.watchDeadlines(limit: batchSize)
        if pass.reminded + pass.level1 + pass.level2 > 0 {
            logger.info(
                "deadline watch",
                metadata: [
                    "looked": "\(pass.looked)", "reminded": "\(pass.reminded)", "level1": "\(pass.level1)",
                    "level2": "\(pass.level2)", "skipped": "\(pass.skipped)",
                ])
        }
        return pass
    }

    /// One pass over at most `batchSize` answered cases whose wait for a verdict has run out.
    @discardableResult
    public func closeUnrated() async throws -> AutoClosePass {
        let pass = try await store.autoCloseAnswered(days: autoCloseDays, limit: batchSize)
        if pass.closed > 0 {
            logger.info("auto-close", metadata: ["closed": "\(pass.closed)", "skipped": "\(pass.skipped)"])
        }
        return pass
    }
}
