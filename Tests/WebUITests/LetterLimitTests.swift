import Foundation
import Testing
import TestSupport

/// The public letter form cannot be turned into a machine that sends SMS to a stranger: letters
/// are limited per mobile and per address, and a refused one registers nothing and sends nothing.
@Suite(.timeLimit(.minutes(10))) struct LetterLimitTests {
    static func letter(_ api: APIClient, mobile: String, province: String) async throws -> APIResponse {
        let form = try await api.get("/letter")
        return try await AdminPageTests.post(api, "/letter", [
            "_form": PageTests.formKey(in: form.text), "kind": "request", "category": "interestFreeLoan", "subject": "درخواست وام",
            "body": "متن نامه", "firstName": "زهرا", "lastName": "کریمی", "mobile": mobile, "province": province,
        ])
    }

    @Test func lettersToOneMobileAreLimitedADay() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            // setup: five letters of one mobile are accepted
            let f = app.fixtures
            for n in 1...5 {
                #expect(try await Self.letter(api, mobile: "09121234567", province: f.province).status == 201, "letter \(n)")
            }
            let before = try await FormFuzzTests.caseCount(api, token: f.token("admin"))
            let smsBefore = try await app.deliverSMS().count

            // act: the sixth, and a retry of it
            let sixth = try await Self.letter(api, mobile: "09121234567", province: f.province)

            // check: refused with a Persian page and Retry-After; no case, no SMS
            #expect(sixth.status == 429)
            #expect(sixth.headers[.retryAfter] != nil)
            #expect(sixth.text.contains("بیش از حد مجاز"))
            #expect(try await FormFuzzTests.caseCount(api, token: f.token("admin")) == before)
            #expect(try await app.deliverSMS().count == smsBefore)
            // Another mobile from the same address is still served.
            #expect(try await Self.letter(api, mobile: "09351112233", province: f.province).status == 201)
        }
    }

    @Test func lettersFromOneAddressAreLimitedAnHour() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            var statuses: [Int] = []
            for n in 0..<21 {
                statuses.append(try await Self.letter(api, mobile: String(format: "0912%07d", 1_000_000 + n), province: f.province).status)
            }
            #expect(statuses.prefix(20).allSatisfy { $0 == 201 }, "\(statuses)")
            #expect(statuses.last == 429)
            // An hour later the address may write again.
            app.clock.advance(by: 3601)
            #expect(try await Self.letter(api, mobile: "09129999999", province: f.province).status == 201)
        }
    }

    @Test func theSameFormSentTwiceIsOneLetterAndCountsOnce() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let form = try await api.get("/letter")
            let fields = [
                "_form": PageTests.formKey(in: form.text), "kind": "request", "category": "interestFreeLoan", "subject": "درخواست وام",
                "body": "متن نامه", "firstName": "زهرا", "lastName": "کریمی", "mobile": "09121234567", "province": f.province,
            ]
            for _ in 0..<8 { #expect(try await AdminPageTests.post(api, "/letter", fields).status == 201) }
            #expect(try await FormFuzzTests.caseCount(api, token: f.token("admin")) == 1)
            for n in 1...4 { #expect(try await Self.letter(api, mobile: "09121234567", province: f.province).status == 201, "letter \(n)") }
        }
    }
}
