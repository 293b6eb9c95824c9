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

@Suite struct NotificationDispatcherTests {
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
}
