import Domain
import Foundation
import Workflow
import Logging
import PersianKit
import Storage
import Synchronization
import Testing
import TestSupport
import Workers

/// Sign-in codes go through the outbox: a gateway outage makes the code wait, not the request fail;
/// codes go first, an expired one is never sent, and no code stays in clear in the database.
@Suite(.timeLimit(.minutes(10))) struct SignInCodeOutboxTests {
    /// A gateway that is down until `up` is set; it records every message it was handed, and what it delivered.
    final class SwitchableGateway: SMSGateway {
        let up = Mutex(false)
        let tried = Mutex<[OutboundSMS]>([])
        let delivered = Mutex<[OutboundSMS]>([])

        func send(_ sms: OutboundSMS) async throws -> String? {
            tried.withLock { $0.append(sms) }
            guard up.withLock({ $0 }) else { throw SMSDeliveryError("provider down") }
            delivered.withLock { $0.append(sms) }
            return "ok-\(sms.id)"
        }
    }

    static func dispatcher(_ app: TestApp, _ gateway: any SMSGateway, batch: Int = 100) -> NotificationDispatcher {
        NotificationDispatcher(outbox: app.store, gateway: gateway, logger: Logger(label: "test"), batchSize: batch, now: { app.clock.now })
    }

    static func digits(_ text: String) -> String {
        String(text.unicodeScalars.filter { (0x06F0...0x06F9).contains($0.value) }.prefix(6).map {
            Character(UnicodeScalar($0.value - 0x06F0 + 0x30)!)
        })
    }

    @Test(arguments: TestDatabase.all)
    func aCodeAskedForWhileTheGatewayIsDownWaitsAndIsDeliveredOnce(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: the gateway is down
            let gateway = SwitchableGateway()
            let dispatcher = Self.dispatcher(app, gateway)

            // act: the citizen asks for a code, on the API and on the page
            let asked = try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"])
            let page = try await api.send(
                .post, "/my/sign-in", raw: "mobile=09351234567", headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(try await dispatcher.runOnce() == 2)

            // check: both answers are the usual success; the codes wait and retry
            #expect(asked.status == 202)
            #expect(page.status == 200 && page.text.contains("پیامک شد"))
            #expect(gateway.delivered.withLock { $0.isEmpty })
            let waiting = try await app.store.outboxBacklog(province: nil)
            #expect(waiting.waiting == 2)
            #expect(waiting.failed == 0)

            // act: the gateway returns before the codes expire
            gateway.up.withLock { $0 = true }
            app.clock.advance(by: 5)
            #expect(try await dispatcher.runOnce() == 2)

            // check: the code delivered signs in; each was delivered once
            let delivered = gateway.delivered.withLock { $0 }
            let code = Self.digits(try #require(delivered.first { $0.mobile == "09121234567" }).text)
            let session = try await api.post("/api/v1/citizen/session", json: ["mobile": "09121234567", "code": code])
            #expect(session.status == 200)
            app.clock.advance(by: 600)
            #expect(try await dispatcher.runOnce() == 0)
            #expect(gateway.delivered.withLock { $0.count } == 2)
            #expect(delivered.map(\.mobile).sorted() == ["09121234567", "09351234567"])
            #expect(delivered.allSatisfy { $0.kind == .signInCode && $0.caseID == nil })
            // The code was in the text sent; it is no longer in the database.
            for sms in delivered {
                let stored = try #require(try await app.store.notification(id: sms.id))
                #expect(stored.status == .sent)
                #expect(stored.text.isEmpty)
            }
            #expect(try await app.store.outboxBacklog(province: nil).waiting == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anExpiredCodeIsNeverSent(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a code asked for while the gateway is down, tried once
            let gateway = SwitchableGateway()
            let dispatcher = Self.dispatcher(app, gateway)
            #expect(try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"]).status == 202)
            #expect(try await dispatcher.runOnce() == 1)
            let id = try #require(gateway.tried.withLock { $0.first?.id })
            #expect(try await app.store.notification(id: id)?.text.isEmpty == false)

            // act: the gateway returns only after the code's two minutes
            app.clock.advance(by: Gatekeeper.codeLifetime + 1)
            gateway.up.withLock { $0 = true }
            #expect(try await dispatcher.runOnce() == 1)
            app.clock.advance(by: 7 * 3600)
            #expect(try await dispatcher.runOnce() == 0)

            // check: never sent, not retried, not counted as failed, and its text is gone
            #expect(gateway.delivered.withLock { $0.isEmpty })
            #expect(gateway.tried.withLock { $0.count } == 1)
            let stored = try #require(try await app.store.notification(id: id))
            #expect(stored.status == .expired)
            #expect(stored.text.isEmpty)
            #expect(try await app.store.outboxBacklog(province: nil) == OutboxBacklog(waiting: 0, oldestWaitingSince: nil, failed: 0))
        }
    }

    @Test(arguments: TestDatabase.all)
    func codesGoBeforeOtherMessages(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: two letters' SMS 1 wait, then a code is asked for
            let f = app.fixtures
            for id in ["0013542419", "0084575948"] {
                let registered = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: id))
                #expect(registered.status == 201)
            }
            app.clock.advance(by: 1)
            #expect(try await api.post("/api/v1/citizen/code", json: ["mobile": "09351234567"]).status == 202)
            let gateway = SwitchableGateway()
            gateway.up.withLock { $0 = true }

            // act: a dispatcher that takes one message at a time
            let dispatcher = Self.dispatcher(app, gateway, batch: 1)
            for _ in 0..<3 { #expect(try await dispatcher.runOnce() == 1) }

            // check: the code went first, though it was written last
            #expect(gateway.delivered.withLock { $0.map(\.kind) } == [.signInCode, .registered, .registered])
        }
    }

    /// A code asked for while a batch is being sent does not wait for the batch: the dispatcher hands
    /// the rest of it back and sends the code next.
    @Test(arguments: TestDatabase.all)
    func aCodeAskedForDuringABatchGoesNext(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: three letters' SMS 1 wait
            let f = app.fixtures
            for id in ["0013542419", "0084575948", nil] {
                let registered = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: id, mobile: id == nil ? "09131234567" : "09121234567"))
                #expect(registered.status == 201)
            }
            let wakeup = OutboxWakeup()
            let sent = Mutex<[NotificationKind]>([])
            let mobile = try MobileNumber(parsing: "09351234567")
            // The first send is slow; meanwhile a citizen asks for a code (as the app's code request does).
            let gateway = RecordingGateway { sms in
                let first = sent.withLock { kinds in
                    kinds.append(sms.kind)
                    return kinds.count == 1
                }
                guard first else { return }
                let challenge = try await app.store.createOTP(mobile: mobile, codeHash: "x", expiresAt: app.clock.now.addingTimeInterval(120))
                _ = try await app.store.enqueueSignInCode(challengeID: challenge, mobile: mobile, text: "سامد: کد ورود")
                wakeup.signal()
            }
            let dispatcher = NotificationDispatcher(
                outbox: app.store, gateway: gateway, logger: Logger(label: "test"), now: { app.clock.now }, wakeup: wakeup)

            // act
            while try await dispatcher.runOnce() > 0 {}

            // check: the code went right after the message under way; each message once
            #expect(sent.withLock { $0 } == [.registered, .signInCode, .registered, .registered])
        }
    }

    /// The dispatcher sleeps between polls; a code put in the outbox by this process wakes it, so the
    /// code does not wait for the next poll (here an hour away). The limit only ends the hour's wait
    /// should the wake-up not work; it is as long as other suites' so a busy machine does not trip it.
    @Test(.timeLimit(.minutes(10)))
    func aCodeWakesTheSleepingDispatcher() async throws {
        try await withTestApp(database: .sqlite) { app in
            // setup: a dispatcher polling once an hour, started and gone to sleep on an empty outbox
            let (sent, delivery) = AsyncStream.makeStream(of: OutboundSMS.self)
            let (idle, idleness) = AsyncStream.makeStream(of: Void.self)
            let outbox = WatchedOutbox(app.store) { idleness.yield() }
            let wakeup = OutboxWakeup()
            let dispatcher = NotificationDispatcher(
                outbox: outbox, gateway: RecordingGateway { delivery.yield($0) }, logger: Logger(label: "test"),
                pollInterval: .seconds(3600), now: { app.clock.now }, wakeup: wakeup)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await dispatcher.run() }
                var idleSignals = idle.makeAsyncIterator()
                _ = await idleSignals.next()

                // act: a code enters the outbox and the wake-up is signalled, as a code request does
                let mobile = try MobileNumber(parsing: "09121234567")
                let challenge = try await app.store.createOTP(mobile: mobile, codeHash: "x", expiresAt: app.clock.now.addingTimeInterval(120))
                let id = try await app.store.enqueueSignInCode(challengeID: challenge, mobile: mobile, text: "سامد: کد ورود")
                wakeup.signal()

                // check: it is sent without waiting out the poll
                var deliveries = sent.makeAsyncIterator()
                let first = await deliveries.next()
                #expect(first?.id == id)
                group.cancelAll()
            }
        }
    }
}

