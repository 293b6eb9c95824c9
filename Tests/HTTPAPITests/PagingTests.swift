import Foundation
import Testing
import TestSupport

/// The agency inbox and a citizen's own cases page with a keyset cursor, like the case list.
@Suite(.timeLimit(.minutes(10))) struct PagingTests {
    @Test(arguments: TestDatabase.all)
    func theInboxPages(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: five referrals to the relief committee
            let f = app.fixtures
            for _ in 0..<5 {
                let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
                _ = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
                app.clock.advance(by: 600)
            }

            // act: pages of two
            var ids: [Int] = []
            var cursor: String?
            var pages = 0
            repeat {
                let page = try await api.get(
                    "/api/v1/referrals?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: f.token("liaison"))
                #expect(page.status == 200)
                ids += page.list("items").compactMap { ($0["referral"] as? [String: Any])?["id"] as? Int }
                cursor = page.string("nextCursor")
                pages += 1
            } while cursor != nil && pages < 10

            // check: every referral once, in due order
            #expect(pages == 3)
            #expect(ids.count == 5 && Set(ids).count == 5)
            #expect(ids == ids.sorted())
            let bad = try await api.get("/api/v1/referrals?cursor=nope", token: f.token("liaison"))
            #expect(bad.status == 400 && bad.errorCode == "invalid_cursor")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aCitizensCasesPage(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: three cases of one mobile, a signed-in citizen
            let f = app.fixtures
            var codes: [String] = []
            for _ in 0..<3 {
                codes.append(try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode")))
                app.clock.advance(by: 600)
            }
            _ = try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"])
            let code = try #require(try await app.lastSignInCode(to: "09121234567"))
            let session = try #require(WebSession(try await api.post("/api/v1/citizen/session", json: ["mobile": "09121234567", "code": code])))

            // act
            let first = try await api.get("/api/v1/citizen/cases?limit=2", headers: session.read)
            let cursor = try #require(first.string("nextCursor"))
            let second = try await api.get("/api/v1/citizen/cases?limit=2&cursor=\(cursor)", headers: session.read)

            // check: newest first, each once, no cursor after the last page
            let seen = (first.list("items") + second.list("items")).compactMap { $0["trackingCode"] as? String }
            #expect(seen == codes.reversed())
            #expect(second.string("nextCursor") == nil)
        }
    }
}
