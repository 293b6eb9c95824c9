import Foundation
import Testing
import TestSupport

/// Staff sign-in on server-side sessions: cookies, CSRF, lock-out, sign-out, password change.
@Suite(.timeLimit(.minutes(10))) struct SessionTests {
    @Test(arguments: TestDatabase.all)
    func signInReadWriteAndSignOut(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let response = try await api.send(.post, "/api/v1/session", json: ["username": "Supervisor", "password": Fixtures.password("supervisor")])
            #expect(response.status == 200)
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            #expect(setCookie.contains("Secure"))  // the test app's public URL is https
            let session = try #require(WebSession(response))
            let me = try await api.get("/api/v1/session", headers: session.read)
            #expect((me["staff"] as? [String: Any])?["username"] as? String == "supervisor")
            // A read with the cookie works; a write needs the CSRF token too.
            #expect(try await api.get("/api/v1/cases", headers: session.read).status == 200)
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let noCSRF = try await api.post("/api/v1/cases/\(code)/answer", json: ["answer": "پاسخ"], headers: session.read)
            #expect(noCSRF.status == 403)
            #expect(noCSRF.errorCode == "csrf_invalid")
            let wrongCSRF = try await api.post("/api/v1/cases/\(code)/answer", json: ["answer": "پاسخ"], headers: ["Cookie": session.cookie, "X-CSRF-Token": "forged"])
            #expect(wrongCSRF.errorCode == "csrf_invalid")
            #expect(try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).string("status") == "registered")
            #expect(try await api.post("/api/v1/cases/\(code)/answer", json: ["answer": "پاسخ"], headers: session.write).status == 200)
            // Sign out: the cookie is dead.
            let out = try await api.send(.delete, "/api/v1/session", headers: session.write)
            #expect(out.status == 204)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await api.get("/api/v1/cases", headers: session.read).status == 401)
        }
    }

    @Test(arguments: TestDatabase.all)
    func wrongPasswordsLockTheAccount(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            for _ in 0..<5 {
                let wrong = try await api.send(.post, "/api/v1/session", json: ["username": "operator", "password": "guess"])
                #expect(wrong.status == 401)
                #expect(wrong.errorCode == "invalid_credentials")
            }
            // Throttled from this address: even the right password is refused, with the time to wait.
            let locked = try await api.send(.post, "/api/v1/session", json: ["username": "operator", "password": Fixtures.password("operator")])
            #expect(locked.status == 429)
            #expect(locked.errorCode == "sign_in_throttled")
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 0)
            app.clock.advance(by: 16 * 60)
            #expect(try await api.signIn("operator", password: Fixtures.password("operator")) != nil)
            // Unknown users get the same answer as wrong passwords.
            #expect(try await api.send(.post, "/api/v1/session", json: ["username": "nobody", "password": "x"]).errorCode == "invalid_credentials")
        }
    }

    @Test(arguments: TestDatabase.all)
    func forgedExpiredAndChangedPasswordSessions(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            #expect(try await api.get("/api/v1/cases", headers: ["Cookie": "samad_session=forged"]).status == 401)
            let session = try #require(try await api.signIn("inspector", password: Fixtures.password("inspector")))
            app.clock.advance(by: 13 * 3600)
            #expect(try await api.get("/api/v1/cases", headers: session.read).status == 401)
            let fresh = try #require(try await api.signIn("inspector", password: Fixtures.password("inspector")))
            let weak = try await api.post("/api/v1/session/password", json: ["currentPassword": Fixtures.password("inspector"), "newPassword": "short"], headers: fresh.write)
            #expect(weak.errorCode == "weak_password")
            let wrong = try await api.post("/api/v1/session/password", json: ["currentPassword": "nope", "newPassword": "a-long-new-password"], headers: fresh.write)
            #expect(wrong.status == 401)
            let changed = try await api.post("/api/v1/session/password", json: ["currentPassword": Fixtures.password("inspector"), "newPassword": "a-long-new-password"], headers: fresh.write)
            #expect(changed.status == 204)
            #expect(try await api.get("/api/v1/cases", headers: fresh.read).status == 401)
            #expect(try await api.signIn("inspector", password: Fixtures.password("inspector")) == nil)
            #expect(try await api.signIn("inspector", password: "a-long-new-password") != nil)
        }
    }

    @Test func securityHeadersOnEveryAnswer() async throws {
        try await withTestAPI(database: .sqlite) { _, api in
            for path in ["/health", "/api/v1/categories", "/api/v1/cases", "/no-such-page"] {
                let response = try await api.get(path)
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "\(path)")
                #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(path)")
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(path)")
                #expect(response.headers[.init("Referrer-Policy")!] != nil, "\(path)")
            }
        }
    }
}
