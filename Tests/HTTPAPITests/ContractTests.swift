import Foundation
import Testing
import TestSupport

/// openapi.yaml holds at the door, as schemathesis checks it from outside (scripts/schemathesis.sh):
/// input of the wrong shape is a 400, well-formed input a rule refuses is a 422, and what the
/// contract allows is taken (both engines).
@Suite(.timeLimit(.minutes(10))) struct ContractTests {
    @Test(arguments: TestDatabase.all)
    func bodiesAreReadAsTheContractSays(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let op = f.token("operator")
            func raw(_ object: [String: Any], replacing marker: String, with literal: String) throws -> String {
                let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
                return text.replacingOccurrences(of: "\"\(marker)\"", with: literal)
            }

            // null is no value: refused wherever it stands, and nothing is written
            var body = f.caseBody()
            body["confidential"] = "NULL-HERE"
            let withNull = try await api.send(.post, "/api/v1/cases", token: op, raw: try raw(body, replacing: "NULL-HERE", with: "null"))
            #expect(withNull.status == 400 && withNull.errorCode == "null_not_allowed", "\(withNull.text)")
            var citizen = f.caseBody()["citizen"] as! [String: Any]
            citizen["county"] = "NULL-HERE"
            body = f.caseBody()
            body["citizen"] = citizen
            #expect(try await api.send(.post, "/api/v1/cases", token: op, raw: try raw(body, replacing: "NULL-HERE", with: " null ")).errorCode == "null_not_allowed")
            // a field the contract does not have is refused, not ignored (a misspelt field would be lost)
            body = f.caseBody()
            body["confidentail"] = true
            #expect(try await api.post("/api/v1/cases", token: op, json: body).status == 400)
            // an Idempotency-Key is printable ASCII
            let badKey = try await api.post("/api/v1/cases", token: op, json: f.caseBody(), headers: ["Idempotency-Key": "a\tb"])
            #expect(badKey.status == 400 && badKey.errorCode == "invalid_idempotency_key", "\(badKey.text)")
            #expect(try await api.get("/api/v1/cases", token: f.token("inspector")).list("items").isEmpty)
            // the word null inside text is text
            let code = try #require(
                try await api.post("/api/v1/cases", token: op, json: f.caseBody(subject: "null \"null\" nullable")).string("trackingCode"))
            #expect(try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).string("subject") == "null \"null\" nullable")

            // an optional body may be left out entirely: closing an answered case without a note
            #expect(try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"]).status == 200)
            let closed = try await api.send(.post, "/api/v1/cases/\(code)/close", token: f.token("supervisor"))
            #expect(closed.status == 200 && closed.string("status") == "closed", "\(closed.text)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func timesAreReadAsRFC3339WithOrWithoutFractions(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let id = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
                    .list("referrals").first?["id"] as? Int)
            app.clock.advance(by: 3600)
            let iso = ISO8601DateFormatter()
            iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let halfHourAgo = iso.string(from: app.clock.now.addingTimeInterval(-1800))
            #expect(halfHourAgo.contains("."))
            let called = try await api.post(
                "/api/v1/referrals/\(id)/callback", token: f.token("liaison"), json: ["outcome": "reached", "calledAt": halfHourAgo])
            #expect(called.status == 200, "\(called.text)")
            // lower-case t and z, which RFC 3339 allows
            let lower = ISO8601DateFormatter().string(from: app.clock.now.addingTimeInterval(-600)).lowercased()
            let again = try await api.post(
                "/api/v1/referrals/\(id)/callback", token: f.token("liaison"), json: ["outcome": "noAnswer", "calledAt": lower])
            #expect(again.status == 200, "\(again.text)")
            let garbled = try await api.post(
                "/api/v1/referrals/\(id)/callback", token: f.token("liaison"), json: ["outcome": "noAnswer", "calledAt": "دیروز"])
            #expect(garbled.status == 400)
        }
    }

    @Test(arguments: TestDatabase.all)
    func listFiltersAreCheckedNotMatchedAgainstNothing(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let inspector = f.token("inspector")
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody())
            let refusals: [(String, String?, Int, String)] = [
                ("/api/v1/cases?province=abc", inspector, 400, "invalid_province"),
                ("/api/v1/cases?province=99", inspector, 422, "unknown_province"),
                ("/api/v1/cases?category=a-b", inspector, 400, "invalid_category_code"),
                ("/api/v1/cases?category=lottery", inspector, 422, "unknown_category"),
                ("/api/v1/cases?agency=0", inspector, 400, "invalid_agency"),
                ("/api/v1/cases?cursor=abc", inspector, 400, "invalid_cursor"),
                ("/api/v1/cases?from=1404/12/30", inspector, 422, "invalid_date"),
                ("/api/v1/cases?from=2025-02-30", inspector, 422, "invalid_date"),
                ("/api/v1/cases?from=yesterday", inspector, 400, "invalid_date"),
                ("/api/v1/agencies?province=x", nil, 400, "invalid_province"),
                ("/api/v1/agencies?province=98", nil, 422, "unknown_province"),
                ("/api/v1/referrals?agency=-3", f.token("admin"), 400, "invalid_agency"),
                ("/api/v1/directives?issuer=0", f.token("official"), 400, "invalid_issuer"),
            ]
            for (path, token, status, code) in refusals {
                let response = try await api.get(path, token: token)
                #expect(response.status == status && response.errorCode == code, "\(path) → \(response.status) \(response.text)")
            }
            // empty filters are filters not given
            for path in ["/api/v1/cases?province=&status=", "/api/v1/cases?province=\(f.province)&category=interestFreeLoan"] {
                let response = try await api.get(path, token: inspector)
                #expect(response.status == 200 && response.list("items").count == 1, "\(path) → \(response.text)")
            }
            #expect(try await api.get("/api/v1/agencies?province=").array.count == (try await api.get("/api/v1/agencies").array.count))
        }
    }
}
