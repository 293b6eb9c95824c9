import Foundation
import Testing
import TestSupport

/// A citizen's appeal (rating 1–2) and ratings: an appeal is judged on what comes after it, and each
/// answer is rated once.
@Suite(.timeLimit(.minutes(10))) struct AppealTests {
    @Test(arguments: TestDatabase.all)
    func anAppealIsNotClosedByTheAnswerTheCitizenRejected(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: referred, answered by the relief committee, rejected by the citizen
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let first = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
                    .list("referrals").first?["id"] as? Int)
            app.clock.advance(by: 3600)
            let answered = try await api.post("/api/v1/referrals/\(first)/answer", token: f.token("liaison"), json: ["answer": "پاسخ نخست"])
            #expect(answered.string("status") == "answered")
            app.clock.advance(by: 3600)
            let rated = try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09121234567", "rating": 1])
            #expect(rated.string("status") == "reopened")

            // act: the appeal goes to the bank, which returns it as not its own
            app.clock.advance(by: 3600)
            let again = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id]])
            let bankReferral = try #require(again.list("referrals").first { $0["agencyId"] as? Int == f.bank.id }?["id"] as? Int)
            app.clock.advance(by: 3600)
            let returned = try await api.post(
                "/api/v1/referrals/\(bankReferral)/return", token: f.token("liaisonBank"), json: ["reason": "مربوط به بانک نیست"])

            // check: back in the screening queue as reopened, no second SMS 3 with the old answer
            #expect(returned.status == 200)
            #expect(returned.string("status") == "reopened")
            let queue = try await api.get("/api/v1/cases?status=registered,reopened", token: f.token("supervisor"))
            #expect(queue.list("items").contains { $0["trackingCode"] as? String == code })
            #expect(try await app.deliverSMS().filter { $0.kind == "answered" }.count == 1)

            // and a new answer in the appeal answers it, with only the new answer
            app.clock.advance(by: 3600)
            let third = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            let reliefAgain = try #require(
                third.list("referrals").first { $0["agencyId"] as? Int == f.relief.id && $0["status"] as? String == "pending" }?["id"] as? Int)
            let final = try await api.post("/api/v1/referrals/\(reliefAgain)/answer", token: f.token("liaison"), json: ["answer": "پاسخ تازه"])
            #expect(final.string("status") == "answered")
            #expect(final.string("answer")?.contains("پاسخ تازه") == true)
            #expect(final.string("answer")?.contains("پاسخ نخست") == false)
            #expect(try await app.deliverSMS().filter { $0.kind == "answered" }.count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func eachAnswerIsRatedOnce(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: an answered case, rated satisfied
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ نخست"])
            let rated = try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09121234567", "rating": 4])
            #expect(rated.status == 200 && rated.string("status") == "closed")

            // act: the same answer rated again, through the API and the page
            let again = try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09121234567", "rating": 1])
            let page = try await api.send(
                .post, "/track/rate", raw: "code=\(code)&mobile=09121234567&rating=2",
                headers: ["Content-Type": "application/x-www-form-urlencoded"])

            // check: refused with a stable code, the case unchanged
            #expect(again.status == 409)
            #expect(again.errorCode == "already_rated")
            #expect(again.errorMessage?.contains("امتیاز") == true)
            #expect(page.status == 409 && page.text.contains("پیش‌تر امتیاز داده‌اید"))
            let history = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
            #expect(history.string("status") == "closed")
            #expect(history.list("timeline").filter { $0["kind"] as? String == "rated" }.count == 1)
            #expect(try await api.get("/api/v1/track/\(code)?mobile=09121234567")["canRate"] as? Bool == false)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aNewAnswerMayBeRatedAgain(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ نخست"])
            #expect(try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09121234567", "rating": 2]).string("status") == "reopened")
            #expect(try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09121234567", "rating": 5]).status == 409)
            _ = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ دوم"])
            let second = try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09121234567", "rating": 5])
            #expect(second.status == 200 && second.string("status") == "closed")
            #expect(try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09121234567", "rating": 1]).errorCode == "already_rated")
        }
    }
}
