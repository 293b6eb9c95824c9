import Foundation
import PersianKit
import Testing
import TestSupport

/// A governor directs an agency from the case page as a person would: the form, the agency's inbox,
/// the list per official and the citizen's tracking page all show the directive.
@Suite(.timeLimit(.minutes(10))) struct DirectivePageTests {
    @Test(arguments: TestDatabase.all)
    func aGovernorDirectsTheAgencyFromTheCasePage(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup
            let f = app.fixtures
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let governor = try await PageTests.signIn(api, "official")
            let page = try await api.get("/staff/cases/\(code)", headers: ["Cookie": governor]).text
            #expect(page.contains(#"action="/staff/cases/\#(code)/direct""#))
            #expect(page.contains("صدور دستور"))
            // a supervisor screens but does not direct
            let supervisor = try await PageTests.signIn(api, "supervisor")
            #expect(!(try await api.get("/staff/cases/\(code)", headers: ["Cookie": supervisor]).text.contains("/direct\"")))
            let csrf = PageTests.csrf(in: page)

            // act: a past date first, then five business days written in Persian digits
            let past = try await AdminPageTests.post(
                api, "/staff/cases/\(code)/direct",
                ["_csrf": csrf, "directiveAgency": String(f.relief.id), "text": "بررسی شود", "days": "", "dueDate": "۱۴۰۰/۰۱/۱۵"],
                cookie: governor)
            let done = try await AdminPageTests.post(
                api, "/staff/cases/\(code)/direct",
                ["_csrf": csrf, "directiveAgency": String(f.relief.id), "text": "وضعیت معیشتی خانواده بررسی شود.", "days": "۵", "dueDate": ""],
                cookie: governor)

            // check
            #expect(past.status == 400 && past.text.contains("مهلت دستور نمی‌تواند روزی گذشته باشد"))
            #expect(done.status == 303 && done.headers[.location] == "/staff/cases/\(code)?done=direct")
            let after = try await api.get("/staff/cases/\(code)?done=direct", headers: ["Cookie": governor]).text
            #expect(after.contains("دستور صادر شد"))
            #expect(after.contains("دستور \(f.staff["official"]!.displayName) (مسئول پاسخگو)"))
            #expect(after.contains("متن دستور: وضعیت معیشتی خانواده بررسی شود."))
            let liaison = try await PageTests.signIn(api, "liaison")
            let inbox = try await api.get("/staff/inbox", headers: ["Cookie": liaison]).text
            #expect(inbox.contains(#"class="directive""#) && inbox.contains(PersianDigits.toPersian(code)))
            // the liaison records a call to the citizen from the case page
            let casePage = try await api.get("/staff/cases/\(code)", headers: ["Cookie": liaison]).text
            let directiveID = try #require(try await api.get("/api/v1/cases/\(code)", token: f.token("liaison")).list("referrals").first?["id"] as? Int)
            #expect(casePage.contains(#"action="/staff/referrals/\#(directiveID)/callback""#))
            let call = try await AdminPageTests.post(
                api, "/staff/referrals/\(directiveID)/callback", ["_csrf": PageTests.csrf(in: casePage), "outcome": "reached", "note": "نشانی پرسیده شد"],
                cookie: liaison)
            #expect(call.status == 303)
            #expect(try await api.get("/staff/cases/\(code)?done=callback", headers: ["Cookie": liaison]).text.contains("تماس با شهروند در سابقه نامه ثبت شد"))
            let list = try await api.get("/staff/directives", headers: ["Cookie": governor]).text
            #expect(list.contains("دستورهای \(f.staff["official"]!.displayName)"))
            #expect(list.contains("وضعیت معیشتی خانواده بررسی شود."))
            let all = try await api.get("/staff/directives?issuer=all", headers: ["Cookie": supervisor]).text
            #expect(all.contains("همه دستورها") && all.contains(f.staff["official"]!.displayName))
            // the citizen sees the hop marked as a directive, with its clock, and not the directive's text
            let tracking = try await PageTests.track(api, code).text
            #expect(tracking.contains(#"<span class="directive">دستور پیگیری</span> <strong>\#(f.relief.name)</strong>"#))
            #expect(tracking.contains("۵ روز کاری مانده"))
            #expect(!tracking.contains("وضعیت معیشتی"))
        }
    }
}
