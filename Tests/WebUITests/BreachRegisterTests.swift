import Domain
import Foundation
import PersianKit
import Testing
import TestSupport

/// The breach register on both engines: a referral and an ignored directive reach the inspection
/// queue; the register lists both, saying nothing was done yet; an inspector records what the office
/// did, which the register and the case page then show.
@Suite(.timeLimit(.minutes(10))) struct BreachRegisterTests {
    @Test(arguments: TestDatabase.all)
    func breachesAreListedWithWhatTheInspectionOfficeDid(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: one letter referred to the bank, another directed to the relief committee
            let f = app.fixtures
            let referredCode = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let referral = try #require(
                try await api.post("/api/v1/cases/\(referredCode)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id]])
                    .list("referrals").first?["id"] as? Int)
            let directedCode = try #require(
                try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "دستور نادیده")).string("trackingCode"))
            _ = try await api.post(
                "/api/v1/cases/\(directedCode)/directives", token: f.token("official"),
                json: ["agencyId": f.relief.id, "text": "فوری بررسی شود", "businessDays": 3])
            // before level 2 the inspection office has nothing to record
            let early = try await api.post("/api/v1/referrals/\(referral)/inspection", token: f.token("inspector"), json: ["action": "تذکر"])
            #expect(early.status == 409 && early.errorCode == "not_in_inspection_queue")
            #expect(try await api.get("/api/v1/breaches", token: f.token("inspector")).list("items").isEmpty)

            // act: a month passes and the watcher escalates both
            app.clock.advance(by: 30 * 86_400)
            _ = try await app.samad.deadlineWatcher.runOnce()

            // check: both in the register, nothing done yet
            let register = try await api.get("/api/v1/breaches", token: f.token("supervisor"))
            #expect(Set(register.list("items").compactMap { $0["trackingCode"] as? String }) == [referredCode, directedCode])
            #expect(register.list("items").allSatisfy { ($0["referral"] as? [String: Any])?["inspectionNote"] == nil })
            #expect(try await api.post("/api/v1/referrals/\(referral)/inspection", token: f.token("supervisor"), json: ["action": "x"]).status == 403)
            #expect(try await api.post("/api/v1/referrals/\(referral)/inspection", token: f.token("inspector"), json: ["action": " "]).errorCode == "action_required")
            let done = try await api.post(
                "/api/v1/referrals/\(referral)/inspection", token: f.token("inspector"),
                json: ["action": "به رئیس بانک تذکر کتبی داده شد و گزارش به استاندار رفت."])
            #expect(done.status == 200)
            #expect(done.list("timeline").last?["kind"] as? String == "inspected")
            let after = try await api.get("/api/v1/breaches", token: f.token("supervisor"))
            let row = try #require(after.list("items").first { $0["trackingCode"] as? String == referredCode }?["referral"] as? [String: Any])
            #expect(row["inspectionNote"] as? String == "به رئیس بانک تذکر کتبی داده شد و گزارش به استاندار رفت.")
            #expect(row["inspectedAt"] != nil)
            // an answer later keeps the breach on the register
            _ = try await api.post("/api/v1/referrals/\(referral)/answer", token: f.token("liaisonBank"), json: ["answer": "پرداخت شد"])
            #expect(try await api.get("/api/v1/breaches", token: f.token("inspector")).list("items").count == 2)
            #expect(try await api.get("/api/v1/breaches", token: f.token("supervisorOther")).list("items").isEmpty)
            // the pages: the register, and the inspector's form on the case page
            let cookie = try await PageTests.signIn(api, "inspector")
            let page = try await api.get("/staff/breaches", headers: ["Cookie": cookie]).text
            #expect(page.contains("به رئیس بانک تذکر کتبی داده شد") && page.contains("هنوز اقدامی ثبت نشده"))
            #expect(page.contains("دستور \(f.staff["official"]!.displayName)"))
            let directiveID = try #require(try await api.get("/api/v1/cases/\(directedCode)", token: f.token("inspector")).list("referrals").first?["id"] as? Int)
            let casePage = try await api.get("/staff/cases/\(directedCode)", headers: ["Cookie": cookie]).text
            #expect(casePage.contains(#"action="/staff/referrals/\#(directiveID)/inspection""#))
            let posted = try await AdminPageTests.post(
                api, "/staff/referrals/\(directiveID)/inspection", ["_csrf": PageTests.csrf(in: casePage), "text": "کمیته امداد احضار شد"], cookie: cookie)
            #expect(posted.status == 303)
            #expect(!(try await api.get("/staff/breaches", headers: ["Cookie": cookie]).text.contains("هنوز اقدامی ثبت نشده")))
            #expect(try await app.store.chainProblems().isEmpty)
        }
    }
}
