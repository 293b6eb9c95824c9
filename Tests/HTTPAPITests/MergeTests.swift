import Foundation
import Testing
import TestSupport

/// Merging a duplicate letter: only into an earlier open case, and the citizen is told which.
@Suite(.timeLimit(.minutes(10))) struct MergeTests {
    @Test(arguments: TestDatabase.all)
    func aCaseIsNotMergedIntoAClosedOne(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: an earlier case answered and closed, a later one of the same citizen referred
            let f = app.fixtures
            let closed = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(closed)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"])
            #expect(try await api.post("/api/v1/cases/\(closed)/close", token: f.token("supervisor"), json: [:]).string("status") == "closed")
            app.clock.advance(by: 3600)
            let later = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(later)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            let before = try await api.get("/api/v1/cases/\(later)", token: f.token("supervisor")).text

            // act
            let merged = try await api.post("/api/v1/cases/\(later)/merge", token: f.token("supervisor"), json: ["targetTrackingCode": closed])

            // check: refused in Persian and English, nothing written
            #expect(merged.status == 409)
            #expect(merged.errorCode == "merge_target_not_open")
            #expect(merged.errorMessage?.contains("باز نیست") == true)
            #expect(((merged["error"] as? [String: Any])?["messageEn"] as? String)?.contains("open case") == true)
            let after = try await api.get("/api/v1/cases/\(later)", token: f.token("supervisor"))
            #expect(after.text == before)
            #expect(after.string("status") == "referred")
            #expect(after.list("referrals").first?["status"] as? String == "pending")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theCitizenIsToldWhichCaseTheirLetterJoined(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let earlier = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            app.clock.advance(by: 3600)
            let later = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let merged = try await api.post("/api/v1/cases/\(later)/merge", token: f.token("supervisor"), json: ["targetTrackingCode": earlier])
            #expect(merged.status == 200 && merged.string("status") == "merged")
            let sms = try await app.deliverSMS().filter { $0.kind == "merged" }
            #expect(sms.count == 1)
            #expect(sms.first?.to == "09121234567")
            #expect(sms.first?.text.contains(earlier.persianDigits) == true)
            // its link opens the case it joined, which the citizen now follows
            #expect(sms.first?.text.hasSuffix(" https://samad.test/track/\(earlier)") == true, "\(sms.first?.text ?? "")")
        }
    }
}
