import Foundation
import Testing
import TestSupport

/// Failed sign-ins are counted per username and address: a stranger cannot lock the real user
/// out, while guessing from many addresses still meets the account's own ceiling.
@Suite(.timeLimit(.minutes(10))) struct SignInThrottleTests {
    static func attempt(_ api: APIClient, _ username: String, _ password: String, from address: String) async throws -> APIResponse {
        try await api.send(.post, "/api/v1/session", json: ["username": username, "password": password], headers: ["X-Forwarded-For": address])
    }

    @Test(arguments: TestDatabase.all)
    func strangerElsewhereCannotLockTheUserOut(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine, configure: { $0.trustProxy = true }) { _, api in
            // act: a stranger guesses from address A until refused
            var statuses: [Int] = []
            for _ in 0..<8 {
                statuses.append(try await Self.attempt(api, "operator", "guess-guess", from: "203.0.113.7").status)
            }
            let strangerRight = try await Self.attempt(api, "operator", Fixtures.password("operator"), from: "203.0.113.7")
            let owner = try await Self.attempt(api, "operator", Fixtures.password("operator"), from: "198.51.100.20")
            // check
            #expect(statuses == [401, 401, 401, 401, 401, 429, 429, 429])
            #expect(strangerRight.status == 429)
            #expect(strangerRight.errorCode == "sign_in_throttled")
            #expect(Int(strangerRight.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(owner.status == 200, "\(owner.text)")
            #expect(WebSession(owner) != nil)
        }
    }

    /// Guessing spread over many addresses meets the per-account ceiling: 50 failures in a row lock
    /// the account for 15 minutes everywhere.
    @Test(arguments: TestDatabase.all)
    func distributedGuessingMeetsTheAccountCeiling(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine, configure: { $0.trustProxy = true }) { app, api in
            // act: ten addresses, five wrong passwords each
            for host in 1...10 {
                for _ in 0..<5 {
                    let response = try await Self.attempt(api, "supervisor", "guess-guess", from: "192.0.2.\(host)")
                    #expect(response.status == 401)
                }
            }
            let owner = try await Self.attempt(api, "supervisor", Fixtures.password("supervisor"), from: "198.51.100.20")
            // check
            #expect(owner.status == 429)
            #expect(owner.errorCode == "account_locked")
            app.clock.advance(by: 16 * 60)
            #expect(try await Self.attempt(api, "supervisor", Fixtures.password("supervisor"), from: "198.51.100.20").status == 200)
        }
    }

    /// Without a trusted proxy, X-Forwarded-For is ignored: a client cannot claim other addresses.
    @Test func forwardedForIsIgnoredWithoutTrustedProxy() async throws {
        try await withTestAPI(database: .sqlite) { _, api in
            for i in 0..<5 {
                _ = try await Self.attempt(api, "official", "guess-guess", from: "192.0.2.\(i)")
            }
            let other = try await Self.attempt(api, "official", Fixtures.password("official"), from: "198.51.100.99")
            #expect(other.status == 429)
        }
    }
}
