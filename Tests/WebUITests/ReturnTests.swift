import Foundation
import PersianKit
import Testing
import TestSupport

/// A letter returned as not their own by two agencies goes to the supervisor with both reasons: in
/// the API, the screening queue and the case page, on both engines.
@Suite(.timeLimit(.minutes(10))) struct ReturnTests {
    @Test(arguments: TestDatabase.all)
    func aLetterReturnedTwiceGoesToTheSupervisorWithBothReasons(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: one letter, and one that is never returned
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "نامه دیگر"))
            func referAndReturn(_ agency: Int, _ liaison: String, _ reason: String) async throws -> APIResponse {
                let id = try #require(
                    try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [agency]])
                        .list("referrals").first { $0["agencyId"] as? Int == agency && $0["status"] as? String == "pending" }?["id"] as? Int)
                return try await api.post("/api/v1/referrals/\(id)/return", token: f.token(liaison), json: ["reason": reason])
            }

            // act: the bank, then the relief committee, send it back
            let once = try await referAndReturn(f.bank.id, "liaisonBank", "وام‌های قرض‌الحسنه با بانک نیست")
            #expect(once.int("returns") == 1)
            #expect(try await api.get("/api/v1/cases?returnedTwice=true", token: f.token("supervisor")).list("items").isEmpty)
            let twice = try await referAndReturn(f.relief.id, "liaison", "خانواده تحت پوشش کمیته نیست")

            // check: the supervisor's, with both reasons, in the history (not for the citizen)
            #expect(twice.int("returns") == 2 && twice.string("status") == "registered")
            let note = try #require(twice.list("timeline").last { $0["kind"] as? String == "sentToSupervisor" })
            #expect(note["text"] as? String == "«\(f.bank.name)»: وام‌های قرض‌الحسنه با بانک نیست\n«\(f.relief.name)»: خانواده تحت پوشش کمیته نیست")
            let listed = try await api.get("/api/v1/cases?status=registered,reopened&returnedTwice=true", token: f.token("supervisor"))
            #expect(listed.list("items").map { $0["trackingCode"] as? String } == [code])
            #expect(listed.list("items").first?["returns"] as? Int == 2)
            let tracked = try await api.get("/api/v1/track/\(code)?mobile=09121234567")
            #expect(!tracked.text.contains("کارشناس پایش") && !tracked.text.contains("تحت پوشش"))
            // the queue marks it and lists only such letters on asking; the case page says why
            let cookie = try await PageTests.signIn(api, "supervisor")
            let queue = try await api.get("/staff/queue?returned=1", headers: ["Cookie": cookie]).text
            #expect(queue.contains(PersianDigits.toPersian(code)) && queue.contains("۲ بار بازگشت"))
            #expect(!queue.contains("نامه دیگر"))
            let page = try await api.get("/staff/cases/\(code)", headers: ["Cookie": cookie]).text
            #expect(page.contains("دو بار بازگشت از دستگاه‌ها: تصمیم با کارشناس پایش"))
            #expect(page.contains("خانواده تحت پوشش کمیته نیست"))
            #expect(try await app.store.invariantViolations().isEmpty)
            #expect(try await app.store.chainProblems().isEmpty)
        }
    }
}
