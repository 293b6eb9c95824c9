import Foundation
import Testing
import TestSupport

/// A category's own reminder and escalation days, edited through the API and followed by the watcher.
@Suite(.timeLimit(.minutes(10))) struct CategoryEscalationTests {
    @Test(arguments: TestDatabase.all)
    func aCategorysOwnEscalationDaysAreEditedAndFollowed(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: loans give the agency two business days past the due date before level 1
            let f = app.fixtures
            let body: [String: Any] = [
                "name": "وام قرض‌الحسنه", "defaultAgencyKind": "bank", "answerDays": 10,
                "escalation": ["reminderDaysBefore": 2, "level1DaysLate": 2, "level2DaysLate": 5],
            ]
            let saved = try await api.send(.put, "/api/v1/categories/interestFreeLoan", token: f.token("admin"), json: body)
            #expect(saved.status == 200)
            #expect((saved["escalation"] as? [String: Any])?["level1DaysLate"] as? Int == 2)
            // an edit without escalation keeps it; a bad one is refused and changes nothing
            var plain = body
            plain["escalation"] = nil
            plain["answerDays"] = 10
            _ = try await api.send(.put, "/api/v1/categories/interestFreeLoan", token: f.token("admin"), json: plain)
            let bad = try await api.send(
                .put, "/api/v1/categories/interestFreeLoan", token: f.token("admin"),
                json: body.merging(["escalation": ["reminderDaysBefore": 1, "level1DaysLate": 3, "level2DaysLate": 2]]) { $1 })
            #expect(bad.status == 422 && bad.errorCode == "escalation_levels_out_of_order")
            let listed = try await api.get("/api/v1/categories").array.first { $0["code"] as? String == "interestFreeLoan" }
            #expect((listed?["escalation"] as? [String: Any])?["reminderDaysBefore"] as? Int == 2)
            #expect((listed?["escalation"] as? [String: Any])?["level2DaysLate"] as? Int == 5)

            // act: a loan letter referred; the watcher runs one calendar day after its due date
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let referral = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id]])
                    .list("referrals").first)
            let due = try #require(ISO8601DateFormatter().date(from: referral["dueAt"] as? String ?? ""))
            app.clock.advance(by: due.addingTimeInterval(86_400).timeIntervalSince(app.clock.now))
            _ = try await app.samad.deadlineWatcher.runOnce()

            // check: late, yet not escalated (the standard days would have made it level 1 at the due date)
            let early = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).list("referrals").first
            #expect(early?["escalationLevel"] as? Int == 0)
            app.clock.advance(by: 14 * 86_400)
            _ = try await app.samad.deadlineWatcher.runOnce()
            let late = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).list("referrals").first
            #expect((late?["escalationLevel"] as? Int ?? 0) >= 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func shorterDaysReachReferralsAlreadyOpen(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: loans get ten business days past the due date; a loan referral is a day late
            let f = app.fixtures
            func setDays(_ level1: Int, _ level2: Int) async throws -> Int {
                try await api.send(
                    .put, "/api/v1/categories/interestFreeLoan", token: f.token("admin"),
                    json: [
                        "name": "وام قرض‌الحسنه", "defaultAgencyKind": "bank", "answerDays": 10,
                        "escalation": ["reminderDaysBefore": 1, "level1DaysLate": level1, "level2DaysLate": level2],
                    ]
                ).status
            }
            #expect(try await setDays(10, 20) == 200)
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let referral = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id]])
                    .list("referrals").first)
            let due = try #require(ISO8601DateFormatter().date(from: referral["dueAt"] as? String ?? ""))
            app.clock.advance(by: due.addingTimeInterval(86_400).timeIntervalSince(app.clock.now))
            _ = try await app.samad.deadlineWatcher.runOnce()
            let level = { try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).list("referrals").first?["escalationLevel"] as? Int }
            #expect(try await level() == 0)

            // act: the days are shortened, and the watcher runs at once, no time passing
            #expect(try await setDays(0, 3) == 200)
            _ = try await app.samad.deadlineWatcher.runOnce()

            // check: the open referral follows the new days
            #expect(try await level() == 1)
        }
    }
}
