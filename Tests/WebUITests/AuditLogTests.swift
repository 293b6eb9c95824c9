import Foundation
import Storage
import Testing
import TestSupport

/// Staff, token, reference-data and sign-in actions land in the hash-chained audit log, through
/// the pages and the API alike, with who did it and from which address; never a secret.
@Suite(.timeLimit(.minutes(10))) struct AuditLogTests {
    static let address = ["X-Forwarded-For": "203.0.113.7"]

    @Test(arguments: TestDatabase.all)
    func everyAuditedActionIsWrittenAndTheChainVerifies(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine, configure: { $0.trustProxy = true }) { app, api in
            // setup: what the fixtures wrote (staff created, passwords set, tokens issued by the system)
            let f = app.fixtures
            let before = try await app.store.auditLog(limit: 1_000).count
            #expect(before == 3 * f.staff.count)

            // act: sign-ins (a right one, a wrong password, an unknown username)
            _ = try await api.send(.post, "/api/v1/session", json: ["username": "admin", "password": Fixtures.password("admin")], headers: Self.address)
            _ = try await api.send(.post, "/api/v1/session", json: ["username": "operator", "password": "not-it-1402"], headers: Self.address)
            _ = try await api.send(.post, "/api/v1/session", json: ["username": "my-secret-pass", "password": "x"], headers: Self.address)
            // staff on the admin page: a new account, a reset, a disable
            let cookie = try await PageTests.signIn(api, "admin")
            let csrf = PageTests.csrf(in: try await api.get("/staff/admin", headers: ["Cookie": cookie]).text)
            let created = try await AdminPageTests.post(
                api, "/staff/admin/staff", ["_csrf": csrf, "username": "zahra", "displayName": "زهرا", "role": "operator", "province": f.province],
                cookie: cookie)
            #expect(created.status == 201)
            let zahra = try #require(try await app.store.staff(username: "zahra"))
            _ = try await AdminPageTests.post(api, "/staff/admin/staff/\(zahra.id)/reset-password", ["_csrf": csrf], cookie: cookie)
            _ = try await AdminPageTests.post(api, "/staff/admin/staff/\(zahra.id)/disable", ["_csrf": csrf], cookie: cookie)
            // tokens and reference data through the API
            let token = try await api.send(.post, "/api/v1/tokens", token: f.token("admin"), json: ["username": "operator", "label": "سامانه استان"], headers: Self.address)
            let tokenID = try #require((token.object["info"] as? [String: Any])?["id"] as? Int)
            _ = try await api.send(.delete, "/api/v1/tokens/\(tokenID)", token: f.token("admin"), headers: Self.address)
            let agency = try await api.send(
                .post, "/api/v1/agencies", token: f.token("admin"),
                json: ["name": "اداره کل تعاون", "kind": "ministryDirectorate", "province": f.province], headers: Self.address)
            let agencyID = try #require(agency.int("id"))
            _ = try await api.send(
                .put, "/api/v1/agencies/\(agencyID)", token: f.token("admin"),
                json: ["name": "اداره کل تعاون", "kind": "ministryDirectorate", "province": f.province, "active": false], headers: Self.address)
            _ = try await api.send(
                .post, "/api/v1/categories", token: f.token("admin"),
                json: ["code": "education", "name": "آموزش", "defaultAgencyKind": "ministryDirectorate", "answerDays": 7, "active": true],
                headers: Self.address)
            // a citizen's code sign-in
            _ = try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"])
            let code = try #require(await app.lastSignInCode(to: "09121234567"))
            #expect(try await api.send(.post, "/api/v1/citizen/session", json: ["mobile": "09121234567", "code": code], headers: Self.address).status == 200)

            // check
            let log = try await app.store.auditLog(limit: 1_000)
            let new = Array(log.prefix(log.count - before).reversed())
            #expect(
                new.map(\.action) == [
                    .signedIn, .signInFailed, .signInFailed, .signedIn, .staffCreated, .passwordSet, .passwordReset,
                    .staffDeactivated, .tokenIssued, .tokenRevoked, .agencyCreated, .agencyDeactivated, .categorySaved,
                    .citizenSignedIn,
                ])
            let admin = try #require(f.staff["admin"])
            let byAdmin = new.filter { $0.actor.kind == "staff" }
            #expect(byAdmin.allSatisfy { $0.actor.id == admin.id && $0.actor.name == "admin" })
            // The page requests came without a forwarded address; the API ones with one.
            let (a, page) = ("203.0.113.7", "unknown")
            #expect(new.map(\.actor.address) == [a, a, a, page, page, page, page, page, a, a, a, a, a, a])
            #expect(new[1].target == .staff(id: try #require(f.staff["operator"]).id, username: nil))
            #expect(new[2].target == nil)
            #expect(new[4].target == .staff(id: zahra.id, username: "zahra"))
            #expect(new[8].target?.name == "سامانه استان")
            #expect(new[13].target?.name == "0912***4567")
            // Nothing secret: no password, username typed, token or code anywhere in the log.
            let text = log.map { "\($0)" }.joined()
            for secret in ["my-secret-pass", "not-it-1402", Fixtures.password("admin"), f.token("admin"), code, "09121234567"] {
                #expect(!text.contains(secret))
            }
            #expect(try await app.store.chainProblems().isEmpty)

            // a row edited behind the code's back is found
            try await app.store.client.write { db in
                try await db.raw("UPDATE audit_log SET actor_name = 'someone' WHERE action = 'staffDeactivated'").run()
            }
            #expect(try await app.store.chainProblems().map(\.kind) == [.edited])
            #expect(try await app.store.chainProblems().first?.chain == .auditLog)
        }
    }

    @Test(arguments: TestDatabase.all)
    func concurrentWritersKeepOneChain(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // act: forty tokens issued at once
            let f = app.fixtures
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<40 {
                    group.addTask { _ = try await api.post("/api/v1/tokens", token: f.token("admin"), json: ["username": "operator", "label": "t\(n)"]) }
                }
                try await group.waitForAll()
            }
            // check
            #expect(try await app.store.auditLog(limit: 1_000).filter { $0.action == .tokenIssued }.count == 40 + f.staff.count)
            #expect(try await app.store.auditLogProblems().isEmpty)
            // deleting the newest row is found from the head
            try await app.store.client.write { db in
                try await db.raw("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)").run()
            }
            #expect(try await app.store.auditLogProblems().map(\.kind) == [.deleted])
        }
    }
}
