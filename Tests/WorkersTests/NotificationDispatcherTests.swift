import Domain
import Foundation
import Logging
import Storage
import Synchronization
import Testing
import TestSupport
import Workers

/// A gateway that fails its first `failures` sends, then accepts; it records what it was given.
final class FlakyGateway: SMSGateway {
    let remainingFailures: Mutex<Int>
    let delivered = Mutex<[OutboundSMS]>([])

    init(failures: Int) { remainingFailures = Mutex(failures) }

    func send(_ sms: OutboundSMS) async throws -> String? {
        let fail = remainingFailures.withLock { n in
            defer { n -= 1 }
            return n > 0
        }
        if fail { throw SMSDeliveryError("provider down") }
        delivered.withLock { $0.append(sms) }
        return "ok-\(sms.id)"
    }
}

@Suite(.timeLimit(.minutes(10))) struct NotificationDispatcherTests {
    func registerOne(_ app: TestApp) async throws -> Registration {
        let draft = try CaseDraft.parse(
            channel: .phone111, kind: .request, categoryCode: "other", subject: "موضوع", body: "متن", confidential: false,
            nationalID: "0013542419", mobile: "09121234567", firstName: "رضا", lastName: "محمدی",
            provinceCode: app.fixtures.province, countyCode: nil)
        return try await app.store.register(draft, actor: .system, idempotencyKey: nil)
    }

    @Test(arguments: TestDatabase.all)
    func failuresRetryWithBackoffAndEveryAttemptIsRecorded(engine: TestDatabase) async throws {
        try await withTestApp(database: engine) { app in
            let registration = try await registerOne(app)
            let gateway = FlakyGateway(failures: 2)
            let dispatcher = NotificationDispatcher(
                outbox: app.store, gateway: gateway, logger: Logger(label: "test"), now: { app.clock.now })
            // act & check: first attempt fails, nothing is due until the backoff has passed
            #expect(try await dispatcher.runOnce() == 1)
            #expect(try await dispatcher.runOnce() == 0)
            app.clock.advance(by: 5)
            #expect(try await dispatcher.runOnce() == 1)
            app.clock.advance(by: 29)
            #expect(try await dispatcher.runOnce() == 0)
            app.clock.advance(by: 1)
            #expect(try await dispatcher.runOnce() == 1)
            let sms = try await app.store.notifications(caseID: registration.detail.case.id)
            #expect(sms.count == 1)
            #expect(sms[0].status == .sent)
            #expect(sms[0].attempts == 3)
            #expect(gateway.delivered.withLock { $0.count } == 1)
            #expect(try await dispatcher.runOnce() == 0)
        }
    }

    @Test func givesUpAfterTheLastBackoff() async throws {
        try await withTestApp(database: .sqlite) { app in
            let registration = try await registerOne(app)
            let gateway = FlakyGateway(failures: 1_000)
            let dispatcher = NotificationDispatcher(
                outbox: app.store, gateway: gateway, logger: Logger(label: "test"), now: { app.clock.now })
            for _ in 0...NotificationDispatcher.backoff.count {
                try await dispatcher.runOnce()
                app.clock.advance(by: 7 * 3600)
            }
            let sms = try await app.store.notifications(caseID: registration.detail.case.id)
            #expect(sms[0].status == .failed)
            #expect(sms[0].attempts == NotificationDispatcher.backoff.count + 1)
        }
    }

    /// A slow provider: each send takes 10 s of the test clock (the HTTP gateway's timeout), so a
    /// batch of eight outlives its 60 s lease. When the lease has run out a second dispatcher polls;
    /// each SMS still reaches the citizen exactly once.
    @Test(arguments: TestDatabase.all)
    func aBatchThatOutlivesItsLeaseIsNeverSentTwice(engine: TestDatabase) async throws {
        try await withTestApp(database: engine) { app in
            // setup: eight SMS in the outbox
            var cases: [Int] = []
            for _ in 0..<8 { cases.append(try await registerOne(app).detail.case.id) }
            let start = app.clock.now
            let sent = Mutex<[Int]>([])
            let second = Mutex<NotificationDispatcher?>(nil)
            let secondRan = Mutex(false)
            let slow = RecordingGateway { sms in
                sent.withLock { $0.append(sms.id) }
                app.clock.advance(by: 10)
                // The first lease has run out while a send was under way: another dispatcher polls now.
                if app.clock.now.timeIntervalSince(start) >= 60, !secondRan.withLock({ $0 }) {
                    secondRan.withLock { $0 = true }
                    if let other = second.withLock({ $0 }) { _ = try await other.runOnce() }
                }
            }
            let first = NotificationDispatcher(outbox: app.store, gateway: slow, logger: Logger(label: "a"), now: { app.clock.now })
            let other = NotificationDispatcher(outbox: app.store, gateway: slow, logger: Logger(label: "b"), now: { app.clock.now })
            second.withLock { $0 = other }

            // act: the first dispatcher's batch, then the second's poll once the lease is over
            let firstCount = try await first.runOnce()
            if !secondRan.withLock({ $0 }) {
                app.clock.advance(by: max(0, 60 - app.clock.now.timeIntervalSince(start)))
                _ = try await other.runOnce()
            }

            // check: the first stopped before its lease ran out; every SMS sent once, recorded once
            #expect(firstCount < 8)
            let ids = sent.withLock { $0 }
            #expect(ids.count == 8, "\(ids)")
            #expect(Set(ids).count == ids.count, "an SMS was sent twice: \(ids)")
            for id in cases {
                let sms = try await app.store.notifications(caseID: id)
                #expect(sms.map(\.status) == [.sent])
                #expect(sms.map(\.attempts) == [1])
            }
        }
    }
}

/// A gateway that hands each SMS to a closure (which may move the test clock).
final class RecordingGateway: SMSGateway {
    let onSend: @Sendable (OutboundSMS) async throws -> Void
    init(_ onSend: @escaping @Sendable (OutboundSMS) async throws -> Void) { self.onSend = onSend }
    func send(_ sms: OutboundSMS) async throws -> String? {
        try await onSend(sms)
        return "ok-\(sms.id)"
    }
}
