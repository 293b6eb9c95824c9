import Foundation
import PersianKit
import Testing
import TestSupport

/// "My letters": a citizen signs in with an SMS code on the portal and sees only their own letters.
@Suite(.timeLimit(.minutes(10))) struct CitizenPageTests {
    @Test(arguments: TestDatabase.all)
    func aCitizenSignsInWithACodeAndSeesOwnLetters(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: two letters of this mobile (one without a national ID), one of someone else
            let f = app.fixtures
            let mine = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(mobile: "09121234567")).string("trackingCode"))
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: nil, mobile: "09121234567", category: "housingLoan"))
            let theirs = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "0084575948", mobile: "09351112233")).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(mine)/answer", token: f.token("supervisor"), json: ["answer": "وام شما تأیید شد."])

            // act: not signed in → the sign-in page; a wrong mobile is marked; a code is sent
            let away = try await api.get("/my")
            #expect(away.status == 303 && away.headers[.location] == "/my/sign-in")
            let badMobile = try await AdminPageTests.post(api, "/my/sign-in", ["mobile": "0912"])
            #expect(badMobile.status == 400 && badMobile.text.contains("class=\"field-error\""))
            let sent = try await AdminPageTests.post(api, "/my/sign-in", ["mobile": "۰۹۱۲۱۲۳۴۵۶۷"])
            #expect(sent.status == 200 && sent.text.contains("name=\"code\""))
            let code = try #require(try await app.lastSignInCode(to: "09121234567"))
            let wrong = try await AdminPageTests.post(api, "/my/code", ["mobile": "09121234567", "code": code == "000000" ? "111111" : "000000"])
            #expect(wrong.status == 401 && wrong.text.contains("کد واردشده نادرست است"))
            let signedIn = try await AdminPageTests.post(api, "/my/code", ["mobile": "09121234567", "code": code])
            #expect(signedIn.status == 303 && signedIn.headers[.location] == "/my")
            let cookie = String(try #require(signedIn.headers[.setCookie]?.split(separator: ";").first))

            // check: both own letters, the answer, a rating form; nothing of the other citizen
            let page = try await api.get("/my", headers: ["Cookie": cookie])
            #expect(page.status == 200)
            #expect(page.text.contains("۲ نامه"))
            #expect(page.text.contains("وام شما تأیید شد."))
            #expect(page.text.contains(#"name="back" value="my""#))
            #expect(PageSnapshot.externalResources(page.text).isEmpty)
            PageSnapshot.check(page.text, named: "my-letters")
            #expect(!page.text.contains(theirs) && !page.text.contains(PersianDigits.toPersian(theirs)))
            // Rating from here comes back here.
            let rated = try await AdminPageTests.post(api, "/track/rate", ["code": mine, "mobile": "09121234567", "rating": "5", "back": "my"])
            #expect(rated.status == 303 && rated.headers[.location] == "/my?rated=1")
            // A citizen session opens no staff page.
            #expect(try await api.get("/staff/queue", headers: ["Cookie": cookie]).status == 303)
            // A used code does not sign in again.
            #expect(try await AdminPageTests.post(api, "/my/code", ["mobile": "09121234567", "code": code]).status == 401)
        }
    }

    @Test func aLetterWithoutANationalIDIsRegisteredFromThePortal() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let fields = [
                "kind": "complaint", "category": "livingAssistance", "subject": "کمک معیشتی",
                "body": "متن نامه", "firstName": "زهرا", "lastName": "کریمی", "nationalId": "", "mobile": "09351234567", "province": f.province,
            ]
            let created = try await PublicLetter.write(app, api, fields)
            #expect(created.status == 201)
            let wrongID = try await PublicLetter.write(app, api, fields.merging(["_form": "other", "nationalId": "1234567890"]) { $1 })
            #expect(wrongID.status == 400 && wrongID.text.contains("aria-invalid=\"true\""))
            #expect(try await api.get("/api/v1/cases", token: f.token("supervisor")).list("items").count == 1)
        }
    }
}
