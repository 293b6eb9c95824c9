import Foundation
import PersianKit
import Testing
import TestSupport

@Suite struct RateLimitTests {
    /// Guessing tracking codes from one address is cut off long before it could find one.
    @Test func guessingTrackingCodesIsCutOff() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
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
