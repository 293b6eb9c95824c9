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
            let letter = try await PublicLetter.write(app, api, [
                "kind": "request", "category": "interestFreeLoan", "subject": "درخواست وام",
                "body": "متن نامه غریبه", "firstName": "غریبه", "lastName": "مهاجم", "nationalId": "0013542419", "mobile": stranger,
                "province": f.province,
            ])
            #expect(letter.status == 201)
            let strangerCase = try #require(
                letter.text.range(of: #"/track/[0-9]+"#, options: .regularExpression).map { String(letter.text[$0].dropFirst(7)) })

            // check: the owner still tracks their letter with their own mobile, under their own name
            #expect(try await api.get("/api/v1/track/\(ownerCase)?mobile=\(owner)").status == 200)
            #expect(try await api.get("/api/v1/track/\(ownerCase)?mobile=\(stranger)").status == 404)
            let staffView = try await api.get("/api/v1/cases/\(ownerCase)", token: f.token("supervisor"))
            #expect(!staffView.text.contains("غریبه") && !staffView.text.contains("مهاجم"))
            // The stranger tracks only their own letter, and "my letters" of their mobile shows nothing of the owner's.
            #expect(try await api.get("/api/v1/track/\(strangerCase)?mobile=\(stranger)").status == 200)
            _ = try await AdminPageTests.post(api, "/my/sign-in", ["mobile": stranger])
            let code = try #require(try await app.lastSignInCode(to: stranger))
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

    /// Staff may correct a known citizen's mobile and name (the caller is on the line); the change is
    /// written to the history of the letter it came with, masked.
    @Test(arguments: TestDatabase.all)
    func aStaffChangeToACitizensDetailsIsWrittenToTheHistory(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(mobile: "09121234567"))
            var changed = f.caseBody(mobile: "09351112233", category: "housingLoan")
            var citizen = try #require(changed["citizen"] as? [String: Any])
            citizen["firstName"] = "علی"
            changed["citizen"] = citizen
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: changed).string("trackingCode"))

            let detail = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
            let entry = try #require(detail.list("timeline").first { $0["kind"] as? String == "citizenDetailsChanged" })
            let text = entry["text"] as? String ?? ""
            #expect(text.contains("۰۹۱۲***۴۵۶۷") && text.contains("۰۹۳۵***۲۲۳۳"), "\(text)")
            #expect(text.contains("رضا محمدی") && text.contains("علی محمدی"))
            #expect(!detail.text.contains("09351112233") && !detail.text.contains("۰۹۳۵۱۱۱۲۲۳۳"))
            // The citizen does not see this staff step on their tracking page.
            let track = try await api.get("/api/v1/track/\(code)?mobile=09351112233")
            #expect(track.status == 200)
            #expect(!track.text.contains("citizenDetailsChanged") && !track.text.contains("مشخصات تماس"))
        }
    }
}
