import Foundation
import PersianKit
import Testing
import TestSupport

/// The period report through the API, on every engine: counts, satisfaction, agency answers, scope.
@Suite(.timeLimit(.minutes(10))) struct ReportTests {
    @Test(arguments: TestDatabase.all)
    func monthReportCountsWhatHappened(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            // setup, Khordad 1402: three letters in the home province, one in the other.
            func register(_ body: [String: Any], as operatorName: String = "operator") async throws -> String {
                let r = try await api.post("/api/v1/cases", token: f.token(operatorName), json: body)
                #expect(r.status == 201, "\(r.text)")
                return try #require(r.string("trackingCode"))
            }
            let loan = try await register(f.caseBody())
            var webBody = f.caseBody(nationalID: "0084575948", mobile: "09351112233", category: "livingAssistance")
            webBody["channel"] = "web"
            webBody["kind"] = "complaint"
            let assistance = try await register(webBody)
            let third = try await register(f.caseBody(nationalID: "3982597919", mobile: "09129998877"))
            _ = try await register(
                f.caseBody(nationalID: "0499370899", mobile: "09125554433", province: f.otherProvince), as: "operatorOther")

            // the loan goes to the relief committee (answered next day) and the bank (never answered)
            let referred = try await api.post(
                "/api/v1/cases/\(loan)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id, f.bank.id]])
            #expect(referred.status == 200)
            let reliefReferral = try #require(
                referred.list("referrals").first { $0["agencyId"] as? Int == f.relief.id }?["id"] as? Int)
            app.clock.advance(by: 86_400)
            #expect(
                try await api.post(
                    "/api/v1/referrals/\(reliefReferral)/answer", token: f.token("liaison"), json: ["answer": "وام پرداخت شد."]
                ).status == 200)
            // the assistance letter is answered by screening and rated 5 and… a second opinion: 5.
            #expect(
                try await api.post("/api/v1/cases/\(assistance)/answer", token: f.token("supervisor"), json: ["answer": "ثبت شد."])
                    .status == 200)
            #expect(
                try await api.post("/api/v1/track/\(assistance)/rating", json: ["mobile": "09351112233", "rating": 5]).status == 200)
            // the third letter goes to the bank, which sends it back as not its own: a return counts against it
            let thirdReferral = try #require(
                try await api.post("/api/v1/cases/\(third)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id]])
                    .list("referrals").first?["id"] as? Int)
            #expect(
                try await api.post("/api/v1/referrals/\(thirdReferral)/return", token: f.token("liaisonBank"), json: ["reason": "مربوط به بانک نیست"])
                    .status == 200)
            // a month later the bank's referral is long overdue
            app.clock.advance(by: 30 * 86_400)

            // act
            let report = try await api.get("/api/v1/reports?period=1402-03", token: f.token("supervisor"))

            // check
            #expect(report.status == 200, "\(report.text)")
            #expect(report.string("period") == "1402-03")
            #expect(report.string("periodKind") == "month")
            #expect(report.string("label") == "خرداد ۱۴۰۲")
            #expect(report.string("province") == f.province)
            #expect(report.int("cases") == 3)
            #expect(report.int("previousPeriodCases") == 0)
            func counts(_ key: String) -> [String: Int] {
                Dictionary(uniqueKeysWithValues: report.list(key).map { ($0["key"] as! String, $0["count"] as! Int) })
            }
            #expect(counts("byCategory") == ["interestFreeLoan": 2, "livingAssistance": 1])
            #expect(counts("byChannel") == ["phone111": 2, "web": 1])
            #expect(counts("byKind") == ["request": 2, "complaint": 1])
            #expect(report.list("byCategory").first?["label"] as? String == "وام قرض‌الحسنه")
            // statuses as the cases themselves report them
            var statuses: [String: Int] = [:]
            for code in [loan, assistance] {
                let status = try #require(try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor")).string("status"))
                statuses[status, default: 0] += 1
            }
            statuses["registered", default: 0] += 1
            #expect(counts("byStatus") == statuses)
            #expect(report.int("answered") == (statuses["answered"] ?? 0) + (statuses["closed"] ?? 0))
            #expect(report.int("rated") == 1)
            #expect(report.object["meanRating"] as? Double == 5)
            #expect(report.int("unsatisfied") == 0)
            let agencies = Dictionary(uniqueKeysWithValues: report.list("agencies").map { ($0["agencyId"] as! Int, $0) })
            #expect(agencies.count == 2)
            let relief = try #require(agencies[f.relief.id])
            #expect(relief["referred"] as? Int == 1 && relief["answered"] as? Int == 1 && relief["answeredOnTime"] as? Int == 1)
            #expect(relief["overdue"] as? Int == 0 && relief["open"] as? Int == 0)
            let days = try #require(relief["meanDaysToAnswer"] as? Double)
            #expect(abs(days - 1) < 0.001)
            let bank = try #require(agencies[f.bank.id])
            #expect(bank["referred"] as? Int == 2 && bank["answered"] as? Int == 0 && bank["open"] as? Int == 1)
            #expect(bank["returned"] as? Int == 1 && relief["returned"] as? Int == 0)
            #expect(bank["overdue"] as? Int == 1)
            #expect(bank["meanDaysToAnswer"] == nil)

            // the league table of the same month: the relief committee answered its one referral in time;
            // the bank's due referral is open and late (0 of 1 in time) and it returned one of two
            let league = try await api.get("/api/v1/league?period=1402-03", token: f.token("supervisor"))
            #expect(league.status == 200 && league.string("label") == "خرداد ۱۴۰۲")
            let lines = league.list("lines")
            #expect(lines.map { $0["agencyId"] as? Int } == [f.relief.id, f.bank.id])
            #expect(lines.map { $0["rank"] as? Int } == [1, 2])
            #expect(lines[0]["onTimeRate"] as? Double == 1 && lines[0]["returnRate"] as? Double == 0 && lines[0]["answered"] as? Int == 1)
            #expect(lines[1]["onTimeRate"] as? Double == 0 && lines[1]["returnRate"] as? Double == 0.5 && lines[1]["medianDays"] == nil)
            #expect(try await api.get("/api/v1/league?period=1402-03&province=\(f.otherProvince)", token: f.token("supervisor")).status == 403)
            let session = try #require(try await api.signIn("supervisor", password: Fixtures.password("supervisor")))
            let page = try await api.get("/staff/reports?period=1402-03", headers: session.read)
            #expect(page.text.contains("رتبه‌بندی دستگاه‌ها") && page.text.contains("۵۰٪"))

            // the country, and one other province, for national staff
            let national = try await api.get("/api/v1/reports?period=1402-03", token: f.token("inspector"))
            #expect(national.int("cases") == 4)
            #expect(national.object["province"] == nil)
            #expect(Set(national.list("agencies").compactMap { $0["agencyId"] as? Int }) == [f.relief.id, f.bank.id])
            #expect(national.list("agencies").first { $0["agencyId"] as? Int == f.bank.id }?["overdue"] as? Int == 1)
            let other = try await api.get("/api/v1/reports?period=۱۴۰۲-۰۳&province=\(f.otherProvince)", token: f.token("inspector"))
            #expect(other.int("cases") == 1)
            #expect(other.list("agencies").isEmpty)
            // the quarter and the year hold the month
            #expect(try await api.get("/api/v1/reports?period=1402-Q1", token: f.token("supervisor")).int("cases") == 3)
            #expect(try await api.get("/api/v1/reports?period=1402", token: f.token("supervisor")).int("cases") == 3)

            // the next month: one new letter; Khordad is now the previous period
            _ = try await register(f.caseBody(nationalID: "0013542419"))
            let current = try await api.get("/api/v1/reports", token: f.token("supervisor"))
            #expect(current.string("period") == "1402-04")
            #expect(current.int("cases") == 1)
            #expect(current.int("previousPeriodCases") == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func scopeAndBadInput(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            func get(_ query: String, as name: String) async throws -> APIResponse {
                try await api.get("/api/v1/reports\(query)", token: f.token(name))
            }
            // provincial staff: their province only
            #expect(try await get("?province=\(f.province)", as: "supervisor").status == 200)
            let outside = try await get("?province=\(f.otherProvince)", as: "supervisor")
            #expect(outside.status == 403 && outside.errorCode == "out_of_scope")
            // roles without reports
            for name in ["operator", "liaison"] {
                let refused = try await get("", as: name)
                #expect(refused.status == 403 && refused.errorCode == "forbidden", "\(name)")
            }
            #expect(try await api.get("/api/v1/reports").status == 401)
            // periods that do not exist, and a province that does not
            for period in ["1402-13", "abc", "1402-Q5", "1402-W60", "14021"] {
                let bad = try await get("?period=\(period)", as: "inspector")
                #expect(bad.status == 400 && bad.errorCode == "invalid_period" && bad.errorField == "period", "\(period)")
            }
            // well-formed periods the calendar does not have: a 53rd week of a 52-week year, year 9999's successor
            let shortYear = try #require((1391...1430).first { y in (try? JalaliPeriod(key: "\(y)-W53")) == nil })
            for period in ["\(shortYear)-W53", "9999"] {
                let bad = try await get("?period=\(period)", as: "inspector")
                #expect(bad.status == 422 && bad.errorCode == "invalid_period", "\(period)")
            }
            let unknown = try await get("?province=99", as: "inspector")
            #expect(unknown.status == 422 && unknown.errorCode == "unknown_province")
            // an empty week is all zeros, not an error
            let week = try await get("?period=1402-W10", as: "inspector")
            #expect(week.status == 200 && week.int("cases") == 0 && week.string("label") == "هفتهٔ ۱۰ سال ۱۴۰۲")
        }
    }
}
