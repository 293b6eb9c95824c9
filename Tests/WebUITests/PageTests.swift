import Foundation
import PersianKit
import Testing
import TestSupport

/// The Persian pages through the real router: snapshots, no outside resources, forms that keep
/// input and say what is wrong, one case per double submit, stale forms refused.
@Suite(.timeLimit(.minutes(10))) struct PageTests {
    /// Signs a fixture account in through the sign-in form; returns the cookie header.
    static func signIn(_ api: APIClient, _ name: String) async throws -> String {
        let response = try await api.send(
            .post, "/login", raw: "username=\(name)&password=\(Fixtures.password(name))",
            headers: ["Content-Type": "application/x-www-form-urlencoded"])
        #expect(response.status == 303)
        let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first)
        return String(cookie)
    }

    /// The follow-up form sent as the citizen sends it: code and mobile posted, never in the address.
    static func track(_ api: APIClient, _ code: String, mobile: String = "09121234567") async throws -> APIResponse {
        try await AdminPageTests.post(api, "/track", ["code": code, "mobile": mobile])
    }

    static func csrf(in html: String) -> String {
        html.range(of: #"name="_csrf" value="[0-9a-f]+""#, options: .regularExpression).map {
            String(html[$0].dropFirst(#"name="_csrf" value=""#.count).dropLast())
        } ?? ""
    }

    static func formKey(in html: String) -> String {
        html.range(of: #"name="_form" value="[^"]+""#, options: .regularExpression).map {
            String(html[$0].dropFirst(#"name="_form" value=""#.count).dropLast())
        } ?? ""
    }

    static func form(_ fields: [String: String]) -> String {
        fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    func post(_ api: APIClient, _ path: String, _ fields: [String: String], cookie: String? = nil) async throws -> APIResponse {
        var headers = ["Content-Type": "application/x-www-form-urlencoded"]
        if let cookie { headers["Cookie"] = cookie }
        return try await api.send(.post, path, raw: Self.form(fields), headers: headers)
    }

    @Test func everyPageRendersInPersianWithoutOutsideResources() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            _ = try await api.post(
                "/api/v1/cases/\(code)/directives", token: f.token("official"),
                json: ["agencyId": f.bank.id, "text": "پرونده وام را تا پنج روز کاری بررسی کنید.", "businessDays": 5])
            let supervisor = try await Self.signIn(api, "supervisor")
            let official = try await Self.signIn(api, "official")
            let operatorCookie = try await Self.signIn(api, "operator")
            let liaison = try await Self.signIn(api, "liaison")
            let admin = try await Self.signIn(api, "adminProvince")
            let pages: [(String, String, String?)] = [
                ("home", "/", nil), ("track-form", "/track", nil),
                ("letter", "/letter", nil), ("login", "/login", nil), ("intake", "/staff/intake", operatorCookie),
                ("queue", "/staff/queue", supervisor), ("case", "/staff/cases/\(code)", supervisor),
                ("case-liaison", "/staff/cases/\(code)", liaison), ("inbox", "/staff/inbox", liaison),
                ("overdue", "/staff/overdue", supervisor), ("directives", "/staff/directives", official),
                ("case-official", "/staff/cases/\(code)", official),
                ("admin", "/staff/admin", admin), ("account", "/staff/account", liaison), ("templates", "/staff/templates", supervisor), ("my-sign-in", "/my/sign-in", nil),
                ("reports", "/staff/reports?period=1402-03", supervisor),
                ("oversight", "/staff/oversight?days=1", supervisor), ("agency", "/staff/agencies/\(f.bank.id)?period=1402-03", supervisor),
                ("not-found", "/no-such-page", nil),
            ]
            for (name, path, cookie) in pages {
                let response = try await api.get(path, headers: cookie.map { ["Cookie": $0] } ?? [:])
                #expect(response.status == (name == "not-found" ? 404 : 200), "\(name)")
                #expect(response.text.contains(#"<html lang="fa" dir="rtl">"#), "\(name)")
                #expect(PageSnapshot.externalResources(response.text).isEmpty, "\(name): \(PageSnapshot.externalResources(response.text))")
                // A middle dot beside Persian digits reads as a zero («۱۱۱ ·» looks like «۱۱۱۰»).
                #expect(!response.text.contains("·"), "\(name) uses the middle dot as a separator")
                PageSnapshot.check(response.text, named: name)
            }
            // Masked numbers and grouped codes read left to right inside the Persian line: without an
            // isolate «۰۹۱۲***۴۵۶۷» shows as «۴۵۶۷***۰۹۱۲».
            let casePage = try await api.get("/staff/cases/\(code)", headers: ["Cookie": supervisor])
            #expect(casePage.text.contains("\u{2066}۰۹۱۲***۴۵۶۷\u{2069}"))
            let grouped = try #require(TrackingCode(parsing: code).grouped)
            #expect(casePage.text.contains("\u{2066}\(grouped)\u{2069}"))
            let tracked = try await Self.track(api, code)
            #expect(tracked.status == 200 && tracked.text.contains(#"<html lang="fa" dir="rtl">"#))
            #expect(!tracked.text.contains("·"))
            PageSnapshot.check(tracked.text, named: "track-result")
            #expect(tracked.text.contains("\u{2066}\(grouped)\u{2069}"))
            // The mobile stays out of addresses: the form posts it, and an address that carries one
            // opens only the form, with the code filled in, nothing looked up and no error on arrival.
            #expect(tracked.text.contains(#"<form method="post" action="/track""#) == false, "the result replaces the form")
            let form = try await api.get("/track").text
            #expect(form.contains(#"<form method="post" action="/track""#))
            let linked = try await api.get("/track?code=\(code)&mobile=09121234567")
            #expect(linked.status == 200 && linked.text.contains(#"name="code" value="\#(code)""#))
            #expect(!linked.text.contains("09121234567") && !linked.text.contains("درخواست وام قرض‌الحسنه"))
            #expect(!linked.text.contains("field-error") && !linked.text.contains(#"class="alert""#))
        }
    }

    /// A tracking code as the receipt shows it (grouped, Persian digits, inside its left-to-right
    /// isolate when copied from the page) or typed with dashes is the same code.
    @Test func aCodeCopiedFromTheReceiptIsTaken() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let grouped = try TrackingCode(parsing: code).grouped
            for typed in ["\u{2066}\(grouped)\u{2069}", grouped.replacingOccurrences(of: " ", with: "-"), grouped, code] {
                let page = try await Self.track(api, typed)
                #expect(page.status == 200 && page.text.contains("درخواست وام قرض‌الحسنه"), "\(typed.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    /// The citizen's tracking page once the agency is late and the watcher has escalated: the hop
    /// says how many business days late it is, and the timeline that it is being followed up.
    @Test func theTrackingPageShowsALateHop() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            // 1402/03/04 + 10 business days is 1402/03/16; three weeks on it is well past level 2.
            app.clock.advance(by: 21 * 86_400)
            _ = try await app.samad.deadlineWatcher.runOnce()
            let page = try await Self.track(api, code)
            #expect(page.text.contains("روز کاری تأخیر"))
            #expect(page.text.contains("موضوع پیگیری شد"))
            PageSnapshot.check(page.text, named: "track-late")
        }
    }

    @Test func theReportPageShowsThePeriodInPersian() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            for (nationalID, mobile) in [("0013542419", "09121234567"), ("0084575948", "09351112233")] {
                #expect(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: nationalID, mobile: mobile)).status == 201)
            }
            let supervisor = try await Self.signIn(api, "supervisor")
            let page = try await api.get("/staff/reports?period=۱۴۰۲-۰۳", headers: ["Cookie": supervisor])
            #expect(page.status == 200)
            #expect(page.text.contains("گزارش خرداد ۱۴۰۲"))
            #expect(page.text.contains(#"<span class="figure-label">نامه‌های ثبت‌شده</span> <strong>۲</strong>"#))
            #expect(page.text.contains("<td>وام قرض‌الحسنه</td><td>۲</td><td>۱۰۰٪</td>"))
            // provincial staff get no province choice; national staff do
            #expect(!page.text.contains(#"name="province""#))
            let inspector = try await Self.signIn(api, "inspector")
            let national = try await api.get("/staff/reports?period=1402-03", headers: ["Cookie": inspector])
            #expect(national.text.contains(#"name="province""#) && national.text.contains("کل کشور"))
            // a period that does not exist is a Persian 400 page
            let bad = try await api.get("/staff/reports?period=1402-13", headers: ["Cookie": supervisor])
            #expect(bad.status == 400 && bad.text.contains("دوره گزارش نامعتبر است"))
        }
    }

    @Test func signedOutStaffPagesAskForSignInAndRolesAreChecked() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let toLogin = try await api.get("/staff/queue")
            #expect(toLogin.status == 303)
            #expect(toLogin.headers[.location]?.hasPrefix("/login") == true)
            let liaison = try await Self.signIn(api, "liaison")
            #expect(try await api.get("/staff/queue", headers: ["Cookie": liaison]).status == 403)
            #expect(try await api.get("/staff/intake", headers: ["Cookie": liaison]).status == 403)
            let wrong = try await post(api, "/login", ["username": "operator", "password": "nope"])
            #expect(wrong.status == 401)
            #expect(wrong.text.contains("نام کاربری یا گذرواژه نادرست است"))
            #expect(wrong.text.contains(#"value="operator""#))
        }
    }

    @Test func intakeKeepsInputMarksEachFieldAndRegistersOnce() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let cookie = try await Self.signIn(api, "operator")
            let page = try await api.get("/staff/intake", headers: ["Cookie": cookie]).text
            let csrf = Self.csrf(in: page)
            let key = Self.formKey(in: page)
            // Two wrong fields: both marked, everything typed kept.
            let bad = try await post(api, "/staff/intake", [
                "_csrf": csrf, "_form": key, "op": "register", "nationalId": "1111111111", "mobile": "0912", "firstName": "رضا",
                "lastName": "محمدی", "category": "livingAssistance", "subject": "کمک معیشتی", "body": "متن نامه", "channel": "phone111",
            ], cookie: cookie)
            #expect(bad.status == 400)
            #expect(bad.text.components(separatedBy: "class=\"field-error\"").count - 1 == 2)
            #expect(bad.text.contains(#"value="کمک معیشتی""#))
            #expect(bad.text.contains("متن نامه"))
            // Missing CSRF: refused, nothing written.
            let forged = try await post(api, "/staff/intake", ["op": "register", "_form": key], cookie: cookie)
            #expect(forged.status == 403)
            // The same form sent twice: one case.
            let good = [
                "_csrf": csrf, "_form": key, "op": "register", "nationalId": "0013542419", "mobile": "09121234567", "firstName": "رضا",
                "lastName": "محمدی", "category": "livingAssistance", "subject": "کمک معیشتی", "body": "متن نامه", "channel": "phone111",
                "county": f.county,
            ]
            let first = try await post(api, "/staff/intake", good, cookie: cookie)
            let second = try await post(api, "/staff/intake", good, cookie: cookie)
            #expect(first.status == 201 && second.status == 201)
            // The operator's receipt is a staff page (their navigation, not the public header), says
            // what happens next and by when (the category's 7 business days from Thursday 4 Khordad,
            // Friday off), and links to the case's staff page and the next call.
            #expect(first.text.contains(#"href="/staff/account""#) && !first.text.contains(#"href="/login""#))
            #expect(first.text.contains("۷ روز کاری") && first.text.contains("۱۳ خرداد ۱۴۰۲"), "\(first.text)")
            #expect(first.text.contains(#"href="/staff/cases/"#) && first.text.contains(#"accesskey="n""#))
            #expect(try await api.get("/api/v1/cases", token: f.token("supervisor")).list("items").count == 1)
            // A new form for the same citizen and matter warns and links instead of duplicating.
            let lookup = try await post(api, "/staff/intake", [
                "_csrf": csrf, "_form": "another", "op": "lookup", "nationalId": "۰۰۱۳۵۴۲۴۱۹", "category": "livingAssistance",
            ], cookie: cookie)
            #expect(lookup.text.contains(#"value="رضا""#))
            #expect(lookup.text.contains("نامه‌های پیشین این شهروند"))
            var again = good
            again["_form"] = "third"
            let duplicate = try await post(api, "/staff/intake", again, cookie: cookie)
            #expect(duplicate.status == 409)
            #expect(duplicate.text.contains("نامه ثبت نشد"))
            #expect(duplicate.text.contains("نامه باز دیگری در همین موضوع"))
            // The focus is on the one button that registers anyway, not back on the national ID.
            #expect(duplicate.text.contains(#"<button type="submit" name="confirmDuplicate" value="1" autofocus"#))
            #expect(!duplicate.text.contains(#"inputmode="numeric" autofocus"#))
            #expect(try await api.get("/api/v1/cases", token: f.token("supervisor")).list("items").count == 1)
            // Enter on it registers the second letter.
            var confirmed = again
            confirmed["op"] = nil
            confirmed["confirmDuplicate"] = "1"
            #expect(try await post(api, "/staff/intake", confirmed, cookie: cookie).status == 201)
            #expect(try await api.get("/api/v1/cases", token: f.token("supervisor")).list("items").count == 2)
        }
    }

    @Test func aStaleFormSaysSoInsteadOfOverwriting() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let cookie = try await Self.signIn(api, "supervisor")
            let page = try await api.get("/staff/cases/\(code)", headers: ["Cookie": cookie]).text
            let csrf = Self.csrf(in: page)
            // Meanwhile someone else answers.
            _ = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("inspector"), json: ["answer": "پاسخ همکار"])
            let stale = try await post(api, "/staff/cases/\(code)/answer", ["_csrf": csrf, "version": "1", "answer": "پاسخ من"], cookie: cookie)
            #expect(stale.status == 400)
            #expect(stale.text.contains("تغییر کرده است"))
            let detail = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
            #expect(detail.string("answer") == "پاسخ همکار")
        }
    }

    @Test func theFullIdentityIsShownOnDemandAndWrittenToTheHistory() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            // setup
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let cookie = try await Self.signIn(api, "supervisor")
            let page = try await api.get("/staff/cases/\(code)", headers: ["Cookie": cookie]).text
            #expect(page.contains("۰۹۱۲***۴۵۶۷") && !page.contains("۰۹۱۲۱۲۳۴۵۶۷"))
            // act
            let shown = try await post(api, "/staff/cases/\(code)/identity", ["_csrf": Self.csrf(in: page)], cookie: cookie)
            let forged = try await post(api, "/staff/cases/\(code)/identity", [:], cookie: cookie)
            // check
            #expect(shown.status == 200)
            #expect(shown.text.contains("۰۹۱۲۱۲۳۴۵۶۷") && shown.text.contains("۰۰۱۳۵۴۲۴۱۹"))
            #expect(shown.text.contains("اطلاعات هویتی شهروند مشاهده شد"))
            #expect(forged.status == 403)
            let history = try await api.get("/api/v1/cases/\(code)", token: f.token("inspector"))
            #expect(history.list("timeline").filter { $0["kind"] as? String == "personalDataViewed" }.count == 1)
        }
    }
}
