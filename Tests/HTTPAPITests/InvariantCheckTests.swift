import Domain
import Foundation
import Storage
import Testing
import TestSupport

/// The invariant check: after the real actions every case has an owner; a case broken behind the
/// code's back is listed, and only it.
@Suite(.timeLimit(.minutes(10))) struct InvariantCheckTests {
    @Test(arguments: TestDatabase.all)
    func casesInEveryStateHoldAndABrokenOneIsListed(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: cases in every state, through the API
            let f = app.fixtures
            func register(_ mobile: String) async throws -> String {
                try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: nil, mobile: mobile)).string("trackingCode"))
            }
            let waiting = try await register("09121000001")
            let referred = try await register("09121000002")
            _ = try await api.post("/api/v1/cases/\(referred)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            let answered = try await register("09121000003")
            _ = try await api.post("/api/v1/cases/\(answered)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"])
            let closed = try await register("09121000004")
            _ = try await api.post("/api/v1/cases/\(closed)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"])
            _ = try await api.post("/api/v1/track/\(closed)/rating", json: ["mobile": "09121000004", "rating": 5])
            _ = waiting
            #expect(try await app.store.invariantViolations().isEmpty)

            // act: a referral answered behind the code's back leaves a referred case with no owner
            try await app.store.client.write { db in
                try await db.raw(
                    "UPDATE referrals SET status = 'answered' WHERE case_id = (SELECT id FROM cases WHERE tracking_code = \(bind: referred))"
                ).run()
            }

            // check
            let violations = try await app.store.invariantViolations(batch: 2)
            #expect(violations.map(\.trackingCode) == [referred])
            #expect(violations.first?.problem.contains("no referral is open") == true)
        }
    }
}
