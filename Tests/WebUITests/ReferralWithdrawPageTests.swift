import Foundation
import Testing
import TestSupport

/// Screening takes a referral back from the case page; the SMS 3 link opens the tracking page.
@Suite(.timeLimit(.minutes(10))) struct ReferralWithdrawPageTests {
    @Test(arguments: TestDatabase.all)
    func aSupervisorWithdrawsAReferralOnTheCasePage(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let referral = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
                    .list("referrals").first?["id"] as? Int)
            let cookie = try await PageTests.signIn(api, "supervisor")
            let page = try await api.get("/staff/cases/\(code)", headers: ["Cookie": cookie]).text
            #expect(page.contains(#"action="/staff/referrals/\#(referral)/withdraw""#))
            let liaison = try await PageTests.signIn(api, "liaison")
            #expect(!(try await api.get("/staff/cases/\(code)", headers: ["Cookie": liaison]).text.contains("/withdraw")))

            // act: without a reason, then with one
            let csrf = PageTests.csrf(in: page)
            let empty = try await AdminPageTests.post(api, "/staff/referrals/\(referral)/withdraw", ["_csrf": csrf, "reason": ""], cookie: cookie)
            let done = try await AdminPageTests.post(api, "/staff/referrals/\(referral)/withdraw", ["_csrf": csrf, "reason": "ارجاع نادرست"], cookie: cookie)

            // check
            #expect(empty.status == 400 && empty.text.contains("دلیل پس گرفتن ارجاع را وارد کنید"))
            #expect(done.status == 303)
            let detail = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
            #expect(detail.string("status") == "registered")
            #expect(detail.list("timeline").last?["kind"] as? String == "referralWithdrawn")
        }
    }

    /// A refused referral form from another agency's liaison is the same 404 as a missing referral,
    /// never the case page with the form's error.
    @Test(arguments: TestDatabase.all)
    func aReferralFormOfAnotherAgencyShowsNothingOfTheCase(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "موضوع محرمانه دستگاه دیگر")).string("trackingCode"))
            let referral = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
                    .list("referrals").first?["id"] as? Int)
            let bank = try await PageTests.signIn(api, "liaisonBank")
            let csrf = PageTests.csrf(in: try await api.get("/staff/inbox", headers: ["Cookie": bank]).text)
            for (action, fields) in [("callback", ["note": "x"]), ("answer", ["answer": ""]), ("return", ["reason": ""]), ("inspection", ["text": ""])] {
                var form = fields
                form["_csrf"] = csrf
                let response = try await AdminPageTests.post(api, "/staff/referrals/\(referral)/\(action)", form, cookie: bank)
                #expect([403, 404].contains(response.status), "\(action) → \(response.status)")
                #expect(!response.text.contains("موضوع محرمانه دستگاه دیگر"), "\(action) showed the case")
            }
        }
    }

    @Test func theTrackingLinkOpensTheFormWithTheCode() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"])
            let sms = try #require(try await app.deliverSMS().last { $0.kind == "answered" })
            let link = try #require(sms.text.split(separator: " ").last.map(String.init))
            let page = try await api.get(String(link.dropFirst("https://samad.test".count)))
            #expect(page.status == 200)
            #expect(page.text.contains(#"name="code" value="\#(code)""#))
            #expect(page.text.contains(#"name="mobile" value="""#))
            #expect(try await api.get("/track/123").status == 404)
        }
    }
}
