import Foundation
import PersianKit
import Testing
import TestSupport

/// A public letter with someone else's national ID: the owner's record, letters and tracking stay
/// theirs; the sender's letter stays with the sender's mobile.
@Suite(.timeLimit(.minutes(10))) struct CitizenTakeoverTests {
    @Test(arguments: TestDatabase.all)
    func aStrangersLetterWithAKnownNationalIDTakesNothingOver(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: the owner's letter, registered at 111, answered
            let f = app.fixtures
            let owner = "09121234567", stranger = "09351112233"
            let ownerCase = try #require(
                try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(mobile: owner)).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(ownerCase)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ محرمانه مالک"])

            // act: a stranger writes on the portal with the owner's national ID and their own mobile
            let form = try await api.get("/letter")
            let letter = try await AdminPageTests.post(api, "/letter", [
                "_form": PageTests.formKey(in: form.text), "kind": "request", "category": "interestFreeLoan", "subject": "درخواست وام",
                "body": "متن نامه غریبه", "firstName": "غریبه", "lastName": "مهاجم", "nationalId": "0013542419", "mobile": stranger,
                "province": f.province,
            ])
            #expect(letter.status == 201)
            let strangerCase = try #require(
                letter.text.range(of: #"code=[0-9]+"#, options: .regularExpression).map { String(letter.text[$0].dropFirst(5)) })

            // check: the owner still tracks their letter with their own mobile, under their own name
            #expect(try await api.get("/api/v1/track/\(ownerCase)?mobile=\(owner)").status == 200)
            #expect(try await api.get("/api/v1/track/\(ownerCase)?mobile=\(stranger)").status == 404)
            let staffView = try await api.get("/api/v1/cases/\(ownerCase)", token: f.token("supervisor"))
            #expect(!staffView.text.contains("غریبه") && !staffView.text.contains("مهاجم"))
            // The stranger tracks only their own letter, and "my letters" of their mobile shows nothing of the owner's.
            #expect(try await api.get("/api/v1/track/\(strangerCase)?mobile=\(stranger)").status == 200)
            _ = try await AdminPageTests.post(api, "/my/sign-in", ["mobile": stranger])
            let code = try #require(app.lastSignInCode(to: stranger))
            let signedIn = try await AdminPageTests.post(api, "/my/code", ["mobile": stranger, "code": code])
            let cookie = String(try #require(signedIn.headers[.setCookie]?.split(separator: ";").first))
            let mine = try await api.get("/my", headers: ["Cookie": cookie])
            #expect(mine.status == 200)
            #expect(mine.text.contains("۱ نامه"))
            #expect(!mine.text.contains("پاسخ محرمانه مالک"))
            #expect(!mine.text.contains(PersianDigits.toPersian(ownerCase)))
            // The owner's letter cannot be rated (and so closed) with the stranger's mobile.
            let rate = try await api.post("/api/v1/track/\(ownerCase)/rating", json: ["mobile": stranger, "rating": 5])
            #expect(rate.status == 404)
        }
    }
}
