import PersianKit
import Foundation
import Testing
import TestSupport
import Workflow

/// The screening queue as a supervisor works it: the real count of waiting letters, which of them
/// the page shows, how long each has waited, and a tracking code typed in to open one.
@Suite(.timeLimit(.minutes(5))) struct QueuePageTests {
    @Test(arguments: TestDatabase.all)
    func theQueueCountsPagesAndOpensACodeInScope(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: 52 letters waiting in the province, one answered, one in another province
            let f = app.fixtures
            var codes: [String] = []
            for n in 0..<52 {
                let body = f.caseBody(mobile: "0912\(String(format: "%07d", 1_000_000 + n))")
                codes.append(try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: body).string("trackingCode")))
            }
            _ = try await api.post("/api/v1/cases/\(codes[51])/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"])
            let elsewhere = try #require(
                try await api.post("/api/v1/cases", token: f.token("operatorOther"), json: f.caseBody(province: f.otherProvince))
                    .string("trackingCode"))
            app.clock.advance(by: 3 * 86_400 + 2 * 3600)
            let cookie = try await PageTests.signIn(api, "supervisor")

            // act + check: 51 waiting (not «۵۰+»), the first page says 1 to 50, each with its age
            let first = try await api.get("/staff/queue", headers: ["Cookie": cookie])
            #expect(first.status == 200)
            #expect(first.text.contains("<strong>۵۱</strong> نامه در صف") && first.text.contains("این صفحه: ۱ تا ۵۰"))
            #expect(first.text.contains("<td>۳ روز و ۲ ساعت</td>"))
            let next = try #require(
                first.text.range(of: #"/staff/queue\?cursor=[^"]+"#, options: .regularExpression).map { String(first.text[$0]) })
            let second = try await api.get(next.replacingOccurrences(of: "&amp;", with: "&"), headers: ["Cookie": cookie])
            #expect(second.text.contains("<strong>۵۱</strong> نامه در صف") && second.text.contains("این صفحه: ۵۱ تا ۵۱"))

            // a code as the receipt shows it opens the case; one of another province is not found
            let grouped = try TrackingCode(parsing: codes[7]).grouped
            let query = try #require(grouped.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let opened = try await api.get("/staff/queue?code=\(query)", headers: ["Cookie": cookie])
            #expect([302, 303].contains(opened.status) && opened.headers[.location] == "/staff/cases/\(codes[7])")
            // as a browser's GET form sends it: the groups' spaces as '+'
            let plus = try #require(PersianDigits.toPersian(grouped).addingPercentEncoding(withAllowedCharacters: .alphanumerics.union([" "])))
                .replacingOccurrences(of: " ", with: "+")
            let typed = try await api.get("/staff/queue?code=\(plus)", headers: ["Cookie": cookie])
            #expect([302, 303].contains(typed.status) && typed.headers[.location] == "/staff/cases/\(codes[7])", "\(plus)")
            let hidden = try await api.get("/staff/queue?code=\(elsewhere)", headers: ["Cookie": cookie])
            #expect(hidden.status == 200 && hidden.text.contains("در دسترس شما پیدا نشد") && !hidden.text.contains("/staff/cases/\(elsewhere)"))
            let nonsense = try await api.get("/staff/queue?code=12", headers: ["Cookie": cookie])
            #expect(nonsense.status == 200 && nonsense.text.contains("در دسترس شما پیدا نشد"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func appealsComeFirstThenLettersReturnedTwiceThenTheOldest(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: two plain letters, then one returned by two agencies, then one answered and rated 1
            let f = app.fixtures
            func register(_ n: Int) async throws -> String {
                let body = f.caseBody(mobile: "0912\(String(format: "%07d", 3_000_000 + n))")
                let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: body).string("trackingCode"))
                app.clock.advance(by: 3600)
                return code
            }
            let plain = [try await register(0), try await register(1)]
            let returned = try await register(2)
            for (agency, liaison) in [(f.bank.id, "liaisonBank"), (f.relief.id, "liaison")] {
                let id = try #require(
                    try await api.post("/api/v1/cases/\(returned)/referrals", token: f.token("supervisor"), json: ["agencyIds": [agency]])
                        .list("referrals").first { $0["agencyId"] as? Int == agency && $0["status"] as? String == "pending" }?["id"] as? Int)
                #expect(try await api.post("/api/v1/referrals/\(id)/return", token: f.token(liaison), json: ["reason": "از وظایف ما نیست"]).status == 200)
            }
            let appeal = try await register(3)
            #expect(try await api.post("/api/v1/cases/\(appeal)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"]).status == 200)
            let mobile = "0912\(String(format: "%07d", 3_000_003))"
            #expect(try await api.post("/api/v1/track/\(appeal)/rating", json: ["mobile": mobile, "rating": 1]).string("status") == "reopened")
            let cookie = try await PageTests.signIn(api, "supervisor")

            // act
            let queue = try await api.get("/staff/queue", headers: ["Cookie": cookie]).text

            // check: the appeal with its rating, the returned letter, then the plain ones oldest first
            let order = [appeal, returned, plain[0], plain[1]].map { queue.range(of: "/staff/cases/\($0)")?.lowerBound }
            #expect(order.allSatisfy { $0 != nil })
            #expect(zip(order, order.dropFirst()).allSatisfy { $0! < $1! }, "queue order")
            #expect(queue.contains("<strong>۴</strong> نامه در صف"))
            #expect(queue.contains("امتیاز شهروند: ۱ از ۵"))
            #expect(queue.contains("۲ بار بازگشت"))
            #expect(queue.range(of: #"<strong>[۰-۹]+</strong> روز کاری مانده"#, options: .regularExpression) != nil)
            // the filters keep their tiers: only appeals, only the returned
            let appeals = try await api.get("/staff/queue?status=reopened", headers: ["Cookie": cookie]).text
            #expect(appeals.contains(appeal) && !appeals.contains(returned) && appeals.contains("<strong>۱</strong> نامه در صف"))
            let twice = try await api.get("/staff/queue?returned=1", headers: ["Cookie": cookie]).text
            #expect(twice.contains(returned) && !twice.contains(plain[0]) && twice.contains("<strong>۱</strong> نامه در صف"))
            // one letter a page walks the tiers in the same order and ends without an empty page
            let gate = Gatekeeper(
                auth: app.store, staff: app.store, rateLimits: .memory, secureCookies: false, bcryptCost: 4, now: { app.clock.now },
                sendCode: { _, _, _ in })
            let workflow = CaseWorkflow(cases: app.store, reference: app.store, gatekeeper: gate)
            var request = QueueRequest()
            request.limit = 1
            var walked: [String] = []
            var pages = 0
            repeat {
                let view = try await workflow.screeningQueue(request, by: StaffCaller(f.staff["supervisor"]!))
                walked += view.items.map(\.trackingCode.value)
                request.cursor = view.nextCursor
                pages += 1
                #expect(view.total == 4)
            } while request.cursor != nil && pages < 10
            #expect(walked == [appeal, returned, plain[0], plain[1]])
            #expect(pages == 4)
            // a cursor no page gave out is a 400, not a crash
            #expect(try await api.get("/staff/queue?cursor=9~1.2", headers: ["Cookie": cookie]).status == 400)
        }
    }
}
