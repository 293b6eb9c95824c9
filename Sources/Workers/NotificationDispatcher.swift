import Domain
import Foundation
import Logging
import ServiceLifecycle
import Storage

/// Sends the outbox: claims due SMS, hands each to the gateway, records every attempt, and retries
/// failures with growing delays. Any number of dispatchers may run against one PostgreSQL.
public struct NotificationDispatcher: Service {
    let outbox: any NotificationRepository
    let gateway: any SMSGateway
    let logger: Logger
    let pollInterval: Duration
    let batchSize: Int
    let now: @Sendable () -> Date
    /// How long a claimed batch is this dispatcher's alone; after that another may claim it.
    let lease: Duration
    /// No send starts with less than this left of the lease: a send (the gateway's own timeout is
    /// 10 s) and its record must end before another dispatcher can claim the same message.
    let sendMargin: Duration
    /// Cuts the idle wait short when this process puts a sign-in code in the outbox.
    let wakeup: OutboxWakeup
    /// Told of each message that gave up after its last retry (the `/metrics` counter).
    let gaveUp: @Sendable (OutboundSMS) -> Void

    /// Delays after the 1st, 2nd, … failed attempt; after the last, the SMS is marked failed.
    public static let backoff: [Duration] = [
        .seconds(5), .seconds(30), .seconds(120), .seconds(600), .seconds(1800), .seconds(3600), .seconds(3 * 3600),
        .seconds(6 * 3600),
    ]

    public init(
        outbox: any NotificationRepository, gateway: any SMSGateway, logger: Logger,
        pollInterval: Duration = .milliseconds(500), batchSize: Int = 100,
        now: @escaping @Sendable () -> Date = { Date() }, lease: Duration = .seconds(60), sendMargin: Duration = .seconds(15),
        wakeup: OutboxWakeup = OutboxWakeup(), gaveUp: @escaping @Sendable (OutboundSMS) -> Void = { _ in }
    ) {
        self.wakeup = wakeup
        self.gaveUp = gaveUp
        self.lease = lease
        self.sendMargin = sendMargin
        self.outbox = outbox
        self.gateway = gateway
        self.logger = logger
        self.pollInterval = pollInterval
        self.batchSize = batchSize
        self.now = now
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let handled: Int
            do {
                handled = try await runOnce()
            } catch {
                logger.error("outbox poll failed", metadata: ["error": "\(error)"])
                handled = 0
            }
            if handled == 0 {
                await wakeup.wait(upTo: pollInterval)
            }
        }
    }

    /// One pass: returns how many SMS were attempted (or given up as expired). Sign-in codes come
    /// first, and one whose code has expired is not sent. A batch that takes longer than its lease
    /// (a slow provider) stops where it is; the rest goes back to the outbox for the next claim,
    /// so two dispatchers never send one message twice.
    @discardableResult
    public func runOnce() async throws -> Int {
        let claimedAt = now()
        // A code enqueued before this claim is in it (codes come first): only a signal raised from
        // here on means a code this batch has not got.
        _ = wakeup.takeSignal()
        let due = try await outbox.claimDue(limit: batchSize, lease: lease)
        let lastStart = claimedAt.addingTimeInterval(Double((lease - sendMargin).components.seconds))
        var attempted = 0
        for (index, sms) in due.enumerated() {
            guard now() < lastStart else {
                logger.notice("outbox batch outlived its lease; the rest is left for the next claim", metadata: ["left": "\(due.count - attempted)"])
                break
            }
            // A sign-in code entered the outbox meanwhile: hand the rest back, so the next claim
            // (codes first) sends it now rather than after this batch.
            if sms.kind != .signInCode, index > 0, wakeup.takeSignal() {
                try await outbox.release(due[index...].map(\.id))
                break
            }
            attempted += 1
            if let expiry = sms.expiresAt, expiry <= now() {
                logger.info("sign-in code expired before it could be sent", metadata: ["notification": "\(sms.id)"])
                try await outbox.recordExpired(sms.id)
                continue
            }
            do {
                let reference = try await gateway.send(sms)
                try await outbox.recordAttempt(sms.id, ok: true, detail: reference, retryAt: nil)
            } catch {
                let attempt = sms.attempts
                let retryAt = attempt < Self.backoff.count
                    ? now().addingTimeInterval(Double(Self.backoff[attempt].components.seconds)) : nil
                logger.warning(
                    "sms not delivered",
                    metadata: ["notification": "\(sms.id)", "attempt": "\(attempt + 1)", "error": "\(error)"])
                try await outbox.recordAttempt(sms.id, ok: false, detail: "\(error)", retryAt: retryAt)
                if retryAt == nil { gaveUp(sms) }
            }
        }
        return attempted
    }
}
