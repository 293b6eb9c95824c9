import Domain
import Foundation
import PersianKit
import Testing
import TestSupport

/// Oversight on both engines: the letters unanswered after N days by province and agency, and one
/// agency's page, through the API and the pages.
@Suite(.timeLimit(.minutes(10))) struct OversightTests {
    @Test(arguments: TestDatabase.all)
    func unansweredLettersAreCountedByProvinceAndAgency(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: in the fixtures' province one letter with the bank, one with the bank and the relief
            // committee, one still in screening, one answered; one in screening in the other province
            let f = app.fixtures
            func register(_ subject: String, nationalID: String = "0013542419", province: String? = nil, as who: String = "operator") async throws -> String {
                try #require(
                    try await api.post("/api/v1/cases", token: f.token(who), json: f.caseBody(nationalID: nationalID, subject: subject, province: province))
                        .string("trackingCode"))
            }
            let withBank = try await register("وام بانک")
            _ = try await api.post("/api/v1/cases/\(withBank)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id]])
            let withBoth = try await register("وام و کمک معیشتی")
            _ = try await api.post("/api/v1/cases/\(withBoth)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id, f.relief.id]])
            _ = try await register("هنوز در پایش")
            let answered = try await register("پاسخ‌داده")
            _ = try await api.post("/api/v1/cases/\(answered)/answer", token: f.token("supervisor"), json: ["answer": "راهنمایی شد"])
            _ = try await register("استان دیگر", nationalID: "0084575948", province: f.otherProvince, as: "operatorOther")
            // eleven days on, one more letter comes in: too young to count
            app.clock.advance(by: 11 * 86_400)
            _ = try await register("تازه")

            // act
            let found = try await api.get("/api/v1/oversight/unanswered", token: f.token("inspector"))

            // check: four letters, three in the fixtures' province; a letter with two agencies counts for each
            #expect(found.status == 200)
            #expect(found.int("days") == 10 && found.int("total") == 4)
            let provinces = Dictionary(uniqueKeysWithValues: found.list("byProvince").map { ($0["province"] as! String, $0["cases"] as! Int) })
            #expect(provinces == [f.province: 3, f.otherProvince: 1])
            let agencies = found.list("byAgency").map { "\($0["province"]!)/\($0["agencyId"] as? Int ?? 0)=\($0["cases"]!)" }
            #expect(Set(agencies) == ["\(f.province)/\(f.bank.id)=2", "\(f.province)/\(f.relief.id)=1", "\(f.province)/0=1", "\(f.otherProvince)/0=1"])
            #expect(found.list("byAgency").first?["agencyName"] as? String == f.bank.name, "most letters first")
            // a longer wait leaves nothing; the day count is checked
            #expect(try await api.get("/api/v1/oversight/unanswered?days=12", token: f.token("inspector")).int("total") == 0)
            #expect(try await api.get("/api/v1/oversight/unanswered?days=0", token: f.token("inspector")).errorCode == "oversight_days_out_of_range")
            #expect(try await api.get("/api/v1/oversight/unanswered?days=366", token: f.token("inspector")).status == 400)
            // provincial staff see their province only, and may not ask for another
            let other = try await api.get("/api/v1/oversight/unanswered", token: f.token("supervisorOther"))
            #expect(other.int("total") == 1 && other.list("byAgency").count == 1)
            #expect(try await api.get("/api/v1/oversight/unanswered?province=\(f.province)", token: f.token("supervisorOther")).status == 403)
            #expect(try await api.get("/api/v1/oversight/unanswered?province=\(f.otherProvince)", token: f.token("inspector")).int("total") == 1)
            #expect(try await api.get("/api/v1/oversight/unanswered", token: f.token("liaison")).status == 403)
            // once the bank answers, its letters leave the count; the relief committee still holds one
            for code in [withBank, withBoth] {
                let detail = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
                for r in detail.list("referrals") where r["agencyId"] as? Int == f.bank.id {
                    _ = try await api.post("/api/v1/referrals/\(r["id"] as! Int)/answer", token: f.token("liaisonBank"), json: ["answer": "وام پرداخت شد"])
                }
            }
            let after = try await api.get("/api/v1/oversight/unanswered?province=\(f.province)", token: f.token("inspector"))
            #expect(Set(after.list("byAgency").map { $0["agencyId"] as? Int ?? 0 }) == [f.relief.id, 0])
            // the page: the counts, links to each agency's page and to the queue
            let cookie = try await PageTests.signIn(api, "supervisor")
            let page = try await api.get("/staff/oversight", headers: ["Cookie": cookie])
            #expect(page.status == 200)
            #expect(page.text.contains(f.relief.name) && page.text.contains(#"href="/staff/agencies/\#(f.relief.id)""#))
            #expect(page.text.contains("هنوز به دستگاهی نرفته") && page.text.contains("بی‌پاسخ بیش از ۱۰ روز"))
            #expect(try await api.get("/staff/oversight?days=abc", headers: ["Cookie": cookie]).status == 400)
            #expect(try await api.get("/staff/oversight?days=۰", headers: ["Cookie": cookie]).status == 400)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAgencysPageShowsWhatItHoldsAndItsLeagueLine(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: the bank gets a referral and a directive, and ignores both for a month
            let f = app.fixtures
            let period = JalaliPeriod.containing(app.clock.now, kind: .month).key
            let referred = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(referred)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.bank.id]])
            let directed = try #require(
                try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: "دستور به بانک")).string("trackingCode"))
            _ = try await api.post(
                "/api/v1/cases/\(directed)/directives", token: f.token("official"),
                json: ["agencyId": f.bank.id, "text": "تا سه روز کاری پاسخ دهید", "businessDays": 3])
            let before = try await api.get("/api/v1/agencies/\(f.bank.id)/oversight?period=\(period)", token: f.token("inspector"))
            #expect(before.status == 200)
            #expect((before["load"] as? [String: Any])?["late"] as? Int == 0)
            app.clock.advance(by: 30 * 86_400)
            _ = try await app.samad.deadlineWatcher.runOnce()

            // act
            let profile = try await api.get("/api/v1/agencies/\(f.bank.id)/oversight?period=\(period)", token: f.token("inspector"))

            // check: both open, late and in the inspection queue; the league line counts both
            #expect(profile.status == 200)
            let load = try #require(profile["load"] as? [String: Any])
            #expect(load["open"] as? Int == 2 && load["late"] as? Int == 2 && load["level1"] as? Int == 2 && load["level2"] as? Int == 2)
            #expect(load["openDirectives"] as? Int == 1)
            let league = try #require(profile["league"] as? [String: Any])
            #expect(league["referrals"] as? Int == 2 && league["breaches"] as? Int == 2 && league["answered"] as? Int == 0)
            #expect((profile.int("ranked") ?? 0) >= 1)
            let items = try #require(profile["referrals"] as? [String: Any])["items"] as? [[String: Any]] ?? []
            #expect(Set(items.compactMap { $0["trackingCode"] as? String }) == [referred, directed])
            // national staff may look at one province's share
            let elsewhere = try await api.get("/api/v1/agencies/\(f.bank.id)/oversight?province=\(f.otherProvince)", token: f.token("inspector"))
            #expect(elsewhere.string("province") == f.otherProvince && (elsewhere["load"] as? [String: Any])?["open"] as? Int == 0)
            #expect(try await api.get("/api/v1/agencies/\(f.bank.id)/oversight?province=\(f.otherProvince)", token: f.token("supervisor")).status == 403)
            // a period with no referral has no league line; scope hides another province's agency
            #expect(try await api.get("/api/v1/agencies/\(f.bank.id)/oversight?period=1390-01", token: f.token("inspector"))["league"] == nil)
            #expect(try await api.get("/api/v1/agencies/\(f.bank.id)/oversight", token: f.token("supervisorOther")).errorCode == "agency_not_found")
            #expect(try await api.get("/api/v1/agencies/999999/oversight", token: f.token("inspector")).status == 404)
            #expect(try await api.get("/api/v1/agencies/\(f.bank.id)/oversight?period=bad", token: f.token("inspector")).errorCode == "invalid_period")
            // the page
            let cookie = try await PageTests.signIn(api, "supervisor")
            let page = try await api.get("/staff/agencies/\(f.bank.id)?period=\(period)", headers: ["Cookie": cookie])
            #expect(page.status == 200)
            #expect(page.text.contains(f.bank.name) && page.text.contains("در صف بازرسی (سطح ۲)"))
            #expect(page.text.contains(PersianDigits.toPersian(referred)) && page.text.contains("دستور \(f.staff["official"]!.displayName)"))
            #expect(page.text.contains("رتبه ۱ از "))
            #expect(try await api.get("/staff/agencies/\(f.otherProvinceAgency.id)", headers: ["Cookie": cookie]).status == 404)
            #expect(try await api.get("/staff/agencies/abc", headers: ["Cookie": cookie]).status == 404)
            // the reports page's league links to it
            let reports = try await api.get("/staff/reports?period=\(period)", headers: ["Cookie": cookie]).text
            #expect(reports.contains(#"href="/staff/agencies/\#(f.bank.id)?period=\#(period)""#))
        }
    }
}
