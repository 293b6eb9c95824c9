import Domain
import Foundation
import PersianKit
import Storage
import Testing
import TestSupport
import Workers

/// A message that exhausted its retries waits for an operator: an admin of its province sends it once
/// more, and `/metrics` counts the give-ups and shows the backlog.
@Suite(.timeLimit(.minutes(10))) struct OutboxRetryTests {
    /// The value of an unlabelled metric in Prometheus text.
    static func metric(_ name: String, in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.dropFirst(name.count + 1)) }
    }

    static func metrics(_ api: APIClient) async throws -> String {
        let response = try await api.get("/metrics", headers: ["X-Forwarded-For": "127.0.0.1"])
        #expect(response.status == 200)
        return response.text
    }

    @Test(arguments: TestDatabase.all)
    func anAdminRetriesAFailedSMSOfTheirProvince(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine, configure: { $0.withUnreachableSMSGateway(); $0.trustProxy = true }) { app, api in
            // setup: SMS 1 of a letter in the admin's province and of one outside it, both given up
            let f = app.fixtures
            let home = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let away = try #require(
                try await api.post("/api/v1/cases", token: f.token("operatorOther"), json: f.caseBody(nationalID: "0084575948", province: f.otherProvince))
                    .string("trackingCode"))
            let gaveUpBefore = Self.metric("samad_sms_given_up_total", in: try await Self.metrics(api)) ?? 0
            try await app.dispatchThroughEveryBackoff()
            let homeSMS = try #require(try await app.notifications(ofCase: home).first)
            let awaySMS = try #require(try await app.notifications(ofCase: away).first)
            #expect(homeSMS.status == .failed && awaySMS.status == .failed)
            let failed = try await Self.metrics(api)
            #expect(Self.metric("samad_sms_given_up_total", in: failed) ?? 0 >= gaveUpBefore + 2)
            #expect(Self.metric("samad_sms_failed", in: failed) == 2)
            #expect(Self.metric("samad_sms_waiting", in: failed) == 0)
            #expect(Self.metric("samad_sms_oldest_waiting_seconds", in: failed) == 0)

            // act & check: the provincial admin cannot reach the other province's message, nor may a supervisor retry
            let outside = try await api.post("/api/v1/notifications/\(awaySMS.id)/retry", token: f.token("adminProvince"))
            #expect(outside.status == 404)
            #expect(try await api.post("/api/v1/notifications/\(homeSMS.id)/retry", token: f.token("supervisor")).status == 403)
            #expect(try await api.post("/api/v1/notifications/999999/retry", token: f.token("admin")).status == 404)

            // act: the provincial admin retries their province's message
            let retried = try await api.post("/api/v1/notifications/\(homeSMS.id)/retry", token: f.token("adminProvince"))

            // check: back in the outbox, due now; the view shows no text and a masked mobile
            #expect(retried.status == 200)
            #expect(retried.string("status") == "pending")
            #expect(retried.string("trackingCode") == home)
            #expect(retried.string("mobile") == "0912***4567")
            #expect(retried.object["text"] == nil)
            let again = try await api.post("/api/v1/notifications/\(homeSMS.id)/retry", token: f.token("adminProvince"))
            #expect(again.status == 409 && again.errorCode == "notification_not_failed")
            app.clock.advance(by: 90)
            let waiting = try await Self.metrics(api)
            #expect(Self.metric("samad_sms_waiting", in: waiting) == 1)
            #expect(Self.metric("samad_sms_failed", in: waiting) == 1)
            #expect(Self.metric("samad_sms_oldest_waiting_seconds", in: waiting) ?? 0 > 90)
            // With the gateway still down the one more attempt fails and it gives up again at once.
            try await app.samad.dispatcher.runOnce()
            #expect(try await app.store.notification(id: homeSMS.id)?.status == .failed)
            #expect(try await app.store.notification(id: homeSMS.id)?.attempts == NotificationDispatcher.backoff.count + 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSignInCodeIsNeverRetried(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine, configure: { $0.withUnreachableSMSGateway() }) { app, api in
            // setup: a code that expired while the gateway was down
            let f = app.fixtures
            #expect(try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"]).status == 202)
            try await app.dispatchThroughEveryBackoff()
            let backlog = try await app.store.outboxBacklog(province: nil)
            #expect(backlog.waiting == 0 && backlog.failed == 0)

            // act & check: a code has no province: only a national admin reaches it, and it is not sent again
            let national = try await api.post("/api/v1/notifications/1/retry", token: f.token("admin"))
            #expect(national.status == 409 && national.errorCode == "notification_not_retryable")
            #expect(try await api.post("/api/v1/notifications/1/retry", token: f.token("adminProvince")).status == 404)
        }
    }
}
