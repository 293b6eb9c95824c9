import AppBootstrap
import Domain
import Foundation
import PersianKit
import Storage
import Testing
import TestSupport

/// The deadline watcher in the real app, with the clock moved by hand: a referral is reminded,
/// escalated to level 1 and to level 2, each once, and every door (the staff case, the agency's
/// inbox, the citizen's tracking) shows the clock; two watchers on one database escalate each
/// referral once.
@Suite(.timeLimit(.minutes(10))) struct DeadlineWatchTests {
    static func date(_ value: Any?) throws -> Date {
        try #require((value as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
    }

    @Test(arguments: TestDatabase.all)
    func aLateReferralIsRemindedThenEscalatedTwiceEachOnce(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a case referred to the bank
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let referred = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id]])
            let referral = try #require(referred.list("referrals").first)
            let dueAt = try Self.date(referral["dueAt"])
            let clock = try #require(referral["clock"] as? [String: Any])
            #expect(clock["state"] as? String == "onTime")
            #expect(clock["label"] as? String == "\(PersianDigits.toPersian(String(clock["businessDays"] as? Int ?? -1))) روز کاری مانده")
            let moments = EscalationPolicy.standard.moments(dueAt: dueAt, calendar: .iran)
            let watcher = app.samad.deadlineWatcher
            func moveTo(_ at: Date) { app.clock.advance(by: at.timeIntervalSince(app.clock.now) + 1) }

            // act, check: nothing before the reminder
            #expect(try await watcher.runOnce() == DeadlinePass())
            moveTo(moments.reminder)
            var pass = try await watcher.runOnce()
            #expect(pass.looked == 1 && pass.reminded == 1 && pass.level1 == 0)
            #expect(try await watcher.runOnce().looked == 0, "a second pass at the same moment does nothing")

            moveTo(moments.level1)
            pass = try await watcher.runOnce()
            #expect(pass.level1 == 1 && pass.level2 == 0)
            let late = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
            let lateReferral = try #require(late.list("referrals").first)
            #expect(lateReferral["escalationLevel"] as? Int == 1)
            #expect((lateReferral["clock"] as? [String: Any])?["state"] as? String == "overdue")
            #expect(late.list("timeline").map { $0["kind"] as? String }.suffix(2) == ["deadlineReminded", "escalated"])
            #expect(late.list("timeline").last?["actor"] as? String == "سامانه")
            // the agency's inbox marks it
            let inbox = try await api.get("/api/v1/referrals", token: f.token("liaisonBank"))
            let entry = try #require(inbox.list("items").first { $0["trackingCode"] as? String == code })
            #expect((entry["referral"] as? [String: Any])?["escalationLevel"] as? Int == 1)
            // the citizen sees the hop, late, and the follow-up, but not the internal reminder
            let tracked = try await api.get("/api/v1/track/\(code)?mobile=09121234567")
            let hop = try #require(tracked.list("hops").first)
            #expect(hop["agencyName"] as? String == f.bank.name)
            #expect((hop["clock"] as? [String: Any])?["state"] as? String == "overdue")
            #expect(tracked.text.contains("موضوع پیگیری شد"))
            #expect(!tracked.text.contains("یادآوری"))

            // level 1 is late but not yet in the inspection queue
            #expect(try await api.get("/api/v1/overdue", token: f.token("inspector")).list("items").isEmpty)
            #expect(try await api.get("/api/v1/overdue?level=1", token: f.token("supervisor")).list("items").count == 1)

            moveTo(moments.level2)
            pass = try await watcher.runOnce()
            #expect(pass.level2 == 1)
            // the inspection queue: the province's supervisor and the national inspector see it, the
            // other province's supervisor does not, an agency's liaison may not ask, level 3 is no level
            for who in ["inspector", "supervisor"] {
                let queue = try await api.get("/api/v1/overdue", token: f.token(who))
                #expect(queue.list("items").map { $0["trackingCode"] as? String } == [code], "\(who)")
            }
            #expect(try await api.get("/api/v1/overdue", token: f.token("supervisorOther")).list("items").isEmpty)
            #expect(try await api.get("/api/v1/overdue", token: f.token("liaisonBank")).status == 403)
            let badLevel = try await api.get("/api/v1/overdue?level=3", token: f.token("inspector"))
            #expect(badLevel.status == 400 && badLevel.errorCode == "escalation_level_out_of_range")
            app.clock.advance(by: 30 * 86_400)
            #expect(try await watcher.runOnce() == DeadlinePass(), "nothing is escalated past level 2, nor twice")
            let events = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).list("timeline")
            #expect(events.filter { $0["kind"] as? String == "escalated" }.map { $0["text"] as? String }
                == [CaseRules.escalationText(1), CaseRules.escalationText(2)])
            #expect(events.filter { $0["kind"] as? String == "deadlineReminded" }.count == 1)

            // an answer stops the clock; the case's history and the invariant hold
            let answered = try await api.post(
                "/api/v1/referrals/\(try #require(referral["id"] as? Int))/answer", token: f.token("liaisonBank"),
                json: ["answer": "وام پرداخت شد."])
            #expect(((answered.list("referrals").first?["clock"]) as? [String: Any])?["state"] as? String == "done")
            #expect(try await api.get("/api/v1/overdue?level=1", token: f.token("inspector")).list("items").isEmpty, "answered: no longer late")
            #expect(try await app.store.invariantViolations().isEmpty)
            #expect(try await app.store.chainProblems().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func twoWatchersAtOnceEscalateEachReferralOnce(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: 24 cases referred, then the clock moved past level 2
            let f = app.fixtures
            for n in 0..<24 {
                let code = try #require(
                    try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "درخواست \(n)"))
                        .string("trackingCode"))
                _ = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id]])
            }
            app.clock.advance(by: 40 * 86_400)
            // A second server: its own store and connections on the same database.
            let other = try await openStore(config: app.samad.config)
            defer { Task { try? await other.client.shutdown() } }

            // act: two watchers, small batches, until neither finds anything due
            async let a = Self.drain(app.store)
            async let b = Self.drain(other)
            let (passA, passB) = try await (a, b)

            // check: 24 referrals, each at level 1 once and level 2 once, across both watchers
            #expect(passA.level1 + passB.level1 == 24)
            #expect(passA.level2 + passB.level2 == 24)
            let page = try await app.store.inbox(agencyID: f.bank.id, openOnly: true, scopeProvince: nil, refine: .init(), limit: 100, cursor: nil)
            #expect(page.entries.count == 24)
            for entry in page.entries {
                let detail = try #require(try await app.store.detail(entry.trackingCode))
                #expect(detail.referrals.first?.escalationLevel == 2)
                #expect(detail.events.filter { $0.kind == .escalated }.count == 2, "\(entry.trackingCode.value) escalated twice over")
            }
            #expect(try await app.store.invariantViolations().isEmpty)
            #expect(try await app.store.chainProblems().isEmpty)
        }
    }

    /// Passes of 5 until one finds nothing more to do.
    static func drain(_ store: SQLStore) async throws -> DeadlinePass {
        var total = DeadlinePass()
        for _ in 0..<100 {
            let pass = try await store.watchDeadlines(limit: 5)
            total += pass
            if pass.looked + pass.skipped == 0 { break }
            await Task.yield()
        }
        return total
    }
}
