import Foundation
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(10))) struct TokenAndPrivacyTests {
    @Test(arguments: TestDatabase.all)
    func scopedRevocableTokens(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            #expect(try await api.post("/api/v1/tokens", token: f.token("supervisor"), json: ["username": "supervisor"]).status == 403)
            let issued = try await api.post("/api/v1/tokens", token: f.token("admin"), json: ["username": "supervisor", "label": "dashboard", "permissions": ["readCases"]])
            #expect(issued.status == 201)
            let token = try #require(issued.string("token"))
            let id = try #require((issued["info"] as? [String: Any])?["id"] as? Int)
            #expect(try await api.get("/api/v1/cases", token: token).status == 200)
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            // The account could screen, the token may not.
            #expect(try await api.post("/api/v1/cases/\(code)/answer", token: token, json: ["answer": "x"]).status == 403)
            let listed = try await api.send(.get, "/api/v1/tokens", token: f.token("admin"))
            let row = try #require(listed.array.first { $0["id"] as? Int == id })
            #expect(row["lastUsedAt"] != nil)
            #expect(!listed.text.contains(token))
            // A provincial admin does not manage other provinces' accounts.
            #expect(try await api.post("/api/v1/tokens", token: f.token("adminProvince"), json: ["username": "operatorOther"]).status == 404)
            #expect(try await api.send(.delete, "/api/v1/tokens/\(id)", token: f.token("admin")).status == 200)
            #expect(try await api.get("/api/v1/cases", token: token).status == 401)
        }
    }

    @Test(arguments: TestDatabase.all)
    func revealingPersonalDataIsRecorded(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let list = try await api.get("/api/v1/cases", token: f.token("supervisor"))
            #expect(!list.text.contains("0013542419") && !list.text.contains("09121234567"))
            let revealed = try await api.post("/api/v1/cases/\(code)/citizen", token: f.token("supervisor"))
            #expect(revealed.string("nationalId") == "0013542419")
            #expect(revealed.string("mobile") == "09121234567")
            let timeline = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).list("timeline")
            let view = try #require(timeline.last)
            #expect(view["kind"] as? String == "personalDataViewed")
            #expect((view["actor"] as? String)?.contains("supervisor") == true)
            #expect(try await api.post("/api/v1/cases/\(code)/citizen", token: f.token("supervisorOther")).status == 404)
            // The citizen does not see who looked at their data.
            let tracked = try await api.get("/api/v1/track/\(code)?mobile=09121234567")
            #expect(!tracked.text.contains("اطلاعات هویتی"))
            // Confidential cases hide the citizen from agencies, even on request.
            var body = f.caseBody(subject: "گزارش محرمانه")
            body["confidential"] = true
            let secret = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: body).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(secret)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            #expect(try await api.post("/api/v1/cases/\(secret)/citizen", token: f.token("liaison")).status == 403)
        }
    }

    /// No password, sign-in code, token or full national ID reaches the logs.
    @Test func logsCarryNoSecrets() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            _ = try await api.send(.post, "/api/v1/session", json: ["username": "operator", "password": "wrong-secret-pw"])
            _ = try await api.signIn("admin", password: Fixtures.password("admin"))
            _ = try await api.get("/api/v1/cases", token: "smd_forged_token_value")
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "0013542418"))
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody())
            _ = try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"])
            let code = try await CitizenSignInTests.lastCode(app, "09121234567")
            _ = try await api.post("/api/v1/citizen/session", json: ["mobile": "09121234567", "code": code])
            _ = try await api.get("/api/v1/track/12345678901?mobile=09121234567")
            let lines = LogCapture.shared.all
            #expect(lines.contains { $0.contains("request refused") })
            let secrets = ["wrong-secret-pw", Fixtures.password("admin"), "smd_forged_token_value", f.token("operator"), "0013542418", "0013542419"]
            for secret in secrets {
                #expect(!lines.contains { $0.contains(secret) }, "\(secret) leaked into the logs")
            }
            #expect(!lines.contains { $0.contains("code=\(code)") || $0.contains(" \(code) ") })
        }
    }
}
