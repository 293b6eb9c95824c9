import Domain
import Foundation
import Storage
import Testing
import TestSupport

/// Every staff page and page action × every role × in-scope and out-of-scope cases, signed in
/// through the sign-in form like a person.
@Suite(.timeLimit(.minutes(10))) struct PageAccessTests {
    static let roles = [
        "operator", "supervisor", "liaison", "liaisonBank", "liaisonOther", "inspector", "admin", "adminProvince",
        "official", "operatorOther", "supervisorOther",
    ]

    /// Every page route the router serves, each with the rule the matrix below checks it against.
    /// A new page route missing here fails `everyPageRouteHasARule`.
    static let rules: [String: String] = [
        "GET /": "anyone", "GET /open-data": "anyone", "GET /track": "anyone", "POST /track": "anyone (rate-limited)", "GET /track/{code}": "anyone", "POST /track/rate": "anyone with code and mobile", "POST /track/object": "anyone with code and mobile",
        "GET /letter": "anyone", "POST /letter": "anyone with the code sent to the mobile, or a citizen session", "POST /letter/code": "anyone (rate-limited)", "GET /login": "anyone", "POST /login": "anyone (rate-limited)",
        "POST /logout": "session with CSRF", "GET /my": "citizen session", "GET /my/sign-in": "anyone",
        "POST /my/sign-in": "anyone (rate-limited)", "POST /my/code": "anyone (rate-limited)",
        "GET /staff": "staff", "GET /staff/intake": "registerCase", "POST /staff/intake": "registerCase",
        "GET /staff/queue": "screenCase", "GET /staff/inbox": "handleReferral", "POST /staff/inbox/accept": "handleReferral, own agency, with CSRF", "GET /staff/overdue": "followDeadlines, referrals of their province", "GET /staff/directives": "followDeadlines, directives of their province", "GET /staff/breaches": "followDeadlines, breaches of their province", "GET /staff/oversight": "followDeadlines, province in scope", "GET /staff/agencies/{id}": "followDeadlines, agency of their province or national", "GET /staff/reports": "readReports, province in scope",
        "GET /staff/cases/{code}": "readCases, in scope",
        "POST /staff/cases/{code}/{action}": "screenCase, in scope (direct: issueDirective; appeal: decideAppeal; in scope)", "POST /staff/referrals/{id}/{action}": "handleReferral, own agency (withdraw: screenCase, in scope; inspection: recordInspection, in scope)",
        "GET /staff/templates": "manageReplyTemplates", "GET /staff/reports/export.csv": "readReports, province in scope", "POST /staff/templates": "manageReplyTemplates, with CSRF", "POST /staff/templates/{id}": "manageReplyTemplates, template of their province or national staff", "GET /staff/account": "staff", "POST /staff/account": "staff with CSRF", "GET /staff/admin": "manageStaff",
        "POST /staff/admin/staff": "manageStaff", "POST /staff/admin/staff/{id}/{action}": "manageStaff, account in scope",
        "POST /staff/admin/tokens": "manageTokens, account in scope", "POST /staff/admin/tokens/{id}/revoke": "manageTokens, in scope",
        "GET /staff/admin/sms": "manageOutbox, messages of their province", "POST /staff/admin/sms/{id}/retry": "manageOutbox, message in scope",
        "GET /static/{file}": "anyone", "GET /openapi.yaml": "anyone", "GET /metrics": "metrics token, or this machine", "GET /health": "anyone", "GET /**": "anyone (404 page)",
    ]

    @Test func everyPageRouteHasARule() async throws {
        try await withTestApp(database: .sqlite) { app in
            let pageRoutes = Set(app.samad.routes.filter { !$0.contains(" /api/") })
            #expect(pageRoutes.subtracting(Self.rules.keys).isEmpty, "routes without a rule: \(pageRoutes.subtracting(Self.rules.keys).sorted())")
            #expect(Set(Self.rules.keys).subtracting(pageRoutes).isEmpty, "rules for no route: \(Set(Self.rules.keys).subtracting(pageRoutes).sorted())")
        }
    }

    @Test func everyPageEveryRoleEveryScope() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            let f = app.fixtures
            let inCode = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let outCode = try #require(try await api.post("/api/v1/cases", token: f.token("operatorOther"), json: f.caseBody(nationalID: "0084575948", province: f.otherProvince)).string("trackingCode"))
            let inReferral = try #require(try await api.post("/api/v1/cases/\(inCode)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]]).list("referrals").first?["id"] as? Int)
            let outReferral = try #require(try await api.post("/api/v1/cases/\(outCode)/referrals", token: f.token("supervisorOther"), json: ["agencyIds": [f.otherProvinceAgency.id]]).list("referrals").first?["id"] as? Int)
            // The SMS 1 of each case, in and out of the fixtures' province.
            let inSMS = try #require(try await app.notifications(ofCase: inCode).first?.id)
            let outSMS = try #require(try await app.notifications(ofCase: outCode).first?.id)
            // Accounts the admin actions are tried on, one in the fixtures' province and one outside it.
            var targets: [(Staff, Int)] = []
            for (name, province) in [("target", f.province), ("targetOther", f.otherProvince)] {
                let account = try await app.store.createStaff(StaffDraft(username: name, displayName: name, role: .operator, provinceCode: province, agencyID: nil), by: .system)
                _ = try await app.store.issueToken(staffID: account.id, label: nil, by: .system)
                targets.append((account, try #require(try await app.store.tokens(staffID: account.id).last?.id)))
            }

            // Anonymous visitors are sent to sign in.
            for path in ["/staff", "/staff/intake", "/staff/queue", "/staff/inbox", "/staff/cases/\(inCode)", "/staff/admin", "/staff/admin/sms", "/staff/account", "/staff/reports", "/my"] {
                let response = try await api.get(path)
                #expect(response.status == 303, "\(path)")
            }
            for path in ["/staff", "/staff/intake", "/staff/queue", "/staff/inbox", "/staff/cases/\(inCode)", "/staff/admin", "/staff/account", "/staff/reports"] {
                let response = try await api.get(path)
                #expect(response.status == 303 && response.headers[.location]?.hasPrefix("/login") == true, "\(path)")
            }
            for role in Self.roles {
                let staff = f.staff[role]!
                let cookie = try await PageTests.signIn(api, role)
                let csrf = try #require(try await api.get("/api/v1/session", headers: ["Cookie": cookie]).string("csrfToken"))
                func get(_ path: String) async throws -> Int { try await api.get(path, headers: ["Cookie": cookie]).status }
                func post(_ path: String, _ fields: [String: String]) async throws -> Int {
                    var form = fields
                    form["_csrf"] = csrf
                    return try await api.send(.post, path, raw: PageTests.form(form), headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"]).status
                }
                func allowed(_ action: StaffAction) -> Bool { AccessPolicy.roles(for: action).contains(staff.role) }
                #expect(try await get("/staff/intake") == (allowed(.registerCase) ? 200 : 403), "intake as \(role)")
                #expect(try await get("/staff/queue") == (allowed(.screenCase) ? 200 : 403), "queue as \(role)")
                #expect(try await get("/staff/inbox") == (allowed(.handleReferral) ? 200 : 403), "inbox as \(role)")
                // The batch accept: refused for other roles; for liaisons a referral not theirs is only counted as refused.
                let batch = try await post("/staff/inbox/accept", ["referral[]": String(outReferral)])
                #expect(batch == (allowed(.handleReferral) ? 303 : 403), "batch accept as \(role) → \(batch)")
                #expect(try await get("/staff/overdue") == (allowed(.followDeadlines) ? 200 : 403), "overdue as \(role)")
                #expect(try await get("/staff/directives") == (allowed(.followDeadlines) ? 200 : 403), "directives as \(role)")
                #expect(try await get("/staff/breaches") == (allowed(.followDeadlines) ? 200 : 403), "breaches as \(role)")
                #expect(try await get("/staff/oversight") == (allowed(.followDeadlines) ? 200 : 403), "oversight as \(role)")
                for agency in [f.bank, f.otherProvinceAgency] {
                    let expected = !allowed(.followDeadlines) ? 403 : AccessPolicy.covers(staff, province: agency.provinceCode) ? 200 : 404
                    #expect(try await get("/staff/agencies/\(agency.id)") == expected, "agency \(agency.id) page as \(role)")
                }
                #expect(try await get("/staff/admin") == (allowed(.manageStaff) ? 200 : 403), "admin as \(role)")
                #expect(try await get("/staff/admin/sms") == (allowed(.manageOutbox) ? 200 : 403), "outbox as \(role)")
                // The message is not failed: 409 where the role may retry it and it is in scope.
                for (id, province) in [(inSMS, f.province), (outSMS, f.otherProvince)] {
                    let retry = try await post("/staff/admin/sms/\(id)/retry", [:])
                    #expect(retry == (!allowed(.manageOutbox) ? 403 : AccessPolicy.covers(staff, province: province) ? 409 : 404), "retry \(id) as \(role) → \(retry)")
                }
                #expect(try await get("/staff/reports") == (allowed(.readReports) ? 200 : 403), "reports as \(role)")
                for province in [f.province, f.otherProvince] {
                    let report = try await get("/staff/reports?period=1402-03&province=\(province)")
                    let expected = !allowed(.readReports) ? 403 : AccessPolicy.covers(staff, province: province) ? 200 : 403
                    #expect(report == expected, "report of \(province) as \(role) → \(report)")
                }
                #expect(try await get("/staff/account") == 200, "account as \(role)")
                // A citizen's page is no staff page.
                #expect(try await get("/my") == 303, "my letters as \(role)")
                for (target, tokenID) in targets {
                    let reach = AccessPolicy.manages(staff, account: target)
                    let reset = try await post("/staff/admin/staff/\(target.id)/reset-password", [:])
                    #expect(reset == (!allowed(.manageStaff) ? 403 : reach ? 200 : 404), "reset \(target.username) as \(role) → \(reset)")
                    let enable = try await post("/staff/admin/staff/\(target.id)/enable", [:])
                    #expect(enable == (!allowed(.manageStaff) ? 403 : reach ? 303 : 404), "enable \(target.username) as \(role) → \(enable)")
                    let revoke = try await post("/staff/admin/tokens/\(tokenID)/revoke", [:])
                    #expect(revoke == (!allowed(.manageTokens) ? 403 : reach ? 303 : 404), "revoke token of \(target.username) as \(role) → \(revoke)")
                }
                let create = try await post("/staff/admin/staff", ["username": "new-\(role)", "role": "operator", "province": f.province])
                #expect(create == (allowed(.manageStaff) ? 201 : 403), "create staff as \(role) → \(create)")
                for (code, province, agency, referral) in [(inCode, f.province, f.relief.id, inReferral), (outCode, f.otherProvince, f.otherProvinceAgency.id, outReferral)] {
                    let sees = AccessPolicy.canSee(staff, caseProvince: province, referredAgencyIDs: [agency])
                    #expect(try await get("/staff/cases/\(code)") == (sees ? 200 : 404), "case \(code) as \(role)")
                    let identity = try await post("/staff/cases/\(code)/identity", [:])
                    #expect(identity == (sees ? 200 : 404), "identity of \(code) as \(role) → \(identity)")
                    let close = try await post("/staff/cases/\(code)/close", [:])
                    #expect(close == (!allowed(.screenCase) ? 403 : sees ? 400 : 404), "close \(code) as \(role) → \(close)")
                    // A directive without a text: refused by the rules once role and scope allow it.
                    let direct = try await post("/staff/cases/\(code)/direct", ["directiveAgency": String(agency), "days": "5"])
                    #expect(direct == (!allowed(.issueDirective) ? 403 : sees ? 400 : 404), "direct \(code) as \(role) → \(direct)")
                    // An appeal decision on a case that was never reopened: refused by the rules once role and scope allow it.
                    let appeal = try await post("/staff/cases/\(code)/appeal", ["outcome": "reexamine", "reasons": "بررسی"])
                    #expect(appeal == (!allowed(.decideAppeal) ? 403 : sees ? 400 : 404), "appeal \(code) as \(role) → \(appeal)")
                    let handles = AccessPolicy.canHandle(staff, referralAgencyID: agency, caseProvince: province)
                    let accept = try await post("/staff/referrals/\(referral)/accept", [:])
                    #expect([!allowed(.handleReferral) ? 403 : handles ? 303 : 404, 400].contains(accept), "accept \(referral) as \(role) → \(accept)")
                }
                // A page write without the session's CSRF token is refused.
                let forged = try await api.send(.post, "/staff/cases/\(inCode)/close", raw: "", headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"])
                #expect(forged.status == 403, "forged close as \(role)")
            }
        }
    }
}
