import Foundation
import Testing
import TestSupport

/// Bad input gets a 4xx with a stable code and Persian text, and writes nothing.
@Suite(.timeLimit(.minutes(10))) struct BadInputTests {
    static let cases: [(String, @Sendable (Fixtures) -> [String: Any], Int, String)] = [
        ("bad national id check digit", { $0.caseBody(nationalID: "0013542418") }, 422, "invalid_national_id"),
        ("all-same national id", { $0.caseBody(nationalID: "1111111111") }, 422, "invalid_national_id"),
        ("bad mobile", { $0.caseBody(mobile: "0812345678") }, 400, "invalid_mobile"),
        ("unknown province", { $0.caseBody(province: "99") }, 422, "unknown_province"),
        ("unknown category", { $0.caseBody(category: "lottery") }, 422, "unknown_category"),
        ("empty subject", { $0.caseBody(subject: "   ") }, 400, "subject_required"),
        ("empty body", { $0.caseBody(body: "") }, 400, "body_required"),
        ("body over 4,000", { $0.caseBody(body: String(repeating: "ب", count: 4_001)) }, 400, "body_too_long"),
    ]

    @Test(arguments: TestDatabase.all)
    func rejectedRegistrationsWriteNothing(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            for (name, body, status, code) in Self.cases {
                // A provincial operator is refused other provinces outright; a national admin reaches the check.
                let response = try await api.post("/api/v1/cases", token: f.token("admin"), json: body(f))
                #expect(response.status == status, "\(name)")
                #expect(response.errorCode == code, "\(name): \(response.text)")
                #expect(response.errorMessage?.isEmpty == false, "\(name)")
            }
            let list = try await api.get("/api/v1/cases", token: f.token("inspector"))
            #expect(list.list("items").isEmpty)
            #expect(try await app.deliverSMS().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func malformedAndUnauthenticated(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let malformed = try await api.send(.post, "/api/v1/cases", token: f.token("operator"), raw: "{\"channel\": ")
            #expect(malformed.status == 400)
            #expect(malformed.errorCode == "malformed_request")
            let wrongEnum = try await api.send(
                .post, "/api/v1/cases", token: f.token("operator"),
                raw: #"{"channel":"pigeon","kind":"request","category":"other","subject":"x","body":"y","citizen":{}}"#)
            #expect(wrongEnum.status == 400)
            let noToken = try await api.post("/api/v1/cases", json: f.caseBody())
            #expect(noToken.status == 401)
            #expect(noToken.errorCode == "unauthenticated")
            let forged = try await api.post("/api/v1/cases", token: "smd_forged", json: f.caseBody())
            #expect(forged.status == 401)
            let liaison = try await api.post("/api/v1/cases", token: f.token("liaison"), json: f.caseBody())
            #expect(liaison.status == 403)
            let otherProvince = try await api.post("/api/v1/cases", token: f.token("operatorOther"), json: f.caseBody())
            #expect(otherProvince.status == 403)
            let badCode = try await api.get("/api/v1/cases/12345", token: f.token("supervisor"))
            #expect(badCode.status == 400)
            #expect(badCode.errorCode == "invalid_tracking_code")
            let noRoute = try await api.get("/api/v1/nothing-here")
            #expect(noRoute.status == 404)
            #expect(try await api.get("/api/v1/cases", token: f.token("inspector")).list("items").isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func forbiddenTransitionsChangeNothing(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            // closing an unanswered case
            let close = try await api.post("/api/v1/cases/\(code)/close", token: f.token("supervisor"), json: [:])
            #expect(close.status == 409)
            #expect(close.errorCode == "invalid_transition")
            // referring to nobody, to an unknown agency
            #expect(try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": []]).errorCode == "agencies_required")
            #expect(try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id, 999_999]]).errorCode == "unknown_agency")
            // nothing of the half-valid referral was written
            let detail = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
            #expect(detail.list("referrals").isEmpty)
            #expect(detail.string("status") == "registered")
            // answer, close, then answering the closed case is refused
            #expect(try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"]).status == 200)
            #expect(try await api.post("/api/v1/cases/\(code)/close", token: f.token("supervisor"), json: [:]).status == 200)
            let late = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ دوم"])
            #expect(late.status == 409)
            #expect(late.errorCode == "invalid_transition")
            // merged cases cannot be referred
            let second = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "پیگیری دوباره")).string("trackingCode"))
            let third = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "باز هم")).string("trackingCode"))
            let merged = try await api.post("/api/v1/cases/\(third)/merge", token: f.token("supervisor"), json: ["targetTrackingCode": second])
            #expect(merged.status == 200)
            #expect(merged.string("status") == "merged")
            #expect(merged.string("mergedInto") == second)
            let refer = try await api.post("/api/v1/cases/\(third)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            #expect(refer.status == 409)
            // a stale version is refused
            let stale = try await api.post("/api/v1/cases/\(second)/answer", token: f.token("supervisor"), json: ["answer": "x", "expectedVersion": 99])
            #expect(stale.errorCode == "stale_version")
            // ratings out of range, and before an answer
            #expect(try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09121234567", "rating": 9]).errorCode == "rating_out_of_range")
            #expect(try await api.post("/api/v1/track/\(second)/rating", json: ["mobile": "09121234567", "rating": 4]).errorCode == "invalid_transition")
            // a return needs a reason
            let referred = try await api.post("/api/v1/cases/\(second)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            let referral = try #require(referred.list("referrals").first?["id"] as? Int)
            #expect(try await api.post("/api/v1/referrals/\(referral)/return", token: f.token("liaison"), json: ["reason": " "]).errorCode == "reason_required")
        }
    }
}