/// The store, telling the test each time a claim found nothing (the dispatcher then goes to sleep).
struct WatchedOutbox: NotificationRepository {
    let store: SQLStore
    let onIdle: @Sendable () -> Void
    init(_ store: SQLStore, onIdle: @escaping @Sendable () -> Void) {
        self.store = store
        self.onIdle = onIdle
    }

    func claimDue(limit: Int, lease: Duration) async throws -> [OutboundSMS] {
        let due = try await store.claimDue(limit: limit, lease: lease)
        if due.isEmpty { onIdle() }
        return due
    }
    func recordAttempt(_ id: Int, ok: Bool, detail: String?, retryAt: Date?) async throws {
        try await store.recordAttempt(id, ok: ok, detail: detail, retryAt: retryAt)
    }
    func recordExpired(_ id: Int) async throws { try await store.recordExpired(id) }
    func release(_ ids: [Int]) async throws { try await store.release(ids) }
    func enqueueSignInCode(challengeID: Int, mobile: MobileNumber, text: String) async throws -> Int {
        try await store.enqueueSignInCode(challengeID: challengeID, mobile: mobile, text: text)
    }
    func notifications(caseID: Int) async throws -> [OutboundSMS] { try await store.notifications(caseID: caseID) }
    func notification(id: Int) async throws -> OutboundSMS? { try await store.notification(id: id) }
    func outboxBacklog(province: String?) async throws -> OutboxBacklog { try await store.outboxBacklog(province: province) }
    func failedNotifications(province: String?, limit: Int) async throws -> [OutboxEntry] {
        try await store.failedNotifications(province: province, limit: limit)
    }
    func outboxEntry(id: Int) async throws -> OutboxEntry? { try await store.outboxEntry(id: id) }
    func retryFailed(_ id: Int) async throws -> Bool { try await store.retryFailed(id) }
}
