import Foundation
import Testing
import TestSupport

/// A support institution calls the citizen back about its referral: the call goes on the timeline,
/// the citizen reads that the agency called, and only that agency may record it (both engines).
@Suite(.timeLimit(.minutes(10))) struct CallBackTests {
    @Test(arguments: TestDatabase.all)
    func theReliefCommitteeRecordsItsCallToTheCitizen(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a letter referred to the relief committee
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let id = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
                    .list("referrals").first?["id"] as? Int)
            app.clock.advance(by: 3600)
            let iso = ISO8601DateFormatter()

            // act, check: bad calls write nothing
            let future = try await api.post(
                "/api/v1/referrals/\(id)/callback", token: f.token("liaison"),
                json: ["outcome": "reached", "calledAt": iso.string(from: app.clock.now.addingTimeInterval(600))])
            #expect(future.status == 422 && future.errorCode == "callback_time_out_of_range")
            let before = try await api.post(
                "/api/v1/referrals/\(id)/callback", token: f.token("liaison"),
                json: ["outcome": "reached", "calledAt": iso.string(from: app.clock.now.addingTimeInterval(-7200))])
            #expect(before.status == 422 && before.errorCode == "callback_time_out_of_range")
            #expect(try await api.post("/api/v1/referrals/\(id)/callback", token: f.token("liaisonBank"), json: ["outcome": "reached"]).status == 404)
            #expect(try await api.post("/api/v1/referrals/\(id)/callback", token: f.token("supervisor"), json: ["outcome": "reached"]).status == 403)
            #expect(try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).int("version") == 2)

            // a call half an hour ago that reached the citizen
            let called = try await api.post(
                "/api/v1/referrals/\(id)/callback", token: f.token("liaison"),
                json: ["outcome": "reached", "calledAt": iso.string(from: app.clock.now.addingTimeInterval(-1800)), "note": "مدارک درآمدی خواسته شد"])
            #expect(called.status == 200 && called.string("status") == "referred")
            let step = try #require(called.list("timeline").last)
            #expect(step["kind"] as? String == "calledBack")
            #expect((step["text"] as? String)?.hasPrefix("با شهروند گفتگو شد — ") == true)
            #expect((step["text"] as? String)?.contains("مدارک درآمدی") == true)
            // the citizen reads that the agency called, not the note
            let tracked = try await api.get("/api/v1/track/\(code)?mobile=09121234567")
            #expect(tracked.list("timeline").last?["description"] as? String == "«\(f.relief.name)» برای پیگیری نامه با شهروند تماس گرفت.")
            #expect(!tracked.text.contains("مدارک درآمدی"))
            // after answering, a follow-up call; after a withdrawal, none
            _ = try await api.post("/api/v1/referrals/\(id)/answer", token: f.token("liaison"), json: ["answer": "مستمری برقرار شد"])
            #expect(try await api.post("/api/v1/referrals/\(id)/callback", token: f.token("liaison"), json: ["outcome": "noAnswer"]).status == 200)
            #expect(try await app.store.chainProblems().isEmpty)
        }
    }
}
