import Foundation
import PersianKit
import Storage
import Testing
import TestSupport

/// Ready answers as a province uses them: a supervisor writes them on /staff/templates (or through
/// the API), the case page offers the case's category first and starts the answer with the one
/// chosen, for screening and for the agency; another province neither sees nor changes them.
@Suite(.timeLimit(.minutes(5))) struct ReplyTemplatePageTests {
    @Test(arguments: TestDatabase.all)
    func aSupervisorsReadyAnswersStartTheAnswersOfTheirProvince(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let supervisor = try await PageTests.signIn(api, "supervisor")
            let form = ["Cookie": supervisor, "Content-Type": "application/x-www-form-urlencoded"]
            let page = try await api.get("/staff/templates", headers: ["Cookie": supervisor])
            #expect(page.status == 200 && page.text.contains("هنوز متن آماده‌ای نوشته نشده است"))
            let csrf = PageTests.csrf(in: page.text)

            // act: a blank title is refused and nothing is saved; then one for loans and one for any matter
            let blank = try await api.send(
                .post, "/staff/templates", raw: PageTests.form(["_csrf": csrf, "title": " ", "body": "متن"]), headers: form)
            #expect(blank.status == 400 && blank.text.contains("عنوان متن آماده را وارد کنید"))
            let loan = "با سلام، درخواست وام شما به بانک عامل فرستاده شد و نتیجه پیامک می‌شود."
            for (title, category, body) in [("وام: فرستاده به بانک", "interestFreeLoan", loan), ("عمومی: در دست بررسی", "", "درخواست شما در دست بررسی است.")] {
                let saved = try await api.send(
                    .post, "/staff/templates",
                    raw: PageTests.form(["_csrf": csrf, "title": title, "category": category, "body": body, "province": f.otherProvince]),
                    headers: form)
                #expect(saved.status == 303 && saved.headers[.location] == "/staff/templates?done=saved")
            }
            // and one through the API, by the other province's supervisor
            let elsewhere = try await api.post(
                "/api/v1/reply-templates", token: f.token("supervisorOther"), json: ["title": "استان دیگر", "body": "متن دیگر"])
            #expect(elsewhere.status == 201 && elsewhere.string("province") == f.otherProvince)
            // an empty province is bad input, not "every province"
            let empty = try await api.post(
                "/api/v1/reply-templates", token: f.token("admin"), json: ["title": "x", "body": "y", "province": ""])
            #expect(empty.status == 400 && empty.errorCode == "invalid_province")
            let listed = try await api.get("/api/v1/reply-templates", token: f.token("liaison"))
            let mine = listed.array.compactMap { $0["title"] as? String }
            #expect(Set(mine) == ["وام: فرستاده به بانک", "عمومی: در دست بررسی"], "a provincial account's are its province's, whatever it asked")
            let loanID = try #require(listed.array.first { $0["title"] as? String == "وام: فرستاده به بانک" }?["id"] as? Int)

            // check: a loan letter's page offers the loan answer first and starts the answer with it
            let code = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let casePage = try await api.get("/staff/cases/\(code)", headers: ["Cookie": supervisor]).text
            let first = try #require(casePage.range(of: #"<select id="template-direct" name="template"><option value="[0-9]+">[^<]+"#, options: .regularExpression))
            #expect(casePage[first].hasSuffix("وام: فرستاده به بانک"))
            #expect(!casePage.contains("استان دیگر"))
            let started = try await api.get("/staff/cases/\(code)?template=\(loanID)", headers: ["Cookie": supervisor]).text
            #expect(started.contains(#"name="answer" rows="4" required>\#(loan)</textarea>"#))
            // the agency's liaison gets them on its referral too
            _ = try await api.post("/api/v1/cases/\(code)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]])
            let liaison = try await PageTests.signIn(api, "liaison")
            let liaisonPage = try await api.get("/staff/cases/\(code)?template=\(loanID)", headers: ["Cookie": liaison]).text
            #expect(liaisonPage.contains("آغاز با متن آماده") && liaisonPage.contains("required>\(loan)</textarea>"))

            // another province's supervisor cannot change it; retired, it is no longer offered
            let otherID = try #require(elsewhere.int("id"))
            let foreign = try await api.send(
                .post, "/staff/templates/\(otherID)", raw: PageTests.form(["_csrf": csrf, "title": "x", "body": "y", "active": "1"]), headers: form)
            #expect(foreign.status == 404)
            let apiForeign = try await api.send(
                .put, "/api/v1/reply-templates/\(loanID)", token: f.token("supervisorOther"), json: ["title": "x", "body": "y"])
            #expect(apiForeign.status == 404 && apiForeign.errorCode == "reply_template_not_found")
            let retired = try await api.send(
                .post, "/staff/templates/\(loanID)", raw: PageTests.form(["_csrf": csrf, "title": "وام: فرستاده به بانک", "body": loan]),
                headers: form)
            #expect(retired.status == 303)
            let after = try await api.get("/staff/cases/\(code)", headers: ["Cookie": liaison]).text
            #expect(!after.contains("وام: فرستاده به بانک") && after.contains("عمومی: در دست بررسی"))
            let templatesPage = try await api.get("/staff/templates", headers: ["Cookie": supervisor]).text
            #expect(templatesPage.contains("وام: فرستاده به بانک"), "the retired one stays on the list, unticked")
            // each save is in the audit log, with who made it
            let saves = try await app.store.auditLog(limit: 100).filter { $0.action == .replyTemplateSaved }
            #expect(saves.count == 4)
            #expect(saves.contains { $0.actor.name.lowercased() == "supervisorother" } && saves.contains { $0.actor.name == "supervisor" })
            // operators keep none
            let operatorCookie = try await PageTests.signIn(api, "operator")
            #expect(try await api.get("/staff/templates", headers: ["Cookie": operatorCookie]).status == 403)
        }
    }
}
