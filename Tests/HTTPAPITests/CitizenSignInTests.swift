import Foundation
import Testing
import TestSupport

/// Citizens sign in with an SMS code and see only their own cases.
@Suite(.timeLimit(.minutes(10))) struct CitizenSignInTests {
    static func lastCode(_ app: TestApp, _ mobile: String) async throws -> String {
        try #require(try await app.lastSignInCode(to: mobile))
    }

    @Test(arguments: TestDatabase.all)
    func signInWithACodeAndSeeOwnCases(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "0013542419", mobile: "09121234567"))
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "0084575948", mobile: "09351112233"))
            #expect(try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"]).status == 202)
            let code = try await Self.lastCode(app, "09121234567")
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
            let code = try await Self.lastCode(app, "09121234567")
            app.clock.advance(by: 121)
            #expect(try await api.post("/api/v1/citizen/session", json: ["mobile": "09121234567", "code": code]).errorCode == "code_expired")
            _ = try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"])
            let fresh = try await Self.lastCode(app, "09121234567")
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

    /// Someone else asking for codes to the owner's mobile cancels nothing, and asking for more
    /// codes buys no more guesses: five wrong tries per mobile in ten minutes, over all its codes.
    @Test(arguments: TestDatabase.all)
    func anotherCodeCancelsNothingAndBuysNoGuesses(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine, configure: { $0.trustProxy = true }) { app, api in
            // setup: the owner's code, then a stranger (another address) asks for one to the same mobile
            let mobile = "09121234567"
            #expect(try await api.post("/api/v1/citizen/code", json: ["mobile": mobile], headers: ["X-Forwarded-For": "198.51.100.1"]).status == 202)
            let owners = try await Self.lastCode(app, mobile)
            #expect(try await api.post("/api/v1/citizen/code", json: ["mobile": mobile], headers: ["X-Forwarded-For": "203.0.113.7"]).status == 202)

            // check: the owner's code still signs in
            let signedIn = try await api.post(
                "/api/v1/citizen/session", json: ["mobile": mobile, "code": owners], headers: ["X-Forwarded-For": "198.51.100.1"])
            #expect(signedIn.status == 200)

            // act: guesses from many addresses, with a fresh code asked for between them
            let live = try await Self.lastCode(app, mobile)
            let wrong = live == "123456" ? "654321" : "123456"
            var answers: [String?] = []
            for n in 0..<6 {
                if n == 3 { _ = try await api.post("/api/v1/citizen/code", json: ["mobile": mobile], headers: ["X-Forwarded-For": "203.0.113.8"]) }
                let guess = try await api.post(
                    "/api/v1/citizen/session", json: ["mobile": mobile, "code": wrong], headers: ["X-Forwarded-For": "192.0.2.\(n + 1)"])
                answers.append(guess.errorCode)
            }
            // check: five wrong tries, then nothing signs in, not even a right code, until the window has passed
            #expect(answers == Array(repeating: "wrong_code", count: 5) + ["code_exhausted"], "\(answers)")
            let newest = try await Self.lastCode(app, mobile)
            #expect(try await api.post("/api/v1/citizen/session", json: ["mobile": mobile, "code": newest]).errorCode == "code_exhausted")
            app.clock.advance(by: 601)
            _ = try await api.post("/api/v1/citizen/code", json: ["mobile": mobile], headers: ["X-Forwarded-For": "198.51.100.1"])
            let later = try await Self.lastCode(app, mobile)
            #expect(try await api.post("/api/v1/citizen/session", json: ["mobile": mobile, "code": later], headers: ["X-Forwarded-For": "198.51.100.1"]).status == 200)
        }
    }
}
