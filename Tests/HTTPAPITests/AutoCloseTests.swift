import AppBootstrap
import Domain
import Foundation
import PersianKit
import Storage
import Testing
import TestSupport

/// An answered case the citizen neither rates nor objects to closes itself after the configured
/// days, in the real app with the clock moved by hand: once, by the system, in the history and by
/// SMS; the citizen can still rate it, and a low rating reopens it. Two servers close each case once.
@Suite(.timeLimit(.minutes(10))) struct AutoCloseTests {
    @Test(arguments: TestDatabase.all)
    func anUnratedAnswerClosesItselfAfterTheDaysAndCanStillBeRated(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine, configure: { $0.autoCloseDays = 10 }) { app, api in
            // setup: two cases answered by screening; the citizen rates the second one
            let f = app.fixtures
            var codes: [String] = []
            for n in 0..<2 {
                let code = try #require(
                    try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "درخواست \(n)"))
                        .string("trackingCode"))
                let answered = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"])
                #expect(answered.string("status") == "answered")
                codes.append(code)
            }
            #expect(try await api.post("/api/v1/track/\(codes[1])/rating", json: ["mobile": "09121234567", "rating": 4]).status == 200)
            let watcher = app.samad.deadlineWatcher
            _ = try await app.deliverSMS()

            // act, check: nothing a second before the tenth day
            app.clock.advance(by: 10 * 86_400 - 1)
            #expect(try await watcher.closeUnrated() == AutoClosePass())
            app.clock.advance(by: 1)
            #expect(try await watcher.closeUnrated().closed == 1)
            #expect(try await watcher.closeUnrated() == AutoClosePass(), "a second pass closes nothing")

            // the first case is closed by the system, says why, and the citizen is told
            let detail = try await api.get("/api/v1/cases/\(codes[0])", token: f.token("supervisor"))
            #expect(detail.string("status") == "closed")
            let last = try #require(detail.list("timeline").last)
            #expect(last["kind"] as? String == "autoClosed" && last["actor"] as? String == "سامانه")
            #expect(last["text"] as? String == CaseRules.autoCloseText(days: 10))
            let sms = try await app.deliverSMS().filter { $0.kind == "autoClosed" }
            #expect(sms.count == 1)
            #expect(sms.first?.text.contains(PersianDigits.toPersian(codes[0])) == true)
            #expect(sms.first?.text.contains("۱۰ روز") == true)
            let tracked = try await api.get("/api/v1/track/\(codes[0])?mobile=09121234567")
            #expect(tracked.string("status") == "closed")
            #expect(tracked.text.contains(CaseRules.autoCloseText(days: 10)))

            // the citizen may still say the answer did not help: the case reopens for screening
            let rated = try await api.post("/api/v1/track/\(codes[0])/rating", json: ["mobile": "09121234567", "rating": 1])
            #expect(rated.string("status") == "reopened")
            app.clock.advance(by: 30 * 86_400)
            #expect(try await watcher.closeUnrated() == AutoClosePass(), "a reopened case waits for a new answer")
            #expect(try await api.get("/api/v1/cases/\(codes[1])", token: f.token("supervisor")).string("status") == "closed")
            #expect(try await app.store.invariantViolations().isEmpty)
            #expect(try await app.store.chainProblems().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func twoServersCloseEachCaseOnce(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: 16 answered cases, then the clock moved past the wait
            let f = app.fixtures
            for n in 0..<16 {
                let code = try #require(
                    try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "درخواست \(n)"))
                        .string("trackingCode"))
                _ = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"])
            }
            app.clock.advance(by: TimeInterval(CaseRules.defaultAutoCloseDays) * 86_400)
            let other = try await openStore(config: app.samad.config)
            defer { Task { try? await other.client.shutdown() } }

            // act: two stores, small batches, until neither finds anything due
            async let a = Self.drain(app.store)
            async let b = Self.drain(other)
            let (closedA, closedB) = try await (a, b)

            // check: 16 closed in all, each with one closing event and one SMS
            #expect(closedA + closedB == 16)
            let sms = try await app.deliverSMS().filter { $0.kind == "autoClosed" }
            #expect(sms.count == 16 && Set(sms.compactMap(\.caseId)).count == 16)
            #expect(try await app.store.invariantViolations().isEmpty)
            #expect(try await app.store.chainProblems().isEmpty)
        }
    }

    /// Passes of 4 until one finds nothing more to do; the cases closed.
    static func drain(_ store: SQLStore) async throws -> Int {
        var closed = 0
        for _ in 0..<100 {
            let pass = try await store.autoCloseAnswered(days: CaseRules.defaultAutoCloseDays, limit: 4)
            closed += pass.closed
            if pass.closed + pass.skipped == 0 { break }
            await Task.yield()
        }
        return closed
    }
}
