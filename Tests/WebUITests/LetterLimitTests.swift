import Foundation
import Testing
import TestSupport

/// The public letter form cannot be turned into a machine that sends SMS to a stranger: letters
/// are limited per mobile and per address, and a refused one registers nothing and sends nothing.
@Suite(.timeLimit(.minutes(10))) struct LetterLimitTests {
    /// A visitor's letter, with the code sent to the mobile. The clock moves on first, so the code
    /// requests stay within their own limits (3 per mobile and 10 per address in 10 minutes).
    static func letter(_ app: TestApp, _ api: APIClient, mobile: String, province: String, wait: TimeInterval = 201) async throws -> APIResponse {
        app.clock.advance(by: wait)
        return try await PublicLetter.write(app, api, PublicLetter.fields(mobile: mobile, province: province))
    }

    /// The SMS sent about letters (sign-in codes left out).
    static func letterSMS(_ app: TestApp) async throws -> Int {
        try await app.deliverSMS().filter { $0.kind != "signInCode" }.count
    }

    @Test func lettersToOneMobileAreLimitedADay() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            // setup: five letters of one mobile are accepted
            let f = app.fixtures
            for n in 1...5 {
                #expect(try await Self.letter(app, api, mobile: "09121234567", province: f.province).status == 201, "letter \(n)")
            }
            let before = try await FormFuzzTests.caseCount(api, token: f.token("admin"))
            let smsBefore = try await Self.letterSMS(app)

            // act: the sixth, with its proof
            let sixth = try await Self.letter(app, api, mobile: "09121234567", province: f.province)

            // check: refused with a Persian page and Retry-After; no case, no SMS
            #expect(sixth.status == 429)
            #expect(sixth.headers[.retryAfter] != nil)
            #expect(sixth.text.contains("بیش از حد مجاز"))
            #expect(try await FormFuzzTests.caseCount(api, token: f.token("admin")) == before)
            #expect(try await Self.letterSMS(app) == smsBefore)
            // Another mobile from the same address is still served.
            #expect(try await Self.letter(app, api, mobile: "09351112233", province: f.province).status == 201)
        }
    }

    @Test func lettersFromOneAddressAreLimitedAnHour() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            var statuses: [Int] = []
            for n in 0..<21 {
                statuses.append(try await Self.letter(app, api, mobile: String(format: "0912%07d", 1_000_000 + n), province: f.province, wait: 61).status)
            }
            #expect(statuses.prefix(20).allSatisfy { $0 == 201 }, "\(statuses)")
            #expect(statuses.last == 429)
            // An hour later the address may write again.
            app.clock.advance(by: 3601)
            #expect(try await Self.letter(app, api, mobile: "09129999999", province: f.province).status == 201)
        }
    }

    @Test func theSameFormSentTwiceIsOneLetterAndCountsOnce() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let step = try await PublicLetter.askForCode(api, mobile: "09121234567")
            var fields = PublicLetter.fields(mobile: "09121234567", province: f.province)
            fields["_form"] = PageTests.formKey(in: step.text)
            fields["code"] = try #require(try await app.lastSignInCode(to: "09121234567"))
            for _ in 0..<8 { #expect(try await AdminPageTests.post(api, "/letter", fields).status == 201) }
            #expect(try await FormFuzzTests.caseCount(api, token: f.token("admin")) == 1)
            for n in 1...4 { #expect(try await Self.letter(app, api, mobile: "09121234567", province: f.province).status == 201, "letter \(n)") }
        }
    }
}
