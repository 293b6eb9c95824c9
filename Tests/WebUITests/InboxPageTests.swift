import Foundation
import PersianKit
import Testing
import TestSupport

/// The agency inbox as a bank's liaison works it: counts of what is open, new, late and due soon,
/// filters by status, due and category, paging that says where you are, the business days left or
/// late as a figure, and a batch accept that takes only what the liaison may accept.
@Suite(.timeLimit(.minutes(5))) struct InboxPageTests {
    @Test(arguments: TestDatabase.all)
    func theInboxCountsFiltersPagesAndAcceptsInABatch(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: 3 referrals to the bank that will be late, then 50 more (2 about housing loans),
            // 2 of them accepted; one referral to the relief committee
            let f = app.fixtures
            var mobile = 0
            func referred(to agency: Int, category: String = "interestFreeLoan") async throws -> (code: String, referral: Int) {
                mobile += 1
                let body = f.caseBody(mobile: "0912\(String(format: "%07d", 2_000_000 + mobile))", category: category)
                let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: body).string("trackingCode"))
                let id = try #require(
                    try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [agency]])
                        .list("referrals").first { $0["agencyId"] as? Int == agency }?["id"] as? Int)
                return (code, id)
            }
            var late: [(code: String, referral: Int)] = []
            for _ in 0..<3 { late.append(try await referred(to: f.bank.id)) }
            app.clock.advance(by: 20 * 86_400)
            var rest: [(code: String, referral: Int)] = []
            for n in 0..<50 { rest.append(try await referred(to: f.bank.id, category: n < 2 ? "housingLoan" : "interestFreeLoan")) }
            for item in rest.suffix(2) {
                #expect(try await api.post("/api/v1/referrals/\(item.referral)/accept", token: f.token("liaisonBank")).status == 200)
            }
            let relief = try await referred(to: f.relief.id)
            let cookie = try await PageTests.signIn(api, "liaisonBank")
            func page(_ path: String) async throws -> String {
                let response = try await api.get(path, headers: ["Cookie": cookie])
                #expect(response.status == 200, "\(path)")
                return response.text
            }

            // the whole inbox: its counts, the late ones first with their days late as a figure, 1 to 50 of 53
            let first = try await page("/staff/inbox")
            #expect(first.contains("<strong>۵۳</strong> همه ارجاع‌های باز"))
            #expect(first.contains("<strong>۵۱</strong> تازه (پذیرفته‌نشده)"))
            #expect(first.contains("<strong>۳</strong> مهلت گذشته"))
            #expect(first.contains("<strong>۵۳</strong> ارجاع، زودترین مهلت اول؛ این صفحه: ۱ تا ۵۰"))
            let firstCode = try #require(first.range(of: #"/staff/cases/[0-9]+"#, options: .regularExpression).map { String(first[$0].dropFirst(13)) })
            #expect(late.map(\.code).contains(firstCode))
            #expect(first.range(of: #"<strong>[۰-۹]+</strong> روز کاری تأخیر"#, options: .regularExpression) != nil)
            #expect(first.contains("<strong>") && first.contains("روز کاری مانده"))
            #expect(!first.contains(relief.code))
            let next = try #require(
                first.range(of: #"/staff/inbox\?cursor=[^"]+"#, options: .regularExpression).map { String(first[$0]) })
            let second = try await page(next.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.contains("این صفحه: ۵۱ تا ۵۳"))

            // filters: late only, accepted only, one category
            let overdue = try await page("/staff/inbox?due=overdue")
            #expect(overdue.contains("<strong>۳</strong> ارجاع با این فیلترها"))
            for item in late { #expect(overdue.contains(item.code)) }
            #expect(!overdue.contains(rest[10].code))
            let accepted = try await page("/staff/inbox?status=accepted")
            #expect(accepted.contains("<strong>۲</strong> ارجاع با این فیلترها"))
            #expect(accepted.contains(rest[49].code) && !accepted.contains(rest[0].code))
            #expect(!accepted.contains(#"name="referral[]""#), "accepted referrals cannot be ticked again")
            let housing = try await page("/staff/inbox?category=housingLoan&due=later")
            #expect(housing.contains("<strong>۲</strong> ارجاع با این فیلترها"))
            #expect(housing.contains(rest[0].code) && housing.contains(rest[1].code) && !housing.contains(rest[2].code))

            // batch accept: three pending, one already accepted, one of another agency
            let picked = [late[0].referral, late[1].referral, rest[5].referral, rest[49].referral, relief.referral]
            let fields = picked.map { "referral%5B%5D=\($0)" }.joined(separator: "&")
            let headers = ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"]
            let forged = try await api.send(.post, "/staff/inbox/accept", raw: fields + "&_csrf=nope", headers: headers)
            #expect(forged.status == 403)
            let csrf = PageTests.csrf(in: first)
            let done = try await api.send(
                .post, "/staff/inbox/accept", raw: fields + "&_csrf=\(csrf)&back=%2Fstaff%2Finbox%3Fdue%3Doverdue", headers: headers)
            #expect(done.status == 303)
            let location = try #require(done.headers[.location])
            #expect(location == "/staff/inbox?due=overdue&accepted=3&refused=2")
            let after = try await page(location)
            #expect(after.contains("۳ ارجاع پذیرفته شد؛ ۲ ارجاع پذیرفته نشد"))
            #expect(after.contains("<strong>۴۸</strong> تازه (پذیرفته‌نشده)"))
            func status(_ id: Int, as liaison: String) async throws -> String? {
                let listed = try await api.get("/api/v1/referrals?limit=100", token: f.token(liaison))
                let referrals = listed.list("items").compactMap { $0["referral"] as? [String: Any] }
                return referrals.first { $0["id"] as? Int == id }?["status"] as? String
            }
            for id in [late[0].referral, late[1].referral, rest[5].referral] { #expect(try await status(id, as: "liaisonBank") == "accepted") }
            #expect(try await status(relief.referral, as: "liaison") == "pending")
            // an address outside the inbox is not followed back
            let away = try await api.send(
                .post, "/staff/inbox/accept", raw: "referral%5B%5D=\(rest[6].referral)&_csrf=\(csrf)&back=https%3A%2F%2Fevil.example", headers: headers)
            #expect(away.headers[.location] == "/staff/inbox?accepted=1&refused=0")
        }
    }
}
