import Foundation
import Testing
import TestSupport

/// Page writes from another site are refused before they do anything: sign-in (login CSRF), the
/// letter form, staff actions. The same form from Samad's own pages goes through.
@Suite(.timeLimit(.minutes(10))) struct SameOriginTests {
    /// The test router answers as `localhost`, as a server answers for the host it was reached at.
    static let form = ["Content-Type": "application/x-www-form-urlencoded"]

    @Test func signInFromAnotherSiteIsRefused() async throws {
        try await withTestAPI(database: .sqlite) { _, api in
            // act: the right password, posted by a form on another site
            let body = "username=supervisor&password=\(Fixtures.password("supervisor"))"
            var headers = Self.form
            headers["Origin"] = "https://evil.example"
            let forged = try await api.send(.post, "/login", raw: body, headers: headers)
            // check: refused, and no session was started
            #expect(forged.status == 403)
            #expect(forged.headers[.setCookie] == nil)
            #expect(forged.text.contains("وبگاه دیگری"))

            headers["Origin"] = "http://localhost:8443"
            #expect(try await api.send(.post, "/login", raw: body, headers: headers).status == 403, "another port is another origin")

            var fetchSite = Self.form
            fetchSite["Sec-Fetch-Site"] = "cross-site"
            #expect(try await api.send(.post, "/login", raw: body, headers: fetchSite).status == 403)

            // The same form from Samad's own page signs in.
            headers["Origin"] = "http://localhost"
            let own = try await api.send(.post, "/login", raw: body, headers: headers)
            #expect(own.status == 303)
            #expect(own.headers[.setCookie] != nil)
        }
    }

    @Test func aLetterFromAnotherSiteRegistersNothing() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let before = try await FormFuzzTests.caseCount(api, token: f.token("admin"))
            var headers = Self.form
            headers["Origin"] = "https://evil.example"
            let body = PageTests.form([
                "kind": "request", "category": "interestFreeLoan", "subject": "درخواست وام", "body": "متن نامه برای آزمون",
                "mobile": "09121234567", "province": f.province,
            ])
            #expect(try await api.send(.post, "/letter", raw: body, headers: headers).status == 403)
            #expect(try await FormFuzzTests.caseCount(api, token: f.token("admin")) == before)
        }
    }
}
