import Foundation
import Testing
import TestSupport

/// A whole case's life through the API, on every engine.
@Suite(.timeLimit(.minutes(10))) struct CaseLifeTests {
    @Test(arguments: TestDatabase.all)
    func wholeLife(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            // act: register
            let registered = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody())
            #expect(registered.status == 201, "\(registered.text)")
            let code = try #require(registered.string("trackingCode"))
            #expect(registered.string("status") == "registered")
            var sms = try await app.deliverSMS()
            #expect(sms.count == 1)
            #expect(sms[0].kind == "registered" && sms[0].to == "09121234567")
            #expect(sms[0].text.contains(code.persianDigits))

            // refer to two agencies
            app.clock.advance(by: 3600)
            let referred = try await api.post(
                "/api/v1/cases/\(code)/referrals", token: f.token("supervisor"),
                json: ["agencyIds": [f.relief.id, f.bank.id], "note": "لطفاً رسیدگی شود"])
            #expect(referred.status == 200)
            #expect(referred.string("status") == "referred")
            let referrals = referred.list("referrals")
            #expect(referrals.count == 2)
            sms = try await app.deliverSMS()
            #expect(sms.count == 3)
            #expect(sms[1].kind == "referred" && sms[1].text.contains(f.relief.name))
            #expect(sms[2].kind == "referred" && sms[2].text.contains(f.bank.name))
            let reliefReferral = try #require(referrals.first { $0["agencyId"] as? Int == f.relief.id }?["id"] as? Int)
            let bankReferral = try #require(referrals.first { $0["agencyId"] as? Int == f.bank.id }?["id"] as? Int)

            // the bank returns it as not its own
            app.clock.advance(by: 3600)
            let returned = try await api.post(
                "/api/v1/referrals/\(bankReferral)/return", token: f.token("liaisonBank"),
                json: ["reason": "درخواست مربوط به کمیته امداد است"])
            #expect(returned.status == 200)
            #expect(returned.string("status") == "referred")

            // the relief committee accepts and answers
            app.clock.advance(by: 3600)
            #expect(try await api.post("/api/v1/referrals/\(reliefReferral)/accept", token: f.token("liaison")).status == 200)
            app.clock.advance(by: 86_400)
            let answered = try await api.post(
                "/api/v1/referrals/\(reliefReferral)/answer", token: f.token("liaison"),
                json: ["answer": "کمک معیشتی برای شما برقرار شد."])
            #expect(answered.status == 200)
            #expect(answered.string("status") == "answered")
            sms = try await app.deliverSMS()
            #expect(sms.count == 4)
            #expect(sms[3].kind == "answered")
            // The link in SMS 3 opens this case's tracking page, the code filled in.
            let link = try #require(sms[3].text.split(separator: " ").last.map(String.init))
            #expect(link.hasPrefix("https://samad.test/"))
            let trackPage = try await api.get(String(link.dropFirst("https://samad.test".count)))
            #expect(trackPage.status == 200)
            #expect(trackPage.text.contains(#"<html lang="fa" dir="rtl">"#))
            #expect(trackPage.text.contains(#"name="code" value="\#(code)""#))

            // the citizen reads it and is unsatisfied
            let tracked = try await api.get("/api/v1/track/\(code)?mobile=09121234567")
            #expect(tracked.status == 200)
            #expect((tracked.string("answer") ?? "").contains("کمک معیشتی برای شما برقرار شد."))
            app.clock.advance(by: 3600)
            let rated = try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "۰۹۱۲۱۲۳۴۵۶۷", "rating": 2, "comment": "هنوز واریز نشده"])
            #expect(rated.status == 200)
            #expect(rated.string("status") == "reopened")

            // screening answers again, then closes
            app.clock.advance(by: 3600)
            let again = try await api.post(
                "/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پیگیری شد؛ واریز تا پایان هفته انجام می‌شود."])
            #expect(again.status == 200)
            #expect(again.string("status") == "answered")
            app.clock.advance(by: 3600)
            let closed = try await api.post("/api/v1/cases/\(code)/close", token: f.token("supervisor"), json: [:])
            #expect(closed.status == 200)
            #expect(closed.string("status") == "closed")
            sms = try await app.deliverSMS()
            #expect(sms.map(\.kind) == ["registered", "referred", "referred", "answered", "reopened", "answered"])
            // Every SMS ends with this case's tracking page (no mobile in it), and each opens it.
            for message in sms {
                let link = try #require(message.text.split(separator: " ").last.map(String.init))
                #expect(link == "https://samad.test/track/\(code)", "\(message.kind): \(message.text)")
                let page = try await api.get(String(link.dropFirst("https://samad.test".count)))
                #expect(page.status == 200 && page.text.contains(#"name="code" value="\#(code)""#))
            }

            // check: the timeline shows every step, in order
            let detail = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
            let kinds = detail.list("timeline").compactMap { $0["kind"] as? String }
            #expect(
                kinds == [
                    "registered", "referred", "referred", "referralReturned", "referralAccepted", "referralAnswered",
                    "answered", "rated", "reopened", "answered", "closed",
                ])
            let times = detail.list("timeline").compactMap { $0["atJalali"] as? String }
            #expect(times.allSatisfy { $0.hasPrefix("۱۴۰۲/۰۳/") })

            // and the citizen's view hides what is internal
            let citizenView = try await api.get("/api/v1/track/\(code)?mobile=09121234567")
            let steps = citizenView.list("timeline").compactMap { $0["description"] as? String }
            #expect(!steps.contains { $0.contains("بازگرداند") })
            #expect(!citizenView.text.contains("0013542419"))
            #expect(!citizenView.text.contains("آزمون"))
        }
    }
}

extension String {
    /// The same digits in Persian, as SMS and pages show them.
    var persianDigits: String {
        String(map { c in c.isASCII && c.isNumber ? Character(UnicodeScalar(0x06F0 + Int(String(c))!)!) : c })
    }
}
