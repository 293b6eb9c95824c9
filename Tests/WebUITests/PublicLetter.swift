import Foundation
import Testing
import TestSupport

/// Writes a letter on the public form as a visitor who is not signed in, as a browser does: asks for
/// a code for the mobile, reads it from the SMS, sends the letter with it.
enum PublicLetter {
    static func fields(mobile: String, province: String) -> [String: String] {
        [
            "kind": "request", "category": "interestFreeLoan", "subject": "درخواست وام", "body": "متن نامه", "firstName": "زهرا",
            "lastName": "کریمی", "mobile": mobile, "province": province,
        ]
    }

    /// The letter form after the code went to `mobile`.
    static func askForCode(_ api: APIClient, mobile: String) async throws -> APIResponse {
        try await AdminPageTests.post(api, "/letter/code", ["mobile": mobile])
    }

    /// Sends `fields` (which name the mobile) with the code and form key of a fresh code step.
    static func write(_ app: TestApp, _ api: APIClient, _ fields: [String: String]) async throws -> APIResponse {
        let mobile = try #require(fields["mobile"])
        let step = try await askForCode(api, mobile: mobile)
        #expect(step.status == 200, "code for \(mobile) → \(step.status)")
        let code = try #require(try await app.lastSignInCode(to: mobile))
        var all = fields
        all["_form"] = all["_form"] ?? PageTests.formKey(in: step.text)
        all["code"] = code
        return try await AdminPageTests.post(api, "/letter", all)
    }
}
