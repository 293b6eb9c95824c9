import Foundation
import HummingbirdTesting
import Testing
import TestSupport

/// Refused requests are logged with the real client address.
@Suite(.timeLimit(.minutes(10))) struct ClientAddressLogTests {
    /// The refusal log line of a request to `path`.
    static func refusal(_ path: String) -> String? {
        LogCapture.shared.all.last { $0.contains("request refused") && $0.contains("path=\(path) ") }
    }

    /// A path no other test uses, answered 404 (a well-formed but unknown tracking code needs the
    /// database; an unknown referral id does not).
    static func uniquePath() -> String { "/api/v1/referrals/\(Int.random(in: 100_000_000...999_999_999))/accept" }

    @Test func socketPeerIsLogged() async throws {
        try await withTestAPI(database: .sqlite, mode: .live) { _, api in
            let path = Self.uniquePath()
            #expect(try await api.post(path, headers: ["X-Forwarded-For": "203.0.113.50"]).status == 401)
            let line = try #require(Self.refusal(path))
            #expect(line.contains("client=127.0.0.1"), "\(line)")
        }
    }

    @Test func forwardedForIsLoggedBehindTrustedProxy() async throws {
        try await withTestAPI(database: .sqlite, configure: { $0.trustProxy = true }) { _, api in
            let path = Self.uniquePath()
            // The last hop is the one our proxy added; earlier ones are whatever the client sent.
            #expect(try await api.post(path, headers: ["X-Forwarded-For": "10.9.9.9, 203.0.113.51"]).status == 401)
            let line = try #require(Self.refusal(path))
            #expect(line.contains("client=203.0.113.51"), "\(line)")
            let forged = Self.uniquePath()
            _ = try await api.post(forged, headers: ["X-Forwarded-For": "not-an-address"])
            #expect(try #require(Self.refusal(forged)).contains("client=unknown"))
        }
    }
}
