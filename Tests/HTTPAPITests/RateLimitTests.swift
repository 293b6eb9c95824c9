import Domain
import Foundation
import HTTPAPI
import Workflow
import PersianKit
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(10))) struct RateLimitTests {
    /// Guessing tracking codes from one address is cut off long before it could find one.
    @Test(arguments: TestDatabase.all)
    func guessingTrackingCodesIsCutOff(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody())
            var rng = SeededRandom(seed: 7)
            var firstRefusal: Int?
            var found = 0
            for attempt in 0..<1_000 {
                let code = TrackingCode.generate(using: &rng).value
                let response = try await api.get("/api/v1/track/\(code)?mobile=09121234567")
                if response.status == 200 { found += 1 }
                if response.status == 429 {
                    firstRefusal = firstRefusal ?? attempt
                    #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0)
                } else if firstRefusal != nil {
                    Issue.record("attempt \(attempt) answered \(response.status) after the limit began")
                }
            }
            #expect(found == 0)
            #expect((firstRefusal ?? 1_000) <= 30)
            // After the window the address may look up again.
            app.clock.advance(by: 61)
            #expect(try await api.get("/api/v1/track/12345678901?mobile=09121234567").status != 429)
        }
    }

    /// Two servers on one database (behind a load balancer) count together when limits are shared,
    /// so spreading guesses over servers gains nothing; in-memory limits count per process.
    @Test(arguments: TestDatabase.all)
    func sharedLimitsHoldAcrossServers(engine: TestDatabase) async throws {
        try await withTestApp(database: engine) { app in
            // setup
            let rule = RateLimiter.Rule(limit: 10, window: 60)
            let servers = [RateLimiter(.shared(app.store)), RateLimiter(.shared(app.store))]
            let alone = [RateLimiter(.memory), RateLimiter(.memory)]
            // act
            var sharedAllowed = 0
            var aloneAllowed = 0
            for i in 0..<40 {
                if (try? await servers[i % 2].hit("track-address:10.1.2.3", rule, now: app.clock.now)) != nil { sharedAllowed += 1 }
                if (try? await alone[i % 2].hit("track-address:10.1.2.3", rule, now: app.clock.now)) != nil { aloneAllowed += 1 }
            }
            // check
            #expect(sharedAllowed == 10)
            #expect(aloneAllowed == 20)
            await #expect(throws: DomainError.self) { try await servers[0].hit("track-address:10.1.2.3", rule, now: app.clock.now) }
            // Another key has its own window, and a new window starts after the old one ends.
            try await servers[1].hit("track-address:10.9.9.9", rule, now: app.clock.now)
            try await servers[1].hit("track-address:10.1.2.3", rule, now: app.clock.now.addingTimeInterval(61))
        }
    }
}

/// A tiny deterministic generator for test data.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
}
