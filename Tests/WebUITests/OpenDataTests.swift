import CSV
import Foundation
import PersianKit
import Testing
import TestSupport

/// Open data as the public gets it: a finished month's letters per province and category, worked
/// out by hand, the small counts and the totals that would give them away withheld, the same
/// table on the page, in JSON and in CSV; a month not yet over is refused.
@Suite(.timeLimit(.minutes(5))) struct OpenDataTests {
    @Test(arguments: TestDatabase.all)
    func aFinishedMonthIsPublishedWithItsSmallCountsWithheld(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: in one month, the home province gets 7 living-assistance letters and 2 about jobs,
            // the other province 6 living-assistance letters
            let f = app.fixtures
            var n = 0
            func register(_ category: String, _ province: String, as name: String) async throws {
                n += 1
                let body = f.caseBody(nationalID: nil, mobile: "0912\(String(format: "%07d", 5_000_000 + n))", category: category, province: province)
                #expect(try await api.post("/api/v1/cases", token: f.token(name), json: body).status == 201)
            }
            for _ in 0..<7 { try await register("livingAssistance", f.province, as: "operator") }
            for _ in 0..<2 { try await register("employment", f.province, as: "operator") }
            for _ in 0..<6 { try await register("livingAssistance", f.otherProvince, as: "operatorOther") }
            let month = JalaliPeriod.containing(app.clock.now, kind: .month)
            // while the month runs it is not published
            let early = try await api.get("/api/v1/open-data?month=\(month.key)")
            #expect(early.status == 422 && early.errorCode == "month_not_ended")
            app.clock.advance(by: month.end.timeIntervalSince(app.clock.now) + 86_400)

            // act: the month just ended, as JSON (the default month), CSV and the page
            let json = try await api.get("/api/v1/open-data")
            #expect(json.status == 200 && json.string("month") == month.key)
            let categories = (json["categories"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            let living = try #require(categories.firstIndex(of: "livingAssistance"))
            let jobs = try #require(categories.firstIndex(of: "employment"))
            let rows = json.list("rows")
            let home = try #require(rows.first { $0["province"] as? String == f.province })
            let other = try #require(rows.first { $0["province"] as? String == f.otherProvince })
            let totals = try #require(json["totals"] as? [String: Any])

            // check: worked by hand — the 2 is withheld, so are its row's total (9) and, to keep the
            // totals column from giving it away, the grand total (15); the jobs column's total is 2 itself
            let homeCells = try #require(home["cells"] as? [Any])
            #expect(homeCells[living] as? Int == 7)
            #expect(homeCells[jobs] is NSNull)
            #expect(home["total"] is NSNull || home["total"] == nil)
            #expect((other["cells"] as? [Any])?[living] as? Int == 6 && other["total"] as? Int == 6)
            let columnTotals = try #require(totals["cells"] as? [Any])
            #expect(columnTotals[living] as? Int == 13 && columnTotals[jobs] is NSNull)
            #expect(totals["total"] is NSNull || totals["total"] == nil)

            let csv = try await api.get("/api/v1/open-data?month=\(month.key)&format=csv")
            #expect(csv.status == 200 && Array(csv.data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let reader = try CSVReader(string: String(decoding: csv.data.dropFirst(3), as: UTF8.self))
            var table: [[String]] = []
            while let row = reader.next() { table.append(row) }
            let homeRow = try #require(table.first { $0.count > 1 && $0[1] == f.province })
            #expect(homeRow[2 + living] == "7" && homeRow[2 + jobs] == "<5" && homeRow.last == "<5")

            let page = try await api.get("/open-data?month=\(month.key)")
            #expect(page.status == 200 && page.text.contains("کمتر از ۵") && page.text.contains("<td>۱۳</td>") == false)
            #expect(page.text.contains("<strong>۱۳</strong>"))
            // bad months
            #expect(try await api.get("/api/v1/open-data?month=1401").errorCode == "invalid_month")
            #expect([400, 422].contains(try await api.get("/api/v1/open-data?month=1401-13").status))
            #expect(try await api.get("/open-data?month=abc").status == 400)
            #expect(try await api.get("/api/v1/open-data?month=").errorCode == "invalid_month")
            #expect(try await api.get("/open-data?month=").status == 200, "the page's empty field is the default month")
            let future = try await api.get("/api/v1/reports?period=9772", token: f.token("supervisor"))
            #expect(future.status == 422 && future.errorCode == "period_in_future")
        }
    }
}
