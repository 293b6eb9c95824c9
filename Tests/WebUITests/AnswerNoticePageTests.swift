import Foundation
import Testing
import TestSupport

/// What the pages tell a liaison and a citizen about an answer is what happened: no SMS promised
/// before the case is answered, and the answer read once.
@Suite(.timeLimit(.minutes(3))) struct AnswerNoticePageTests {
    @Test(arguments: TestDatabase.all)
    func theFirstOfTwoAnswersPromisesNoSMSAndTheCitizenReadsTheAnswerOnce(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a case referred to the relief committee and the bank
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let referrals = try await api.post(
                "/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id, f.bank.id]]
            ).list("referrals")
            let relief = try #require(referrals.first { $0["agencyId"] as? Int == f.relief.id }?["id"] as? Int)
            let bank = try #require(referrals.first { $0["agencyId"] as? Int == f.bank.id }?["id"] as? Int)
            _ = try await app.deliverSMS()

            // act: the relief committee answers on its page while the bank's referral is open
            let liaison = try await PageTests.signIn(api, "liaison")
            let csrf = PageTests.csrf(in: try await api.get("/staff/cases/\(code)", headers: ["Cookie": liaison]).text)
            let first = try await AdminPageTests.post(
                api, "/staff/referrals/\(relief)/answer", ["_csrf": csrf, "answer": "کمک معیشتی برقرار شد."], cookie: liaison)
            let firstPage = try await api.get(try #require(first.headers[.location]), headers: ["Cookie": liaison]).text

            // check: no SMS promised, none sent
            #expect(first.status == 303 || first.status == 302)
            #expect(firstPage.contains("نامه هنوز نزد دستگاه دیگری باز است"))
            #expect(!firstPage.contains("پیامک آن برای شهروند فرستاده می‌شود"))
            #expect(try await app.deliverSMS().filter { $0.kind == "answered" }.isEmpty)

            // act: the bank answers last
            let bankCookie = try await PageTests.signIn(api, "liaisonBank")
            let bankCSRF = PageTests.csrf(in: try await api.get("/staff/cases/\(code)", headers: ["Cookie": bankCookie]).text)
            let last = try await AdminPageTests.post(
                api, "/staff/referrals/\(bank)/answer", ["_csrf": bankCSRF, "answer": "وام در نوبت پرداخت است."], cookie: bankCookie)
            let lastPage = try await api.get(try #require(last.headers[.location]), headers: ["Cookie": bankCookie]).text

            // check: now the SMS goes, and the citizen reads each agency's answer once
            #expect(lastPage.contains("پیامک آن برای شهروند فرستاده می‌شود"))
            #expect(try await app.deliverSMS().filter { $0.kind == "answered" }.count == 1)
            let tracking = try await PageTests.track(api, code).text
            #expect(tracking.components(separatedBy: "کمک معیشتی برقرار شد.").count - 1 == 1)
            #expect(tracking.components(separatedBy: "وام در نوبت پرداخت است.").count - 1 == 1)
            // The rating control says each score in words.
            #expect(tracking.contains(#"<input type="radio" name="rating" value="1" required> ۱ — خیلی ناراضی</label>"#))
            #expect(tracking.contains(#"value="5" required> ۵ — خیلی راضی</label>"#))
        }
    }
}
