import PersianKit
import Foundation
import Testing
import TestSupport

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
            let hidden = try await api.get("/staff/queue?code=\(elsewhere)", headers: ["Cookie": cookie])
            #expect(hidden.status == 200 && hidden.text.contains("در دسترس شما پیدا نشد") && !hidden.text.contains("/staff/cases/\(elsewhere)"))
            let nonsense = try await api.get("/staff/queue?code=12", headers: ["Cookie": cookie])
            #expect(nonsense.status == 200 && nonsense.text.contains("در دسترس شما پیدا نشد"))
        }
    }
}
