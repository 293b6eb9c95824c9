import Foundation
import Testing
import TestSupport

/// Citizens sign in with an SMS code and see only their own cases.
@Suite struct CitizenSignInTests {
    static func lastCode(_ app: TestApp, _ mobile: String) throws -> String {
        try #require(app.lastSignInCode(to: mobile))
    }

    @Test(arguments: TestDatabase.all)
    func signInWithACodeAndSeeOwnCases(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "0013542419", mobile: "09121234567"))
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "0084575948", mobile: "09351112233"))
            #expect(try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"]).status == 202)
            let code = try Self.lastCode(app, "09121234567")
            #expect(code.count == 6)
            // The code never appears in an answer or the logs.
            let wrong = try await api.post("/api/v1/citizen/session", json: ["mobile": "09121234567", "code": code == "000000" ? "111111" : "000000"])
            #expect(wrong.errorCode == "wrong_code")
            let signedIn = try await api.post("/api/v1/citizen/session", json: ["mobile": "09121234567", "code": code])
            #expect(signedIn.status == 200)
            let session = try #require(WebSession(signedIn))
            let mine = try await api.get("/api/v1/citizen/cases", headers: session.read)
            #expect(mine.status == 200)
            #expect(mine.list("items").count == 1)
            // A citizen session is no staff session.
            #expect(try await api.get("/api/v1/cases", headers: session.read).status == 401)
            // A used code does not work twice.
            #expect(try await api.post("/api/v1/citizen/session", json: ["mobile": "09121234567", "code": code]).status == 401)
            #expect(!LogCapture.shared.all.contains { $0.contains(code) && $0.contains("09121234567") })
        }
    }

    @Test(arguments: TestDatabase.all)
    func codesExpireAndAllowFiveTries(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            _ = try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"])
            let code = try Self.lastCode(app, "09121234567")
            app.clock.advance(by: 121)
            #expect(try await api.post("/api/v1/citizen/session", json: ["mobile": "09121234567", "code": code]).errorCode == "code_expired")
            _ = try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"])
            let fresh = try Self.lastCode(app, "09121234567")
            let wrongCode = fresh == "123456" ? "654321" : "123456"
            for _ in 0..<5 {
                #expect(try await api.post("/api/v1/citizen/session", json: ["mobile": "09121234567", "code": wrongCode]).errorCode == "wrong_code")
            }
            #expect(try await api.post("/api/v1/citizen/session", json: ["mobile": "09121234567", "code": fresh]).errorCode == "code_exhausted")
            // A fourth code request within ten minutes is refused.
            #expect(try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"]).status == 202)
            let limited = try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"])
            #expect(limited.status == 429)
            #expect(limited.headers[.retryAfter] != nil)
            #expect(try await api.post("/api/v1/citizen/code", json: ["mobile": "12345"]).errorCode == "invalid_mobile")
        }
    }
}
