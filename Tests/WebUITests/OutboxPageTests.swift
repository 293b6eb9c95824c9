import Domain
import Foundation
import PersianKit
import Storage
import Testing
import TestSupport

/// The outbox page: an admin sees how many SMS wait, how old the oldest is, and the messages of their
/// province that gave up, and sends one again with its button.
@Suite(.timeLimit(.minutes(10))) struct OutboxPageTests {
    @Test(arguments: TestDatabase.all)
    func anAdminSeesTheirProvincesFailedSMSAndRetriesOne(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine, configure: { $0.withUnreachableSMSGateway() }) { app, api in
            // setup: a letter in the admin's province and one outside it, whose SMS 1 gave up; a newer one waits
            let f = app.fixtures
            let home = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let away = try #require(
                try await api.post("/api/v1/cases", token: f.token("operatorOther"), json: f.caseBody(nationalID: "0084575948", mobile: "09351112233", province: f.otherProvince))
                    .string("trackingCode"))
            try await app.dispatchThroughEveryBackoff()
            #expect(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: nil, mobile: "09131234567")).status == 201)
            app.clock.advance(by: 2 * 3600 + 5 * 60)
            let cookie = try await PageTests.signIn(api, "adminProvince")

            // act
            let page = try await api.get("/staff/admin/sms", headers: ["Cookie": cookie])

            // check: the province's backlog and its failed message, masked; nothing of the other province
            #expect(page.status == 200)
            #expect(page.text.contains(#"<dd id="sms-waiting">۱</dd>"#))
            #expect(page.text.contains("۲ ساعت و ۵ دقیقه پیش"))
            #expect(page.text.contains(#"<dd id="sms-failed">۱</dd>"#))
            #expect(page.text.contains(PersianDigits.toPersian(home)))
            #expect(page.text.contains("۰۹۱۲***۴۵۶۷") && !page.text.contains("۰۹۱۲۱۲۳۴۵۶۷"))
            #expect(!page.text.contains(PersianDigits.toPersian(away)) && !page.text.contains("۰۹۳۵***۲۲۳۳"))
            #expect(page.text.contains("ثبت نامه"))
            PageSnapshot.check(page.text, named: "sms")

            // act: the retry button, as the page sends it
            let homeID = try #require(try await app.store.failedNotifications(province: f.province, limit: 10).first?.id)
            let awayID = try #require(try await app.store.failedNotifications(province: f.otherProvince, limit: 10).first?.id)
            let csrf = PageTests.csrf(in: page.text)
            let retried = try await AdminPageTests.post(api, "/staff/admin/sms/\(homeID)/retry", ["_csrf": csrf], cookie: cookie)
            let outside = try await AdminPageTests.post(api, "/staff/admin/sms/\(awayID)/retry", ["_csrf": csrf], cookie: cookie)
            let forged = try await AdminPageTests.post(api, "/staff/admin/sms/\(homeID)/retry", [:], cookie: cookie)

            // check: back in the outbox; the other province's message is out of reach; no CSRF, no retry
            #expect(retried.status == 303 && retried.headers[.location] == "/staff/admin/sms?done=retry")
            #expect(outside.status == 404)
            #expect(forged.status == 403)
            #expect(try await app.store.notification(id: homeID)?.status == .pending)
            #expect(try await app.store.notification(id: awayID)?.status == .failed)
            let after = try await api.get("/staff/admin/sms?done=retry", headers: ["Cookie": cookie])
            #expect(after.text.contains("دوباره در صف فرستادن"))
            #expect(after.text.contains(#"<dd id="sms-waiting">۲</dd>"#) && after.text.contains(#"<dd id="sms-failed">۰</dd>"#))
            let twice = try await AdminPageTests.post(api, "/staff/admin/sms/\(homeID)/retry", ["_csrf": csrf], cookie: cookie)
            #expect(twice.status == 409 && twice.text.contains("ناموفق نمانده"))
            // A national admin sees both provinces' failed messages.
            let national = try await api.get("/staff/admin/sms", headers: ["Cookie": try await PageTests.signIn(api, "admin")])
            #expect(national.text.contains(PersianDigits.toPersian(away)))
        }
    }
}
