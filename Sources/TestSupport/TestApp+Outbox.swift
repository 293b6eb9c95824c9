import AppBootstrap
import Domain
import Foundation
import PersianKit
import Workers

extension TestApp {
    /// Runs the app's own dispatcher once past each backoff, moving the clock on: with a gateway that
    /// is down (`withUnreachableSMSGateway`), every message waiting now gives up (a sign-in code
    /// expires instead).
    public func dispatchThroughEveryBackoff() async throws {
        for _ in 0...NotificationDispatcher.backoff.count {
            try await samad.dispatcher.runOnce()
            clock.advance(by: 7 * 3600)
        }
    }
}

extension AppConfig {
    /// An HTTP SMS gateway that cannot be reached: every send fails at once, before any connection
    /// is tried (a refused connection would be retried by the HTTP client for its whole timeout).
    public mutating func withUnreachableSMSGateway() {
        smsGateway = "http"
        smsURL = "unreachable://sms.gateway.invalid/send"
    }
}

extension TestApp {
    /// The outbox messages of the case with this tracking code, oldest first (none for an unknown code).
    public func notifications(ofCase trackingCode: String) async throws -> [OutboundSMS] {
        guard let detail = try await store.detail(try TrackingCode(parsing: trackingCode)) else { return [] }
        return try await store.notifications(caseID: detail.case.id)
    }
}
