import AppBootstrap
import DemoData
import Domain
import Foundation
import Storage
import Testing
import TestSupport

/// Hostile and malformed bodies against every form route the router serves: no request may crash
/// the process or get a 500; a body the form decoder cannot read is a 400 and changes nothing; one
/// over 64 KiB is a 413.
@Suite(.timeLimit(.minutes(10))) struct FormFuzzTests {
    /// Bodies Hummingbird's form decoder refuses whatever the route: bad percent escapes, broken
    /// brackets, repeated keys, array indices out of order, a list and a value under one name.
    static let malformed = [
        "a=%", "a=%zz", "a=%4", "%zz=1", "a%=1", "a[=1", "a[b=1", "mobile=1&mobile=2", "_csrf=x&_csrf=y",
        "a[0]=1&a[2]=1", "a[]=1&a[x]=1", "a[]=1&a=1", "a=1&a[]=1", "a[][]=1", "a[x]=1&a[]=2",
    ]

    /// Bodies that are odd but readable: each must still get an answer below 500.
    static let odd = [
        "", "=", "==", "&&", "a=%e2%82", "a]=1[", "&=&", "=&=", "=x", "a", "a&b&c", "+", "%20=%20", "a[]=", "_csrf[]=x", "code[]=1", "agency=1",
        "agency[]=x&agency[]=", "permission[]=%00", "mobile=%00%00", "rating=99999999999999999999", "rating=-1",
        "body=\(String(repeating: "ش", count: 10_000))", "subject=\u{2060}\u{3164}", "a=\u{FFFF}\u{10FFFF}",
        String(repeating: "a=1&", count: 2_000), String(repeating: "x[", count: 500) + "=1",
    ]

    @Test func noFormBodyCrashesOrGets500() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            // setup: a case with a referral, an account and a token to aim the path parameters at
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let referral = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
                    .list("referrals").first?["id"] as? Int)
            let target = try #require(f.staff["operator"])
            let tokenID = try #require(try await app.store.tokens(staffID: target.id).last?.id)
            let admin = try await PageTests.signIn(api, "admin")
            let csrf = try #require(try await api.get("/api/v1/session", headers: ["Cookie": admin]).string("csrfToken"))
            let template = try await app.store.saveReplyTemplate(
                id: nil, try ReplyTemplateDraft(title: "الف", body: "متن", categoryCode: nil, provinceCode: nil, active: true), by: .system)
            let paths = try Self.formPaths(
                app.samad.routes, code: code, referral: referral, staff: target.id, token: tokenID, template: template.id)
            let before = try await Self.caseCount(api, token: f.token("admin"))

            // act and check: every path, anonymous and signed in with a valid CSRF token
            for path in paths {
                // Signing out signed-in bodies would end the session the other paths use.
                for cookie in path == "/logout" ? [nil] : [nil, admin] {
                    for body in Self.malformed {
                        let signedBody = cookie == nil ? body : "_csrf=\(csrf)&" + body
                        let status = try await Self.post(api, path, signedBody, cookie: cookie)
                        #expect(status == 400, "POST \(path) «\(signedBody)» signed-in=\(cookie != nil) → \(status)")
                    }
                    for body in Self.odd {
                        let signedBody = cookie == nil ? body : "_csrf=\(csrf)&" + body
                        let status = try await Self.post(api, path, signedBody, cookie: cookie)
                        #expect(status < 500, "POST \(path) «\(signedBody.prefix(60))» signed-in=\(cookie != nil) → \(status)")
                    }
                    let huge = "body=" + String(repeating: "a", count: 64 * 1024 - 4)
                    #expect(try await Self.post(api, path, huge, cookie: cookie) == 413, "POST \(path) 64 KiB + 1")
                }
            }
            // A bounded seeded run of random bodies over the characters forms are made of.
            var random = SeededGenerator(seed: 1403)
            let alphabet = Array("=&%[]+ab_09csrfmobile%zzش\u{200C}\u{0}")
            for _ in 0..<400 {
                let path = paths[Int(random.next() % UInt64(paths.count))]
                let length = Int(random.next() % 40)
                let body = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
                let status = try await Self.post(api, path, body, cookie: random.next() % 2 == 0 && path != "/logout" ? admin : nil)
                #expect(status < 500, "POST \(path) «\(body)» → \(status)")
            }

            // The process is alive and nothing was registered by all of it.
            #expect(try await api.get("/health").status == 200)
            #expect(try await Self.caseCount(api, token: f.token("admin")) == before)
        }
    }

    @Test func aMalformedLetterIsA400PageInPersian() async throws {
        try await withTestAPI(database: .sqlite) { _, api in
            let response = try await api.send(
                .post, "/letter", raw: "subject=%zz&body=x", headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(response.status == 400)
            #expect(response.text.contains("فرم فرستاده‌شده خوانا نیست"))
            #expect(response.text.contains(#"dir="rtl""#))
        }
    }

    /// Every POST page route, its parameters filled with real ids.
    static func formPaths(_ routes: [String], code: String, referral: Int, staff: Int, token: Int, template: Int) throws -> [String] {
        let posts = routes.filter { $0.hasPrefix("POST /") && !$0.contains(" /api/") }.map { String($0.dropFirst("POST ".count)) }
        #expect(posts.count >= 10, "form routes found: \(posts)")
        var paths: [String] = []
        for route in posts {
            switch route {
            case "/staff/cases/{code}/{action}":
                paths += ["identity", "answer", "refer", "merge", "close", "direct", "appeal"].map { "/staff/cases/\(code)/\($0)" }
            case "/staff/referrals/{id}/{action}":
                paths += ["accept", "answer", "return", "callback", "withdraw", "inspection"].map { "/staff/referrals/\(referral)/\($0)" }
            case "/staff/admin/staff/{id}/{action}":
                paths += ["reset-password"].map { "/staff/admin/staff/\(staff)/\($0)" }
            case "/staff/admin/tokens/{id}/revoke":
                paths.append("/staff/admin/tokens/\(token)/revoke")
            case "/staff/templates/{id}":
                paths.append("/staff/templates/\(template)")
            case "/staff/admin/sms/{id}/retry":
                // The case's SMS 1, still waiting: a retry is refused and changes nothing.
                paths.append("/staff/admin/sms/1/retry")
            default:
                #expect(!route.contains("{"), "a form route with parameters this test does not fill: \(route)")
                paths.append(route)
            }
        }
        return paths
    }

    static func post(_ api: APIClient, _ path: String, _ body: String, cookie: String?) async throws -> Int {
        var headers = ["Content-Type": "application/x-www-form-urlencoded"]
        if let cookie { headers["Cookie"] = cookie }
        return try await api.send(.post, path, raw: body, headers: headers).status
    }

    static func caseCount(_ api: APIClient, token: String) async throws -> Int {
        try await api.get("/api/v1/cases?limit=200", token: token).list("items").count
    }
}
