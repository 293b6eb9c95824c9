import Foundation
import Testing
import TestSupport

/// Screening takes referrals back; an agency holding open referrals cannot be switched off.
@Suite(.timeLimit(.minutes(10))) struct WithdrawTests {
    @Test(arguments: TestDatabase.all)
    func screeningWithdrawsAReferralWithAReason(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: referred to two agencies
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let referred = try await api.post(
                "/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id, f.bank.id]])
            let relief = try #require(referred.list("referrals").first { $0["agencyId"] as? Int == f.relief.id }?["id"] as? Int)
            let bank = try #require(referred.list("referrals").first { $0["agencyId"] as? Int == f.bank.id }?["id"] as? Int)

            // act + check: no reason is refused and changes nothing; an agency may not withdraw
            let noReason = try await api.post("/api/v1/referrals/\(bank)/withdraw", token: f.token("supervisor"), json: ["reason": "  "])
            #expect(noReason.status == 400 && noReason.errorCode == "reason_required")
            #expect(try await api.post("/api/v1/referrals/\(bank)/withdraw", token: f.token("liaisonBank"), json: ["reason": "x"]).status == 403)
            #expect(try await api.post("/api/v1/referrals/\(bank)/withdraw", token: f.token("supervisorOther"), json: ["reason": "x"]).status == 404)

            // one of two withdrawn: still referred
            app.clock.advance(by: 60)
            let one = try await api.post("/api/v1/referrals/\(bank)/withdraw", token: f.token("supervisor"), json: ["reason": "ارجاع نادرست به بانک"])
            #expect(one.status == 200)
            #expect(one.string("status") == "referred")
            #expect(one.list("referrals").first { $0["id"] as? Int == bank }?["status"] as? String == "cancelled")
            let event = one.list("timeline").last
            #expect(event?["kind"] as? String == "referralWithdrawn" && event?["text"] as? String == "ارجاع نادرست به بانک")
            // twice is a conflict
            #expect(try await api.post("/api/v1/referrals/\(bank)/withdraw", token: f.token("supervisor"), json: ["reason": "دوباره"]).status == 409)

            // the last open one withdrawn: back to the screening queue
            let last = try await api.post("/api/v1/referrals/\(relief)/withdraw", token: f.token("supervisor"), json: ["reason": "نیاز به بررسی دوباره"])
            #expect(last.string("status") == "registered")
            let queue = try await api.get("/api/v1/cases?status=registered,reopened", token: f.token("supervisor"))
            #expect(queue.list("items").contains { $0["trackingCode"] as? String == code })
            // the citizen does not see the internal step
            let tracked = try await api.get("/api/v1/track/\(code)?mobile=09121234567")
            #expect(!tracked.text.contains("نیاز به بررسی دوباره"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAgencyWithOpenReferralsIsNotDeactivated(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: one open referral at the bank
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let referral = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id]])
                    .list("referrals").first?["id"] as? Int)
            let off: [String: Any] = ["name": f.bank.name, "kind": "bank", "active": false]

            // act
            let refused = try await api.send(.put, "/api/v1/agencies/\(f.bank.id)", token: f.token("admin"), json: off)

            // check: 409 with a stable code, the agency still active
            #expect(refused.status == 409)
            #expect(refused.errorCode == "agency_has_open_referrals")
            let agencies = try await api.get("/api/v1/agencies?province=\(f.province)")
            #expect(agencies.array.contains { $0["id"] as? Int == f.bank.id && $0["active"] as? Bool == true })

            // once the referral is withdrawn the agency may be switched off
            #expect(try await api.post("/api/v1/referrals/\(referral)/withdraw", token: f.token("supervisor"), json: ["reason": "دستگاه ادغام می‌شود"]).status == 200)
            let done = try await api.send(.put, "/api/v1/agencies/\(f.bank.id)", token: f.token("admin"), json: off)
            #expect(done.status == 200)
            #expect(done["active"] as? Bool == false)
        }
    }
}
