import CSV
import Foundation
import PersianKit
import Testing
import TestSupport

/// The period report as a CSV file: what Excel needs to show the Persian (a UTF-8 byte-order
/// mark), the same figures as the report, a cell that would run as a formula defused, and the
/// report's own access rules.
@Suite(.timeLimit(.minutes(5))) struct ReportExportTests {
    @Test(arguments: TestDatabase.all)
    func theReportDownloadsAsACSVWithTheSameFigures(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: three letters this month, one referred to the relief committee and answered by it;
            // an agency whose name an admin began with "="
            let f = app.fixtures
            var codes: [String] = []
            for (n, category) in ["livingAssistance", "livingAssistance", "employment"].enumerated() {
                let body = f.caseBody(mobile: "0912\(String(format: "%07d", 4_000_000 + n))", category: category)
                codes.append(try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: body).string("trackingCode")))
            }
            let referral = try #require(
                try await api.post("/api/v1/cases/\(codes[0])/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
                    .list("referrals").first?["id"] as? Int)
            #expect(try await api.post("/api/v1/referrals/\(referral)/answer", token: f.token("liaison"), json: ["answer": "پرداخت شد"]).status == 200)
            let odd = try await api.post(
                "/api/v1/agencies", token: f.token("admin"), json: ["name": "=HYPERLINK(\"x\")", "kind": "fund", "province": f.province])
            let oddID = try #require(odd.int("id"))
            _ = try await api.post("/api/v1/cases/\(codes[2])/referrals", token: f.token("supervisor"), json: ["agencyIds": [oddID]])
            let period = JalaliPeriod.containing(app.clock.now, kind: .month).key
            let cookie = try await PageTests.signIn(api, "supervisor")

            // act
            let response = try await api.get("/staff/reports/export.csv?period=\(period)", headers: ["Cookie": cookie])

            // check: a UTF-8 file with its BOM, named for the period, read back as rows
            #expect(response.status == 200)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition]?.contains("samad-report-\(period)-\(f.province).csv") == true)
            #expect(Array(response.data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: response.data.dropFirst(3), as: UTF8.self)
            let reader = try CSVReader(string: text)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            func figure(_ section: String, _ key: String) -> String? { rows.first { $0.count >= 4 && $0[0] == section && $0[1] == key }?[3] }
            #expect(figure("خلاصه", "cases") == "3")
            #expect(figure("موضوع", "livingAssistance") == "2" && figure("موضوع", "employment") == "1")
            #expect(rows.first { $0.first == "موضوع" && $0[1] == "livingAssistance" }?[2] == "کمک معیشتی")
            let relief = try #require(rows.first { $0.first == f.relief.name })
            #expect(relief[2] == "1" && relief[3] == "1" && relief[4] == "1")
            #expect(rows.contains { $0.first == "'=HYPERLINK(\"x\")" }, "a formula is written as text")
            // the page links to it
            let page = try await api.get("/staff/reports?period=\(period)", headers: ["Cookie": cookie]).text
            #expect(page.contains("/staff/reports/export.csv?period=\(period)"))
            // the report's rules: another province is refused, an operator has none
            let other = try await api.get("/staff/reports/export.csv?period=\(period)&province=\(f.otherProvince)", headers: ["Cookie": cookie])
            #expect(other.status == 403)
            let operatorCookie = try await PageTests.signIn(api, "operator")
            #expect(try await api.get("/staff/reports/export.csv?period=\(period)", headers: ["Cookie": operatorCookie]).status == 403)
        }
    }
}
