import AppBootstrap
import Domain
import Foundation
import PersianKit
import Storage
import Testing
import TestSupport

/// Directives (دستور) in the real app on both engines: a governor directs an agency on a case, the
/// agency finds it in its inbox and answers it like a referral, the watcher escalates an ignored one,
/// the citizen sees the hop, and each official's directives are listed with their outcome.
@Suite(.timeLimit(.minutes(10))) struct DirectiveTests {
    @Test(arguments: TestDatabase.all)
    func aGovernorsDirectiveIsAnsweredByTheAgencyAndCountedForTheGovernor(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a letter registered at a meeting, and the province's official (the governor)
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let governor = try #require(f.staff["official"])

            // act: the governor directs the relief committee, due in five business days
            let issued = try await api.post(
                "/api/v1/cases/\(code)/directives", token: f.token("official"),
                json: ["agencyId": f.relief.id, "text": "تا پایان هفته وضعیت خانواده را بررسی و گزارش کنید.", "businessDays": 5])

            // check: a hop of its own, with its text, its issuer and its clock; the case is referred
            #expect(issued.status == 201)
            #expect(issued.string("status") == "referred")
            let directive = try #require(issued.list("referrals").first)
            let directiveID = try #require(directive["id"] as? Int)
            #expect(directive["note"] as? String == "تا پایان هفته وضعیت خانواده را بررسی و گزارش کنید.")
            let by = try #require(directive["directedBy"] as? [String: Any])
            #expect(by["id"] as? Int == governor.id && by["role"] as? String == "official" && by["roleLabel"] as? String == "مسئول پاسخگو")
            let dueAt = try DeadlineWatchTests.date(directive["dueAt"])
            #expect(dueAt == BusinessCalendar.iran.adding(businessDays: 5, to: app.clock.now))
            #expect((directive["clock"] as? [String: Any])?["state"] as? String == "onTime")
            #expect(issued.list("timeline").last?["kind"] as? String == "directed")
            // the citizen is told which agency and by when, and sees the hop marked as a directive
            let sms = try await app.notifications(ofCase: code)
            #expect(sms.map(\.kind) == [.registered, .directed])
            #expect(sms.last?.text.contains(JalaliFormat.date(dueAt)) == true)
            let tracked = try await api.get("/api/v1/track/\(code)?mobile=09121234567")
            let hop = try #require(tracked.list("hops").first)
            #expect(hop["directive"] as? Bool == true && hop["agencyName"] as? String == f.relief.name)
            #expect(tracked.text.contains("دستور رسیدگی"))
            #expect(!tracked.text.contains("وضعیت خانواده"), "the directive's text stays with the staff")

            // the agency sees it in its inbox, marked as a directive, and answers it as a referral
            let inbox = try await api.get("/api/v1/referrals", token: f.token("liaison"))
            let entry = try #require(inbox.list("items").first { $0["trackingCode"] as? String == code })
            #expect(((entry["referral"] as? [String: Any])?["directedBy"] as? [String: Any])?["name"] as? String == governor.displayName)
            #expect(try await api.post("/api/v1/referrals/\(directiveID)/accept", token: f.token("liaison"), json: [:]).status == 200)
            let answered = try await api.post(
                "/api/v1/referrals/\(directiveID)/answer", token: f.token("liaison"), json: ["answer": "خانواده بررسی شد و مستمری برقرار شد."])
            #expect(answered.string("status") == "answered")
            #expect(answered.string("answer")?.contains("مستمری برقرار شد") == true)
            #expect(try await app.notifications(ofCase: code).map(\.kind) == [.registered, .directed, .answered])

            // the governor's list: the directive, answered on time
            let mine = try await api.get("/api/v1/directives?issuer=\(governor.id)", token: f.token("official"))
            #expect(mine.status == 200)
            let listed = try #require(mine.list("items").first)
            #expect(listed["trackingCode"] as? String == code)
            #expect(((listed["referral"] as? [String: Any])?["clock"] as? [String: Any])?["state"] as? String == "done")
            let officials = try await api.get("/api/v1/directives/officials", token: f.token("supervisor")).array
            let tally = try #require(officials.first)
            #expect((tally["issuer"] as? [String: Any])?["id"] as? Int == governor.id)
            #expect(tally["total"] as? Int == 1 && tally["answeredOnTime"] as? Int == 1 && tally["open"] as? Int == 0)
            // another province's supervisor sees none of it
            #expect(try await api.get("/api/v1/directives/officials", token: f.token("supervisorOther")).array.isEmpty)
            #expect(try await api.get("/api/v1/directives", token: f.token("supervisorOther")).list("items").isEmpty)
            #expect(try await app.store.invariantViolations().isEmpty)
            #expect(try await app.store.chainProblems().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anIgnoredDirectiveIsEscalatedLikeAReferralAcrossAWeekend(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a directive by date to the bank, due by the end of a business day a week ahead
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            var day = JalaliDate(app.clock.now).adding(days: 7)
            while !BusinessCalendar.iran.isBusinessDay(day) { day = day.adding(days: 1) }
            let issued = try await api.post(
                "/api/v1/cases/\(code)/directives", token: f.token("inspector"),
                json: ["agencyId": f.bank.id, "text": "پرونده وام را بازبینی کنید.", "dueDate": PersianDigits.toPersian(day.description)])
            #expect(issued.status == 201, "\(issued.text)")
            let directive = try #require(issued.list("referrals").first)
            let dueAt = try DeadlineWatchTests.date(directive["dueAt"])
            #expect(JalaliDate(dueAt) == day && dueAt == day.adding(days: 1).startOfDay().addingTimeInterval(-1))
            let moments = EscalationPolicy.standard.moments(dueAt: dueAt, calendar: .iran)
            let watcher = app.samad.deadlineWatcher
            func moveTo(_ at: Date) { app.clock.advance(by: at.timeIntervalSince(app.clock.now) + 1) }

            // act: the clock passes the reminder, the due date and level 2, the watcher looking each time
            moveTo(moments.reminder)
            #expect(try await watcher.runOnce().reminded == 1)
            moveTo(moments.level1)
            #expect(try await watcher.runOnce().level1 == 1)
            moveTo(moments.level2)
            #expect(try await watcher.runOnce().level2 == 1)
            app.clock.advance(by: 20 * 86_400)
            #expect(try await watcher.runOnce() == DeadlinePass())

            // check: in the inspection queue, marked as a directive; overdue in the inspector's tally
            let queue = try await api.get("/api/v1/overdue", token: f.token("inspector"))
            let late = try #require(queue.list("items").first { $0["trackingCode"] as? String == code })
            #expect((late["referral"] as? [String: Any])?["directedBy"] != nil)
            let tally = try #require(try await api.get("/api/v1/directives/officials", token: f.token("inspector")).array.first)
            #expect(tally["overdue"] as? Int == 1 && tally["open"] as? Int == 1)
            let timeline = try await api.get("/api/v1/cases/\(code)", token: f.token("inspector")).list("timeline").map { $0["kind"] as? String }
            #expect(timeline.filter { $0 == "escalated" }.count == 2 && timeline.filter { $0 == "deadlineReminded" }.count == 1)
            #expect(try await api.get("/api/v1/directives?open=true", token: f.token("inspector")).list("items").count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badDirectivesAreRefusedAndWriteNothing(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let before = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
            let yesterday = PersianDigits.toPersian(JalaliDate(app.clock.now).adding(days: -1).description)
            let inactive = try await api.post(
                "/api/v1/agencies", token: f.token("admin"), json: ["name": "دستگاه تعطیل", "kind": "fund", "province": f.province])
            let inactiveID = try #require(inactive.int("id"))
            #expect(try await api.send(HTTPRequestMethod.put.http, "/api/v1/agencies/\(inactiveID)", token: f.token("admin"), json: ["name": "دستگاه تعطیل", "kind": "fund", "province": f.province, "active": false]).status == 200)
            let cases: [([String: Any], Int, String)] = [
                (["agencyId": f.relief.id, "text": "x", "businessDays": 0], 400, "directive_days_out_of_range"),
                (["agencyId": f.relief.id, "text": "x", "businessDays": -2], 400, "directive_days_out_of_range"),
                (["agencyId": f.relief.id, "text": "x", "dueDate": yesterday], 422, "directive_due_in_past"),
                (["agencyId": f.relief.id, "text": "x", "dueDate": "1405/13/40"], 400, "invalid_date"),
                (["agencyId": f.relief.id, "text": "x"], 422, "directive_due_required"),
                (["agencyId": f.relief.id, "text": "x", "businessDays": 3, "dueDate": "1405/09/20"], 422, "directive_due_required"),
                (["agencyId": f.relief.id, "text": "  ", "businessDays": 3], 400, "text_required"),
                (["agencyId": inactiveID, "text": "x", "businessDays": 3], 422, "agency_inactive"),
                (["agencyId": 999_999, "text": "x", "businessDays": 3], 422, "unknown_agency"),
            ]
            for (body, status, code_) in cases {
                let r = try await api.post("/api/v1/cases/\(code)/directives", token: f.token("official"), json: body)
                #expect(r.status == status && r.errorCode == code_, "\(body) → \(r.status) \(r.errorCode ?? "")")
            }
            // roles that do not direct
            #expect(try await api.post("/api/v1/cases/\(code)/directives", token: f.token("supervisor"), json: ["agencyId": f.relief.id, "text": "x", "businessDays": 3]).status == 403)
            // nothing was written
            let after = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
            #expect(after.int("version") == before.int("version"))
            #expect(after.list("referrals").isEmpty)
            #expect(try await app.notifications(ofCase: code).map(\.kind) == [.registered])

            // a second open directive to the same agency is a conflict; a closed case takes none
            #expect(try await api.post("/api/v1/cases/\(code)/directives", token: f.token("official"), json: ["agencyId": f.relief.id, "text": "x", "businessDays": 3]).status == 201)
            let twice = try await api.post("/api/v1/cases/\(code)/directives", token: f.token("official"), json: ["agencyId": f.relief.id, "text": "y", "businessDays": 3])
            #expect(twice.status == 409 && twice.errorCode == "directive_already_open")
            let id = try #require(try await api.get("/api/v1/cases/\(code)", token: f.token("official")).list("referrals").first?["id"] as? Int)
            _ = try await api.post("/api/v1/referrals/\(id)/answer", token: f.token("liaison"), json: ["answer": "انجام شد."])
            #expect(try await api.post("/api/v1/cases/\(code)/close", token: f.token("supervisor"), json: [:]).status == 200)
            let closed = try await api.post("/api/v1/cases/\(code)/directives", token: f.token("official"), json: ["agencyId": f.bank.id, "text": "x", "businessDays": 3])
            #expect(closed.status == 409 && closed.errorCode == "invalid_transition")
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyTheIssuerOrAnAdminWithdrawsADirective(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let issued = try await api.post(
                "/api/v1/cases/\(code)/directives", token: f.token("official"), json: ["agencyId": f.relief.id, "text": "پیگیری شود", "businessDays": 4])
            let id = try #require(issued.list("referrals").first?["id"] as? Int)
            let bySupervisor = try await api.post("/api/v1/referrals/\(id)/withdraw", token: f.token("supervisor"), json: ["reason": "نادرست"])
            #expect(bySupervisor.status == 403 && bySupervisor.errorCode == "directive_not_yours")
            let byIssuer = try await api.post("/api/v1/referrals/\(id)/withdraw", token: f.token("official"), json: ["reason": "موضوع حل شد"])
            #expect(byIssuer.status == 200 && byIssuer.string("status") == "registered")
            let tally = try #require(try await api.get("/api/v1/directives/officials", token: f.token("official")).array.first)
            #expect(tally["withdrawn"] as? Int == 1)
        }
    }
}
