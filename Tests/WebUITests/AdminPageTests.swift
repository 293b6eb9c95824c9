import Foundation
import Testing
import TestSupport

/// The admin page and the account page, used through their forms like a person would.
@Suite(.timeLimit(.minutes(10))) struct AdminPageTests {
    static func post(_ api: APIClient, _ path: String, _ fields: [String: String], cookie: String? = nil) async throws -> APIResponse {
        var headers = ["Content-Type": "application/x-www-form-urlencoded"]
        if let cookie { headers["Cookie"] = cookie }
        return try await api.send(.post, path, raw: PageTests.form(fields), headers: headers)
    }

    /// The one-time secret the page shows after creating an account, resetting a password or issuing a token.
    static func secret(in html: String) -> String? {
        html.range(of: #"<p class="secret-value"><code>[^<]+</code>"#, options: .regularExpression).map {
            String(html[$0].dropFirst(#"<p class="secret-value"><code>"#.count).dropLast("</code>".count))
        }
    }

    static func signIn(_ api: APIClient, _ username: String, _ password: String) async throws -> APIResponse {
        try await post(api, "/login", ["username": username, "password": password])
    }

    @Test func anAdminAddsResetsDisablesAndIssuesTokens() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            // setup
            let f = app.fixtures
            let cookie = try await PageTests.signIn(api, "adminProvince")
            let page = try await api.get("/staff/admin", headers: ["Cookie": cookie])
            #expect(page.status == 200)
            #expect(page.text.contains("operator") && !page.text.contains("operatorOther"))
            let csrf = PageTests.csrf(in: page.text)

            // act: a new operator, signed in with the first password shown once
            let created = try await Self.post(
                api, "/staff/admin/staff", ["_csrf": csrf, "username": "Zahra.K", "displayName": "زهرا کریمی", "role": "operator"],
                cookie: cookie)
            #expect(created.status == 201)
            let first = try #require(Self.secret(in: created.text))
            #expect(try await Self.signIn(api, "zahra.k", first).status == 303)
            #expect(try await app.store.staff(username: "zahra.k")?.provinceCode == f.province)

            // a taken username keeps the input and says why
            let taken = try await Self.post(
                api, "/staff/admin/staff", ["_csrf": csrf, "username": "zahra.k", "displayName": "دیگری", "role": "operator"], cookie: cookie)
            #expect(taken.status == 400)
            #expect(taken.text.contains("این نام کاربری پیش‌تر ثبت شده است"))
            #expect(taken.text.contains(#"value="دیگری""#))

            // reset: the old password stops working, the new one works
            let id = try #require(try await app.store.staff(username: "zahra.k")?.id)
            let reset = try await Self.post(api, "/staff/admin/staff/\(id)/reset-password", ["_csrf": csrf], cookie: cookie)
            let second = try #require(Self.secret(in: reset.text))
            #expect(try await Self.signIn(api, "zahra.k", first).status == 401)
            #expect(try await Self.signIn(api, "zahra.k", second).status == 303)

            // a token for the account works on the API until it is revoked
            let issued = try await Self.post(api, "/staff/admin/tokens", ["_csrf": csrf, "tokenUser": "zahra.k", "label": "سامانه بانک"], cookie: cookie)
            #expect(issued.status == 201)
            let token = try #require(Self.secret(in: issued.text))
            #expect(try await api.get("/api/v1/cases", token: token).status == 200)
            let tokenID = try #require(try await app.store.tokens(staffID: id).last?.id)
            #expect(try await Self.post(api, "/staff/admin/tokens/\(tokenID)/revoke", ["_csrf": csrf], cookie: cookie).status == 303)
            #expect(try await api.get("/api/v1/cases", token: token).status == 401)
            // a token limited to reading cannot register
            let limited = try await api.send(
                .post, "/staff/admin/tokens", raw: "_csrf=\(csrf)&tokenUser=zahra.k&permission%5B%5D=readCases",
                headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"])
            let reader = try #require(Self.secret(in: limited.text))
            #expect(try await api.get("/api/v1/cases", token: reader).status == 200)
            #expect(try await api.post("/api/v1/cases", token: reader, json: f.caseBody()).status == 403)

            // disable: no more sign-in; enable again
            #expect(try await Self.post(api, "/staff/admin/staff/\(id)/disable", ["_csrf": csrf], cookie: cookie).status == 303)
            #expect(try await Self.signIn(api, "zahra.k", second).status == 401)
            #expect(try await Self.post(api, "/staff/admin/staff/\(id)/enable", ["_csrf": csrf], cookie: cookie).status == 303)
            #expect(try await Self.signIn(api, "zahra.k", second).status == 303)

            // check: another province's account is out of reach, as if it did not exist
            let other = f.staff["operatorOther"]!.id
            #expect(try await Self.post(api, "/staff/admin/staff/\(other)/disable", ["_csrf": csrf], cookie: cookie).status == 404)
            #expect(try await Self.post(api, "/staff/admin/staff/\(other)/reset-password", ["_csrf": csrf], cookie: cookie).status == 404)
            #expect(try await Self.signIn(api, "operatorOther", Fixtures.password("operatorOther")).status == 303)
            // and nothing is done without the session's CSRF token
            #expect(try await Self.post(api, "/staff/admin/staff/\(id)/disable", [:], cookie: cookie).status == 403)
            #expect(!LogCapture.shared.all.contains { $0.contains(first) || $0.contains(second) || $0.contains(token) })
        }
    }

    @Test func staffChangeTheirOwnPassword() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            // setup
            let cookie = try await PageTests.signIn(api, "liaison")
            let page = try await api.get("/staff/account", headers: ["Cookie": cookie])
            #expect(page.status == 200)
            let csrf = PageTests.csrf(in: page.text)
            // act and check: a wrong current password, then two new ones that differ
            let wrong = try await Self.post(
                api, "/staff/account", ["_csrf": csrf, "currentPassword": "nope", "newPassword": "a-long-new-pass", "repeatPassword": "a-long-new-pass"],
                cookie: cookie)
            #expect(wrong.status == 400 && wrong.text.contains("class=\"field-error\""))
            let differ = try await Self.post(
                api, "/staff/account",
                ["_csrf": csrf, "currentPassword": Fixtures.password("liaison"), "newPassword": "a-long-new-pass", "repeatPassword": "another-pass"],
                cookie: cookie)
            #expect(differ.status == 400 && differ.text.contains("یکی نیستند"))
            let done = try await Self.post(
                api, "/staff/account",
                ["_csrf": csrf, "currentPassword": Fixtures.password("liaison"), "newPassword": "a-long-new-pass", "repeatPassword": "a-long-new-pass"],
                cookie: cookie)
            #expect(done.status == 303 && done.headers[.location] == "/login?changed=1")
            // The old session ended; the new password signs in, the old one does not.
            #expect(try await api.get("/staff/inbox", headers: ["Cookie": cookie]).status == 303)
            #expect(try await Self.signIn(api, "liaison", Fixtures.password("liaison")).status == 401)
            #expect(try await Self.signIn(api, "liaison", "a-long-new-pass").status == 303)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFirstPasswordMustBeChangedBeforeAnythingElse(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: an admin adds an operator and hands over the first password
            let admin = try await PageTests.signIn(api, "adminProvince")
            let csrf = PageTests.csrf(in: try await api.get("/staff/admin", headers: ["Cookie": admin]).text)
            let created = try await Self.post(
                api, "/staff/admin/staff", ["_csrf": csrf, "username": "new.op", "displayName": "کاربر تازه", "role": "operator"],
                cookie: admin)
            let first = try #require(Self.secret(in: created.text))

            // act: the new operator signs in with it
            let signedIn = try await Self.signIn(api, "new.op", first)
            #expect(signedIn.status == 303)
            let cookie = String(try #require(signedIn.headers[.setCookie]?.split(separator: ";").first))

            // check: every staff page sends them to change it, the API answers 403, the account page says why
            for path in ["/staff", "/staff/intake", "/staff/cases/00000000000"] {
                let response = try await api.get(path, headers: ["Cookie": cookie])
                #expect(response.status == 303 && response.headers[.location] == "/staff/account?first=1", "\(path)")
            }
            let viaAPI = try await api.get("/api/v1/cases", headers: ["Cookie": cookie])
            #expect(viaAPI.status == 403 && viaAPI.errorCode == "password_change_required")
            let account = try await api.get("/staff/account?first=1", headers: ["Cookie": cookie])
            #expect(account.status == 200 && account.text.contains("پیش از هر کاری آن را با گذرواژه‌ای که فقط خودتان می‌دانید عوض کنید"))
            // changed, the sessions end; signed in again with their own, the console opens
            let accountCSRF = PageTests.csrf(in: account.text)
            let changed = try await Self.post(
                api, "/staff/account",
                ["_csrf": accountCSRF, "currentPassword": first, "newPassword": "my-own-secret-1403", "repeatPassword": "my-own-secret-1403"],
                cookie: cookie)
            #expect(changed.status == 303)
            let again = try await Self.signIn(api, "new.op", "my-own-secret-1403")
            let fresh = String(try #require(again.headers[.setCookie]?.split(separator: ";").first))
            #expect(try await api.get("/staff/intake", headers: ["Cookie": fresh]).status == 200)
            #expect(try await api.get("/api/v1/cases", headers: ["Cookie": fresh]).status == 200)

            // an admin's reset makes it someone else's password again
            let accounts = try await app.store.staffAccounts(province: nil)
            let id = try #require(accounts.first { $0.staff.username == "new.op" }?.staff.id)
            let reset = try await Self.post(api, "/staff/admin/staff/\(id)/reset-password", ["_csrf": csrf], cookie: admin)
            let temporary = try #require(Self.secret(in: reset.text))
            let afterReset = try await Self.signIn(api, "new.op", temporary)
            let resetCookie = String(try #require(afterReset.headers[.setCookie]?.split(separator: ";").first))
            #expect(try await api.get("/staff/queue", headers: ["Cookie": resetCookie]).headers[.location] == "/staff/account?first=1")
        }
    }
}
