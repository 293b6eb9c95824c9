import Foundation
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(10))) struct ListAndSearchTests {
    @Test(arguments: TestDatabase.all)
    func filtersAndTextSearch(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let token = f.token("supervisor")
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "می خواهم وام بگیرم", category: "interestFreeLoan"))
            app.clock.advance(by: 86_400)
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "کتاب ها را نگرفتیم", category: "other"))
            app.clock.advance(by: 86_400)
            var third = f.caseBody(subject: "آسفالت کوچه", category: "municipalServices")
            third["channel"] = "web"
            third["kind"] = "complaint"
            _ = try await api.post("/api/v1/cases", token: f.token("operator"), json: third)

            // Both spellings of split words find the case.
            #expect(try await api.get("/api/v1/cases?q=%D9%85%DB%8C%E2%80%8C%D8%AE%D9%88%D8%A7%D9%87%D9%85", token: token).list("items").count == 1)
            #expect(try await api.get("/api/v1/cases?q=" + "کتاب‌ها".urlQuery, token: token).list("items").count == 1)
            #expect(try await api.get("/api/v1/cases?category=other", token: token).list("items").count == 1)
            #expect(try await api.get("/api/v1/cases?channel=web&kind=complaint", token: token).list("items").count == 1)
            #expect(try await api.get("/api/v1/cases?status=registered,referred", token: token).list("items").count == 3)
            #expect(try await api.get("/api/v1/cases?status=closed", token: token).list("items").isEmpty)
            #expect(try await api.get("/api/v1/cases?status=lost", token: token).errorCode == "invalid_status")
            // Dates are Jalali days in Tehran: the clock started on 1402/03/04.
            #expect(try await api.get("/api/v1/cases?from=" + "۱۴۰۲/۰۳/۰۵".urlQuery, token: token).list("items").count == 2)
            #expect(try await api.get("/api/v1/cases?to=1402-03-04", token: token).list("items").count == 1)
            #expect(try await api.get("/api/v1/cases?from=1404/12/30", token: token).errorCode == "invalid_date")
            // Newest first by default, oldest first on request.
            let newest = try await api.get("/api/v1/cases", token: token).list("items").compactMap { $0["subject"] as? String }
            #expect(newest.first == "آسفالت کوچه")
            let oldest = try await api.get("/api/v1/cases?order=oldest", token: token).list("items").compactMap { $0["subject"] as? String }
            #expect(oldest == newest.reversed())
            // Lists mask identifiers.
            let item = try #require(try await api.get("/api/v1/cases", token: token).list("items").first)
            #expect((item["maskedMobile"] as? String)?.contains("*") == true)
            #expect(try await api.get("/api/v1/cases?cursor=garbage", token: token).errorCode == "invalid_cursor")
        }
    }
}

extension String {
    var urlQuery: String { addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)! }
}
