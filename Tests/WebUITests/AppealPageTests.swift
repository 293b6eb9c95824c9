import Foundation
import PersianKit
import Testing
import TestSupport

/// The objection and the decision as people make them: the citizen objects on the tracking page, the
/// inspector decides on the case page, and the citizen reads the decision on the tracking page.
@Suite(.timeLimit(.minutes(10))) struct AppealPageTests {
    @Test(arguments: TestDatabase.all)
    func theCitizenObjectsAndTheInspectorDecidesOnThePages(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: an answered letter
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "درخواست شما ثبت شد."])
            let tracking = try await PageTests.track(api, code).text
            #expect(tracking.contains(#"action="/track/object""#) && tracking.contains("اعتراض به پاسخ"))

            // act: an empty objection, then a real one
            let empty = try await AdminPageTests.post(api, "/track/object", ["code": code, "mobile": "09121234567", "text": ""], cookie: nil)
            let objected = try await AdminPageTests.post(
                api, "/track/object", ["code": code, "mobile": "09121234567", "text": "درخواست من ثبت نشده است."], cookie: nil)

            // check
            #expect(empty.status == 400 && empty.text.contains("متن اعتراض را وارد کنید"))
            #expect(objected.status == 200 && objected.text.contains("اعتراض شما ثبت شد"))
            #expect(!objected.text.contains(#"action="/track/object""#), "one objection per answer")
            // the appeals view and the decision form, for the inspector only
            let inspector = try await PageTests.signIn(api, "inspector")
            let queue = try await api.get("/staff/queue?status=reopened", headers: ["Cookie": inspector]).text
            #expect(queue.contains(PersianDigits.toPersian(code)))
            let page = try await api.get("/staff/cases/\(code)", headers: ["Cookie": inspector]).text
            #expect(page.contains(#"action="/staff/cases/\#(code)/appeal""#))
            #expect(page.contains("سخن شهروند: درخواست من ثبت نشده است."))
            let supervisor = try await PageTests.signIn(api, "supervisor")
            #expect(!(try await api.get("/staff/cases/\(code)", headers: ["Cookie": supervisor]).text.contains("/appeal\"")))
            let csrf = PageTests.csrf(in: page)
            let noOutcome = try await AdminPageTests.post(api, "/staff/cases/\(code)/appeal", ["_csrf": csrf, "reasons": "x"], cookie: inspector)
            #expect(noOutcome.status == 400)
            let decided = try await AdminPageTests.post(
                api, "/staff/cases/\(code)/appeal", ["_csrf": csrf, "outcome": "answerStands", "reasons": "ثبت درخواست در سامانه دیده شد."],
                cookie: inspector)
            #expect(decided.status == 303)
            let after = try await PageTests.track(api, code).text
            #expect(after.contains("اداره بازرسی درباره اعتراض تصمیم گرفت."))
            #expect(after.contains("ثبت درخواست در سامانه دیده شد."))
            #expect(after.contains("مختومه"))
        }
    }
}
