import Foundation
import PersianKit
import Testing
import TestSupport

/// The operator console's citizen look-up is scoped like every other read, shows the known mobile
/// and national ID masked, lists no confidential letter, and is rate-limited per staff member.
@Suite(.timeLimit(.minutes(10))) struct IntakeLookupTests {
    static func lookUp(_ api: APIClient, cookie: String, csrf: String, nationalID: String) async throws -> APIResponse {
        try await AdminPageTests.post(
            api, "/staff/intake", ["_csrf": csrf, "_form": "lookup", "op": "lookup", "nationalId": nationalID, "category": "housingLoan"],
            cookie: cookie)
    }

    static func signedIn(_ api: APIClient, _ name: String) async throws -> (cookie: String, csrf: String) {
        let cookie = try await PageTests.signIn(api, name)
        let csrf = try #require(try await api.get("/api/v1/session", headers: ["Cookie": cookie]).string("csrfToken"))
        return (cookie, csrf)
    }

    @Test(arguments: TestDatabase.all)
    func theLookUpIsScopedMaskedAndHidesConfidentialLetters(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a citizen of the fixtures' province with an open letter and a confidential one
            let f = app.fixtures
            let open = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            var secret = f.caseBody(subject: "شکایت محرمانه", category: "housingLoan")
            secret["confidential"] = true
            let hidden = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: secret).string("trackingCode"))

            // act: the operator of that province, and one of another province, look the citizen up
            let here = try await Self.signedIn(api, "operator")
            let found = try await Self.lookUp(api, cookie: here.cookie, csrf: here.csrf, nationalID: "0013542419")
            let away = try await Self.signedIn(api, "operatorOther")
            let notFound = try await Self.lookUp(api, cookie: away.cookie, csrf: away.csrf, nationalID: "0013542419")

            // check: in scope, the name and the open letter, the mobile masked, no confidential letter
            #expect(found.status == 200)
            #expect(found.text.contains(#"value="رضا""#))
            #expect(found.text.contains(PersianDigits.toPersian(open)))
            #expect(found.text.contains("۰۹۱۲***۴۵۶۷"))
            #expect(!found.text.contains("09121234567") && !found.text.contains("۰۹۱۲۱۲۳۴۵۶۷"))
            #expect(!found.text.contains(PersianDigits.toPersian(hidden)) && !found.text.contains("شکایت محرمانه"))
            // Out of scope: the citizen is not found at all.
            #expect(notFound.status == 200)
            #expect(!notFound.text.contains("رضا") && !notFound.text.contains("نامه‌های پیشین این شهروند"))
            #expect(!notFound.text.contains("۰۹۱۲***۴۵۶۷"))
        }
    }

    @Test func lookUpsAreLimitedPerStaffMember() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody())
            let me = try await Self.signedIn(api, "operator")
            var statuses: [Int] = []
            for _ in 0..<61 { statuses.append(try await Self.lookUp(api, cookie: me.cookie, csrf: me.csrf, nationalID: "0013542419").status) }
            #expect(statuses.prefix(60).allSatisfy { $0 == 200 })
            #expect(statuses.last == 429)
            // Another operator is not held up by it.
            let other = try await Self.signedIn(api, "supervisor")
            #expect(try await Self.lookUp(api, cookie: other.cookie, csrf: other.csrf, nationalID: "0013542419").status == 200)
        }
    }
}
