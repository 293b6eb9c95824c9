import Foundation
import Testing
import TestSupport

/// A public letter is accepted only with a proven mobile, so SMS 1 goes only to a mobile its owner
/// holds: a visitor proves it with the code sent to it; a citizen signed in on "my letters" writes
/// under their session's mobile.
@Suite(.timeLimit(.minutes(10))) struct LetterProofTests {
    @Test(arguments: TestDatabase.all)
    func aVisitorsLetterNeedsTheCodeSentToTheMobile(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let mobile = "09351234567"
            // The page asks for the mobile first.
            let first = try await api.get("/letter")
            #expect(first.status == 200)
            #expect(first.text.contains(#"action="/letter/code""#) && !first.text.contains(#"id="subject""#))

            // setup: the code step
            let step = try await PublicLetter.askForCode(api, mobile: mobile)
            #expect(step.status == 200)
            #expect(step.text.contains(#"id="code""#) && step.text.contains("۰۹۳۵۱۲۳۴۵۶۷"))
            PageSnapshot.check(step.text, named: "letter-code")
            // Nothing is chosen for the citizen: province and category start on a "choose" line that
            // cannot be sent, and the provinces are in Persian alphabetical order (آذربایجان … یزد).
            #expect(step.text.contains(#"<option value="" selected disabled>استان را برگزینید</option>"#))
            #expect(step.text.contains(#"<option value="" selected disabled>موضوع را برگزینید</option>"#))
            let provinceSelect = try #require(step.text.components(separatedBy: #"<select id="province""#).last?.components(separatedBy: "</select>").first)
            let names = provinceSelect.components(separatedBy: "</option>").dropFirst().dropLast()
                .compactMap { $0.components(separatedBy: ">").last }
            #expect(names.count == 31 && names.first == "آذربایجان شرقی" && names.last == "یزد", "\(names)")
            #expect(step.text.contains(#"<select id="province" name="province" required>"#))
            let code = try #require(try await app.lastSignInCode(to: mobile))
            var fields = PublicLetter.fields(mobile: mobile, province: f.province)
            fields["_form"] = PageTests.formKey(in: step.text)

            // act: without the code, and with a wrong one
            let without = try await AdminPageTests.post(api, "/letter", fields)
            let wrong = try await AdminPageTests.post(api, "/letter", fields.merging(["code": code == "123456" ? "654321" : "123456"]) { $1 })

            // check: refused on the form, nothing written, no SMS 1
            #expect(without.status == 401)
            #expect(wrong.status == 401 && wrong.text.contains("کد واردشده نادرست است"))
            #expect(wrong.text.contains("درخواست وام"), "the letter's text comes back to be sent again")
            #expect(try await FormFuzzTests.caseCount(api, token: f.token("admin")) == 0)
            #expect(try await app.deliverSMS().filter { $0.kind != "signInCode" }.isEmpty)

            // act: the right code
            let accepted = try await AdminPageTests.post(api, "/letter", fields.merging(["code": code]) { $1 })

            // check: registered, SMS 1 to the proven mobile, and the visitor is now signed in as that citizen
            #expect(accepted.status == 201)
            #expect(try await FormFuzzTests.caseCount(api, token: f.token("admin")) == 1)
            // The receipt says what happens next and by when, and links to the letter's tracking page.
            #expect(accepted.text.contains("پس از این چه می‌شود") && accepted.text.contains("روز کاری مهلت پاسخ"))
            #expect(accepted.text.contains(#"href="/track/"#) && !accepted.text.contains(#"href="/staff/cases/"#))
            let sms = try await app.deliverSMS().filter { $0.kind == "registered" }
            #expect(sms.map(\.to) == [mobile])
            let cookie = String(try #require(accepted.headers[.setCookie]?.split(separator: ";").first))
            #expect(try await api.get("/my", headers: ["Cookie": cookie]).status == 200)
            // A letter without a mobile goes back to the first step, and writes nothing.
            let noMobile = try await AdminPageTests.post(api, "/letter", fields.merging(["mobile": "", "_form": "third"]) { $1 })
            #expect(noMobile.status == 400 && noMobile.text.contains(#"action="/letter/code""#))
            // A used code proves nothing again.
            let reused = try await AdminPageTests.post(api, "/letter", fields.merging(["code": code, "_form": "another"]) { $1 })
            #expect(reused.status == 401)
            #expect(try await FormFuzzTests.caseCount(api, token: f.token("admin")) == 1)
        }
    }

    /// Writing takes longer than a code lives: «کد تازه بفرستید» under the letter sends a new code
    /// and gives the letter back as written, and the new code sends it.
    @Test func aCodeThatRanOutWhileWritingIsRenewedWithTheLetterKept() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            // setup: the code step, then five minutes of writing
            let f = app.fixtures
            let mobile = "09351234567"
            let step = try await PublicLetter.askForCode(api, mobile: mobile)
            #expect(step.text.contains(#"formaction="/letter/code""#) && step.text.contains(#"autocomplete="one-time-code""#))
            let spent = try #require(try await app.lastSignInCode(to: mobile))
            app.clock.advance(by: 300)
            var fields = PublicLetter.fields(mobile: mobile, province: f.province)
            fields["_form"] = PageTests.formKey(in: step.text)
            fields["body"] = "نامه‌ای که نوشتنش پنج دقیقه طول کشید"
            fields["code"] = spent
            let late = try await AdminPageTests.post(api, "/letter", fields)
            #expect(late.status == 401)

            // act: the resend button posts the letter to /letter/code
            let renewed = try await AdminPageTests.post(api, "/letter/code", fields)

            // check: a new code, the letter as written, the countdown again; the new code sends it
            #expect(renewed.status == 200)
            #expect(renewed.text.contains("نامه‌ای که نوشتنش پنج دقیقه طول کشید") && renewed.text.contains(#"value="درخواست وام""#))
            #expect(renewed.text.contains("data-countdown") && !renewed.text.contains(#"value="\#(spent)""#))
            let fresh = try #require(try await app.lastSignInCode(to: mobile))
            fields["code"] = fresh
            fields["_form"] = PageTests.formKey(in: renewed.text)
            #expect(try await AdminPageTests.post(api, "/letter", fields).status == 201)
            #expect(try await FormFuzzTests.caseCount(api, token: f.token("admin")) == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSignedInCitizenWritesUnderTheirOwnMobile(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a citizen signed in on "my letters"
            let f = app.fixtures
            let mobile = "09121234567"
            _ = try await AdminPageTests.post(api, "/my/sign-in", ["mobile": mobile])
            let signedIn = try await AdminPageTests.post(api, "/my/code", ["mobile": mobile, "code": try #require(try await app.lastSignInCode(to: mobile))])
            let cookie = String(try #require(signedIn.headers[.setCookie]?.split(separator: ";").first))
            let form = try await api.get("/letter", headers: ["Cookie": cookie])
            #expect(form.status == 200)
            #expect(form.text.contains(#"id="subject""#) && !form.text.contains(#"id="code""#) && form.text.contains("۰۹۱۲***۴۵۶۷"))
            var fields = PublicLetter.fields(mobile: "09359999999", province: f.province)
            fields["_form"] = PageTests.formKey(in: form.text)

            // act: without the session's CSRF token, then with it (and another mobile typed into the body)
            let forged = try await AdminPageTests.post(api, "/letter", fields, cookie: cookie)
            fields["_csrf"] = PageTests.csrf(in: form.text)
            let accepted = try await AdminPageTests.post(api, "/letter", fields, cookie: cookie)

            // check: the letter is the session mobile's, and SMS 1 goes there only
            #expect(forged.status == 403)
            #expect(accepted.status == 201)
            #expect(accepted.text.contains("۰۹۱۲***۴۵۶۷"))
            let sms = try await app.deliverSMS().filter { $0.kind == "registered" }
            #expect(sms.map(\.to) == [mobile])
            let mine = try await api.get("/my", headers: ["Cookie": cookie])
            #expect(mine.text.contains("درخواست وام"))
        }
    }
}
