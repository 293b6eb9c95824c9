import Domain
import Foundation
import Testing
import TestSupport

/// The citizen's explicit objection and the inspection office's decision, in the real app on both
/// engines: an objection reopens the answered case for the inspectors with the earlier answers in its
/// history; the inspector decides once per appeal; the citizen reads the decision and is told by SMS.
@Suite(.timeLimit(.minutes(10))) struct ObjectionTests {
    static let mobile = "09121234567"

    @Test(arguments: TestDatabase.all)
    func anObjectionGoesToTheInspectorWhoDecidesOncePerAppeal(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a letter referred to the relief committee and answered
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let first = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
                    .list("referrals").first?["id"] as? Int)
            _ = try await api.post("/api/v1/referrals/\(first)/answer", token: f.token("liaison"), json: ["answer": "پاسخ نخست کمیته"])
            let before = try await api.get("/api/v1/track/\(code)?mobile=\(Self.mobile)")
            #expect(before.object["canObject"] as? Bool == true && before.object["canRate"] as? Bool == true)

            // act, check: bad objections write nothing
            let empty = try await api.post("/api/v1/track/\(code)/objection", json: ["mobile": Self.mobile, "text": " "])
            #expect(empty.status == 400 && empty.errorCode == "text_required")
            let stranger = try await api.post("/api/v1/track/\(code)/objection", json: ["mobile": "09351112233", "text": "قبول ندارم"])
            #expect(stranger.status == 404)
            #expect(try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).string("status") == "answered")

            // the citizen objects: reopened, no further verdict on this answer
            let objected = try await api.post(
                "/api/v1/track/\(code)/objection", json: ["mobile": Self.mobile, "text": "وام پرداخت نشده است؛ پاسخ درست نیست."])
            #expect(objected.status == 200 && objected.string("status") == "reopened")
            #expect(objected.object["canObject"] as? Bool == false && objected.object["canRate"] as? Bool == false)
            #expect(objected.list("timeline").contains { $0["description"] as? String == "شهروند به پاسخ اعتراض کرد." })
            // and is told by SMS that the letter was reopened, with its tracking page
            #expect(try await app.notifications(ofCase: code).map(\.kind).suffix(1) == [.reopened])
            let again = try await api.post("/api/v1/track/\(code)/objection", json: ["mobile": Self.mobile, "text": "باز هم"])
            #expect(again.status == 409)
            #expect(try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": Self.mobile, "rating": 5]).status == 409)

            // in the appeals view of the inspectors, the earlier answer in the history
            let appeals = try await api.get("/api/v1/cases?status=reopened", token: f.token("inspector"))
            #expect(appeals.list("items").map { $0["trackingCode"] as? String } == [code])
            let history = try await api.get("/api/v1/cases/\(code)", token: f.token("inspector")).list("timeline")
            #expect(history.contains { $0["kind"] as? String == "referralAnswered" && $0["text"] as? String == "پاسخ نخست کمیته" })
            #expect(history.contains { $0["kind"] as? String == "objected" && ($0["text"] as? String)?.contains("پرداخت نشده") == true })

            // only the inspection office decides, with reasons, once
            let decision = ["outcome": "reexamine", "reasons": "پرداخت وام در سامانه بانک دیده نشد."]
            #expect(try await api.post("/api/v1/cases/\(code)/appeal-decision", token: f.token("supervisor"), json: decision).status == 403)
            #expect(try await api.post("/api/v1/cases/\(code)/appeal-decision", token: f.token("liaison"), json: decision).status == 403)
            let noReasons = try await api.post(
                "/api/v1/cases/\(code)/appeal-decision", token: f.token("inspector"), json: ["outcome": "reexamine", "reasons": ""])
            #expect(noReasons.status == 400 && noReasons.errorCode == "reasons_required")
            let decided = try await api.post("/api/v1/cases/\(code)/appeal-decision", token: f.token("inspector"), json: decision)
            #expect(decided.status == 200 && decided.string("status") == "reopened")
            let twice = try await api.post("/api/v1/cases/\(code)/appeal-decision", token: f.token("inspector"), json: decision)
            #expect(twice.status == 409 && twice.errorCode == "appeal_already_decided")
            #expect(try await app.notifications(ofCase: code).map(\.kind).suffix(1) == [.appealDecided])
            let tracked = try await api.get("/api/v1/track/\(code)?mobile=\(Self.mobile)")
            #expect(tracked.list("timeline").last?["text"] as? String == "\(AppealOutcome.reexamine.nameFa).\nپرداخت وام در سامانه بانک دیده نشد.")

            // examined again: the bank answers, the citizen objects again, and this time the answer stands
            let bank = try #require(
                try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("inspector"), json: ["agencyIds": [f.bank.id]])
                    .list("referrals").first { $0["agencyId"] as? Int == f.bank.id }?["id"] as? Int)
            let reanswered = try await api.post("/api/v1/referrals/\(bank)/answer", token: f.token("liaisonBank"), json: ["answer": "وام پرداخت شد."])
            #expect(reanswered.string("status") == "answered")
            #expect(try await api.post("/api/v1/track/\(code)/objection", json: ["mobile": Self.mobile, "text": "هنوز نرسیده"]).status == 200)
            let stands = try await api.post(
                "/api/v1/cases/\(code)/appeal-decision", token: f.token("inspector"),
                json: ["outcome": "answerStands", "reasons": "رسید پرداخت بانک پیوست شد."])
            #expect(stands.status == 200 && stands.string("status") == "closed")
            let final = try await api.get("/api/v1/track/\(code)?mobile=\(Self.mobile)")
            #expect(final.string("status") == "closed")
            #expect(final.object["canObject"] as? Bool == false && final.object["canRate"] as? Bool == false)
            #expect((final.list("timeline").last?["text"] as? String)?.contains("رسید پرداخت بانک") == true)
            #expect(try await app.notifications(ofCase: code).filter { $0.kind == .appealDecided }.count == 2)
            #expect(try await app.store.invariantViolations().isEmpty)
            #expect(try await app.store.chainProblems().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anObjectionNeedsAnAnswerAndADecisionAReopenedCase(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            // never answered
            let early = try await api.post("/api/v1/track/\(code)/objection", json: ["mobile": Self.mobile, "text": "پاسخی نیامد"])
            #expect(early.status == 409 && early.errorCode == "objection_before_answer")
            let notReopened = try await api.post(
                "/api/v1/cases/\(code)/appeal-decision", token: f.token("inspector"), json: ["outcome": "answerStands", "reasons": "x"])
            #expect(notReopened.status == 409 && notReopened.errorCode == "invalid_transition")
            #expect(try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).int("version") == 1)
            // answered and closed by the system after 14 days: the citizen may still object
            _ = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ پایش"])
            app.clock.advance(by: 15 * 86_400)
            #expect(try await app.samad.deadlineWatcher.closeUnrated().closed == 1)
            #expect(try await api.get("/api/v1/track/\(code)?mobile=\(Self.mobile)").string("status") == "closed")
            let late = try await api.post("/api/v1/track/\(code)/objection", json: ["mobile": Self.mobile, "text": "پاسخ را تازه دیدم و قبول ندارم"])
            #expect(late.status == 200 && late.string("status") == "reopened")
            // a rating of 1–2 is an appeal too: the inspector decides it the same way
            let other = try #require(
                try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "دومین")).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(other)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"])
            #expect(try await api.post("/api/v1/track/\(other)/rating", json: ["mobile": Self.mobile, "rating": 1]).string("status") == "reopened")
            let decided = try await api.post(
                "/api/v1/cases/\(other)/appeal-decision", token: f.token("inspector"), json: ["outcome": "answerStands", "reasons": "پاسخ درست است"])
            #expect(decided.string("status") == "closed")
        }
    }
}
