import Foundation
import Testing
import TestSupport

/// Who may see and do what: out-of-scope cases answer 404 exactly like missing ones.
@Suite(.timeLimit(.minutes(10))) struct ScopeTests {
    @Test(arguments: TestDatabase.all)
    func provinceAndAgencyScopes(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            // In scope: the province's staff and the country's.
            for name in ["operator", "supervisor", "inspector", "admin", "adminProvince"] {
                #expect(try await api.get("/api/v1/cases/\(code)", token: f.token(name)).status == 200, "\(name)")
            }
            // Out of scope: another province's staff, and liaisons before a referral.
            for name in ["operatorOther", "supervisorOther", "liaison", "liaisonBank", "liaisonOther"] {
                let response = try await api.get("/api/v1/cases/\(code)", token: f.token(name))
                #expect(response.status == 404, "\(name)")
                #expect(response.errorCode == "case_not_found", "\(name)")
            }
            #expect(try await api.get("/api/v1/cases", token: f.token("supervisorOther")).list("items").isEmpty)
            #expect(try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisorOther"), json: ["answer": "x"]).status == 404)
            // Operators and liaisons do not screen.
            #expect(try await api.post("/api/v1/cases/\(code)/answer", token: f.token("operator"), json: ["answer": "x"]).status == 403)
            // After referral to the relief committee its liaison sees it; the bank's does not.
            let referred = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            let referral = try #require(referred.list("referrals").first?["id"] as? Int)
            #expect(try await api.get("/api/v1/cases/\(code)", token: f.token("liaison")).status == 200)
            #expect(try await api.get("/api/v1/cases/\(code)", token: f.token("liaisonBank")).status == 404)
            #expect(try await api.get("/api/v1/cases", token: f.token("liaison")).list("items").count == 1)
            #expect(try await api.get("/api/v1/cases", token: f.token("liaisonBank")).list("items").isEmpty)
            // Only the addressed agency acts on its referral.
            #expect(try await api.post("/api/v1/referrals/\(referral)/accept", token: f.token("liaisonBank")).status == 404)
            #expect(try await api.post("/api/v1/referrals/\(referral)/accept", token: f.token("supervisor")).status == 403)
            #expect(try await api.post("/api/v1/referrals/\(referral)/accept", token: f.token("liaison")).status == 200)
            let inbox = try await api.get("/api/v1/referrals", token: f.token("liaison"))
            #expect(inbox.list("items").count == 1)
            #expect(try await api.get("/api/v1/referrals", token: f.token("liaisonBank")).list("items").isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func confidentialCasesHideTheCitizenFromAgencies(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            var body = f.caseBody()
            body["confidential"] = true
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: body).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            let asLiaison = try await api.get("/api/v1/cases/\(code)", token: f.token("liaison"))
            #expect(asLiaison.status == 200)
            #expect(asLiaison["citizen"] == nil)
            #expect(!asLiaison.text.contains("محمدی"))
            let asSupervisor = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
            #expect(asSupervisor["citizen"] != nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func trackingNeedsTheRightMobile(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let right = try await api.get("/api/v1/track/\(code)?mobile=09121234567")
            #expect(right.status == 200)
            #expect(right.string("statusLabel")?.isEmpty == false)
            let wrong = try await api.get("/api/v1/track/\(code)?mobile=09127654321")
            #expect(wrong.status == 404)
            #expect(wrong.errorCode == "case_not_found")
            #expect(try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09127654321", "rating": 1]).status == 404)
        }
    }
}
