import Foundation
import PersianKit
import Testing
import TestSupport

/// The case page as screening uses it: the agencies to refer to grouped by kind with the kind the
/// category suggests first, and a merge that picks from the citizen's other open letters.
@Suite(.timeLimit(.minutes(5))) struct CaseScreeningPageTests {
    @Test(arguments: TestDatabase.all)
    func agenciesAreGroupedAndAMergePicksTheCitizensOtherLetter(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a citizen's earlier letter (answered, so closed to merging), an earlier open one, and today's
            let f = app.fixtures
            func register(_ subject: String, _ category: String) async throws -> String {
                let code = try #require(
                    try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: subject, category: category))
                        .string("trackingCode"))
                app.clock.advance(by: 3600)
                return code
            }
            let answered = try await register("درخواست کمک معیشتی", "livingAssistance")
            #expect(try await api.post("/api/v1/cases/\(answered)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"]).status == 200)
            let earlier = try await register("درخواست اشتغال", "employment")
            let today = try await register("درخواست وام قرض‌الحسنه", "interestFreeLoan")
            let other = try #require(
                try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "0084575948", mobile: "09127654321"))
                    .string("trackingCode"))
            let cookie = try await PageTests.signIn(api, "supervisor")

            // act
            let page = try await api.get("/staff/cases/\(today)", headers: ["Cookie": cookie]).text

            // check: the banks first (what a loan letter goes to), the suggested one ticked, each kind a labelled group
            let groups = page.components(separatedBy: #"<fieldset class="agency-group"><legend>"#).dropFirst().map { String($0.prefix { $0 != "<" }) }
            #expect(groups.first == "بانک عامل ")
            #expect(groups.contains("نهاد حمایتی") && groups.contains("استانداری") && groups.contains("فرمانداری"))
            #expect(page.contains(#"value="\#(f.bank.id)" checked"#))
            #expect(page.contains("پیشنهاد برای موضوع این نامه"))
            // the merge offers the earlier open letter only: not the answered one, not itself, not another citizen's
            #expect(page.contains(#"name="target" value="\#(earlier)""#))
            #expect(!page.contains(#"name="target" value="\#(answered)""#))
            #expect(!page.contains(#"name="target" value="\#(today)""#) && !page.contains(#"name="target" value="\#(other)""#))
            let earlierPage = try await api.get("/staff/cases/\(earlier)", headers: ["Cookie": cookie]).text
            #expect(earlierPage.contains("این شهروند نامهٔ باز پیشین دیگری ندارد"))

            // the picked letter is merged into
            let csrf = PageTests.csrf(in: page)
            let merged = try await api.send(
                .post, "/staff/cases/\(today)/merge", raw: "_csrf=\(csrf)&target=\(earlier)&typedTarget=",
                headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"])
            #expect(merged.status == 303)
            let after = try await api.get("/api/v1/cases/\(today)", token: f.token("supervisor"))
            #expect(after.string("status") == "merged")
        }
    }
}
