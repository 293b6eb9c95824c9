import Foundation
import Testing
import TestSupport

/// A token limited to some actions stays within them: it issues no wider token, and it cannot
/// reach the account's own affairs (its password) or borrow a session's rights.
@Suite(.timeLimit(.minutes(10))) struct TokenLimitTests {
    @Test(arguments: TestDatabase.all)
    func limitedTokenCannotIssueWiderToken(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: the admin's integration token may only manage tokens
            let f = app.fixtures
            let issued = try await api.post("/api/v1/tokens", token: f.token("admin"), json: ["username": "admin", "permissions": ["manageTokens"]])
            let limited = try #require(issued.string("token"))
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            // act: it asks for an unlimited token, and for one with actions it does not have
            let unlimited = try await api.post("/api/v1/tokens", token: limited, json: ["username": "admin"])
            let wider = try await api.post("/api/v1/tokens", token: limited, json: ["username": "admin", "permissions": ["readCases", "viewPersonalData"]])
            let sameOrNarrower = try await api.post("/api/v1/tokens", token: limited, json: ["username": "admin", "permissions": ["manageTokens"]])
            // check
            #expect(unlimited.status == 403)
            #expect(unlimited.errorCode == "token_exceeds_issuer")
            #expect(unlimited.string("token") == nil)
            #expect(wider.status == 403)
            #expect(wider.errorCode == "token_exceeds_issuer")
            #expect(sameOrNarrower.status == 201)
            let child = try #require(sameOrNarrower.string("token"))
            #expect(try await api.get("/api/v1/cases/\(code)", token: child).status == 403)
            #expect(try await api.post("/api/v1/cases/\(code)/citizen", token: child).status == 403)
            // The refused requests issued nothing.
            let listed = try await api.get("/api/v1/tokens", token: f.token("admin")).array
            #expect(listed.filter { $0["username"] as? String == "admin" }.count == 3)  // fixture, limited, child
        }
    }

    @Test(arguments: TestDatabase.all)
    func limitedTokenCannotChangeThePassword(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup
            let f = app.fixtures
            let issued = try await api.post("/api/v1/tokens", token: f.token("admin"), json: ["username": "supervisor", "permissions": ["readCases"]])
            let limited = try #require(issued.string("token"))
            // act
            let change = try await api.post(
                "/api/v1/session/password", token: limited,
                json: ["currentPassword": Fixtures.password("supervisor"), "newPassword": "a-brand-new-password"])
            // check: refused, and the old password still works
            #expect(change.status == 403)
            #expect(try await api.signIn("supervisor", password: Fixtures.password("supervisor")) != nil)
            // The account's unlimited token acts as the account.
            let own = try await api.post(
                "/api/v1/session/password", token: f.token("supervisor"),
                json: ["currentPassword": Fixtures.password("supervisor"), "newPassword": "a-brand-new-password"])
            #expect(own.status == 204)
        }
    }

    /// A token sent with a session cookie is refused: the pages would act as the token's account
    /// with the session's rights, and the token's limits would be lost.
    @Test(arguments: TestDatabase.all)
    func tokenWithSessionCookieIsRefused(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup
            let f = app.fixtures
            let issued = try await api.post("/api/v1/tokens", token: f.token("admin"), json: ["username": "admin", "permissions": ["readCases"]])
            let limited = try #require(issued.string("token"))
            let session = try #require(try await api.signIn("operator", password: Fixtures.password("operator")))
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            // act
            let api1 = try await api.post("/api/v1/cases/\(code)/citizen", token: limited, headers: session.write)
            let page = try await api.get("/staff/cases/\(code)", token: limited, headers: session.read)
            // check
            #expect(api1.status == 400)
            #expect(api1.errorCode == "ambiguous_credentials")
            #expect(page.status == 400)
            #expect(!page.text.contains("0013542419"))
        }
    }
}
