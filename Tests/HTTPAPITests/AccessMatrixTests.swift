import Domain
import Foundation
import HTTPAPI
import Workflow
import Testing
import TestSupport

/// Every operation × every role × in-scope and out-of-scope data. An operation in the spec without
/// a row in `APIOperation` fails `everyOperationHasARule`; an `APIOperation` without a request here does
/// not compile (the switch in `request(for:)` is exhaustive).
@Suite(.timeLimit(.minutes(10))) struct AccessMatrixTests {
    static let roles = [
        "operator", "supervisor", "liaison", "liaisonBank", "liaisonOther", "inspector", "admin", "adminProvince",
        "official", "operatorOther", "supervisorOther",
    ]

    @Test func everyOperationHasARule() async throws {
        try await withTestAPI(database: .sqlite) { _, api in
            let spec = try await api.get("/openapi.yaml").text
            let ids = spec.split(separator: "\n").compactMap { line -> String? in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("operationId:") else { return nil }
                return trimmed.dropFirst("operationId:".count).trimmingCharacters(in: .whitespaces)
            }
            #expect(ids.count == APIOperation.allCases.count)
            for id in ids { #expect(APIOperation(rawValue: id) != nil, "operation \(id) has no access rule") }
        }
    }

    /// The data each request is made against.
    struct Scene {
        let inCode: String
        let outCode: String
        let inReferral: Int
        let outReferral: Int
        let fixtures: Fixtures
        let tokenID: Int
        /// SMS 1 of each case (pending, so a retry in scope is a 409).
        let inSMS: Int
        let outSMS: Int
        /// A ready answer of the home province and one of the other province.
        let inTemplate: Int
        let outTemplate: Int
    }

    enum Target { case none, inScope, outOfScope }

    /// The request an operation is checked with, against in- or out-of-scope data.
    static func request(for op: APIOperation, _ s: Scene, _ target: Target) -> (HTTPRequestMethod, String, [String: Any]?) {
        let code = target == .outOfScope ? s.outCode : s.inCode
        let referral = target == .outOfScope ? s.outReferral : s.inReferral
        let f = s.fixtures
        switch op {
        case .getHealth: return (.get, "/health", nil)
        case .listProvinces: return (.get, "/api/v1/provinces", nil)
        case .listAgencies: return (.get, "/api/v1/agencies", nil)
        case .listCategories: return (.get, "/api/v1/categories", nil)
        case .trackCase: return (.get, "/api/v1/track/\(code)?mobile=09121234567", nil)
        case .rateCase: return (.post, "/api/v1/track/\(code)/rating", ["mobile": "09121234567", "rating": 4])
        case .requestCitizenCode: return (.post, "/api/v1/citizen/code", ["mobile": "09121234567"])
        case .createCitizenSession: return (.post, "/api/v1/citizen/session", ["mobile": "09121234567", "code": "000000"])
        case .listMyCases: return (.get, "/api/v1/citizen/cases", nil)
        case .createSession: return (.post, "/api/v1/session", ["username": "nobody", "password": "nothing"])
        case .getSession: return (.get, "/api/v1/session", nil)
        case .deleteSession: return (.delete, "/api/v1/session", nil)
        case .changePassword: return (.post, "/api/v1/session/password", ["currentPassword": "wrong", "newPassword": "long-enough-pw"])
        case .registerCase:
            return (.post, "/api/v1/cases", f.caseBody(province: target == .outOfScope ? f.otherProvince : f.province))
        case .listCases: return (.get, "/api/v1/cases", nil)
        case .getCase: return (.get, "/api/v1/cases/\(code)", nil)
        case .revealCitizen: return (.post, "/api/v1/cases/\(code)/citizen", [:])
        case .answerCase: return (.post, "/api/v1/cases/\(code)/answer", ["answer": "پاسخ"])
        case .referCase: return (.post, "/api/v1/cases/\(code)/referrals", ["agencyIds": [f.relief.id, f.otherProvinceAgency.id]])
        case .mergeCase: return (.post, "/api/v1/cases/\(code)/merge", ["targetTrackingCode": code])
        case .closeCase: return (.post, "/api/v1/cases/\(code)/close", [:])
        case .listReferrals: return (.get, "/api/v1/referrals", nil)
        case .listOverdue: return (.get, "/api/v1/overdue", nil)
        case .objectToAnswer: return (.post, "/api/v1/track/\(code)/objection", ["mobile": "09121234567", "text": "پاسخ کامل نیست"])
        case .decideAppeal: return (.post, "/api/v1/cases/\(code)/appeal-decision", ["outcome": "reexamine", "reasons": "بررسی دوباره"])
        case .listDirectives: return (.get, "/api/v1/directives", nil)
        case .listDirectiveOfficials: return (.get, "/api/v1/directives/officials", nil)
        case .issueDirective:
            return (.post, "/api/v1/cases/\(code)/directives", ["agencyId": target == .outOfScope ? f.otherProvinceAgency.id : f.relief.id, "text": "پیگیری فوری", "businessDays": 5])
        case .acceptReferral: return (.post, "/api/v1/referrals/\(referral)/accept", [:])
        case .answerReferral: return (.post, "/api/v1/referrals/\(referral)/answer", ["answer": "پاسخ دستگاه"])
        case .returnReferral: return (.post, "/api/v1/referrals/\(referral)/return", ["reason": "مربوط به ما نیست"])
        case .recordInspection: return (.post, "/api/v1/referrals/\(referral)/inspection", ["action": "به رئیس دستگاه تذکر داده شد"])
        case .listBreaches: return (.get, "/api/v1/breaches", nil)
        case .getUnanswered:
            return (.get, "/api/v1/oversight/unanswered?days=1&province=\(target == .outOfScope ? f.otherProvince : f.province)", nil)
        case .getAgencyOversight:
            return (.get, "/api/v1/agencies/\(target == .outOfScope ? f.otherProvinceAgency.id : f.bank.id)/oversight", nil)
        case .recordCallBack: return (.post, "/api/v1/referrals/\(referral)/callback", ["outcome": "reached", "note": "گفتگو شد"])
        case .withdrawReferral: return (.post, "/api/v1/referrals/\(referral)/withdraw", ["reason": "ارجاع نادرست"])
        case .createAgency:
            return (.post, "/api/v1/agencies", ["name": "دستگاه آزمایشی", "kind": "fund", "province": target == .outOfScope ? f.otherProvince : f.province])
        case .updateAgency:
            return (.put, "/api/v1/agencies/\(target == .outOfScope ? f.otherProvinceAgency.id : f.bank.id)", ["name": "بانک", "kind": "bank"])
        case .createCategory:
            return (.post, "/api/v1/categories", ["code": "c\(Int.random(in: 0..<1_000_000))", "name": "دسته", "defaultAgencyKind": "governorate", "answerDays": 5, "active": true])
        case .updateCategory: return (.put, "/api/v1/categories/other", ["name": "سایر", "defaultAgencyKind": "governorate", "answerDays": 10])
        case .listTokens: return (.get, "/api/v1/tokens", nil)
        case .createToken: return (.post, "/api/v1/tokens", ["username": target == .outOfScope ? "operatorother" : "operator"])
        case .revokeToken: return (.delete, "/api/v1/tokens/\(s.tokenID)", nil)
        case .getLeague: return (.get, "/api/v1/league?period=1402-03&province=\(target == .outOfScope ? f.otherProvince : f.province)", nil)
        case .getReport: return (.get, "/api/v1/reports?period=1402-03&province=\(target == .outOfScope ? f.otherProvince : f.province)", nil)
        case .retryNotification: return (.post, "/api/v1/notifications/\(target == .outOfScope ? s.outSMS : s.inSMS)/retry", [:])
        case .listReplyTemplates: return (.get, "/api/v1/reply-templates", nil)
        case .getOpenData: return (.get, "/api/v1/open-data", nil)
        case .createReplyTemplate: return (.post, "/api/v1/reply-templates", ["title": "پاسخ آماده", "body": "متن پاسخ"])
        case .updateReplyTemplate:
            return (.put, "/api/v1/reply-templates/\(target == .outOfScope ? s.outTemplate : s.inTemplate)", ["title": "پاسخ آماده", "body": "متن پاسخ"])
        }
    }

    /// Operations whose data has a scope, and how a staff member's scope meets it.
    static func inScope(_ op: APIOperation, _ staff: Staff, _ s: Scene, _ target: Target) -> Bool {
        let f = s.fixtures
        let province = target == .outOfScope ? f.otherProvince : f.province
        switch op {
        case .getCase, .revealCitizen, .answerCase, .referCase, .mergeCase, .closeCase, .withdrawReferral, .issueDirective, .decideAppeal, .recordInspection:
            let agencies = target == .outOfScope ? [f.otherProvinceAgency.id] : [f.relief.id]
            return AccessPolicy.canSee(staff, caseProvince: province, referredAgencyIDs: agencies)
        case .acceptReferral, .answerReferral, .returnReferral, .recordCallBack:
            let agency = target == .outOfScope ? f.otherProvinceAgency.id : f.relief.id
            return AccessPolicy.canHandle(staff, referralAgencyID: agency, caseProvince: province)
        case .registerCase, .createAgency, .updateAgency, .createToken, .getReport, .getLeague, .retryNotification, .getUnanswered,
            .getAgencyOversight:
            return AccessPolicy.covers(staff, province: province)
        case .createCategory, .updateCategory:
            return staff.provinceCode == nil
        case .updateReplyTemplate:
            return staff.provinceCode == nil || staff.provinceCode == province
        default:
            return true
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyRouteEveryRoleEveryScope(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            // setup: a case in the home province referred to the relief committee, one in the other
            // province referred to its bank.
            let inCode = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            let outCode = try #require(try await api.post("/api/v1/cases", token: f.token("operatorOther"), json: f.caseBody(nationalID: "0084575948", province: f.otherProvince)).string("trackingCode"))
            let inReferral = try #require(try await api.post("/api/v1/cases/\(inCode)/referrals", token: f.token("supervisor"), json: ["agencyIds": [f.relief.id]]).list("referrals").first?["id"] as? Int)
            let outReferral = try #require(try await api.post("/api/v1/cases/\(outCode)/referrals", token: f.token("supervisorOther"), json: ["agencyIds": [f.otherProvinceAgency.id]]).list("referrals").first?["id"] as? Int)
            let tokenID = try #require((try await api.post("/api/v1/tokens", token: f.token("admin"), json: ["username": "supervisor"])["info"] as? [String: Any])?["id"] as? Int)
            let sms = { (code: String) async throws -> Int in try #require(try await app.notifications(ofCase: code).first?.id) }
            let scene = Scene(
                inCode: inCode, outCode: outCode, inReferral: inReferral, outReferral: outReferral, fixtures: f, tokenID: tokenID,
                inSMS: try await sms(inCode), outSMS: try await sms(outCode),
                inTemplate: try await app.store.saveReplyTemplate(
                    id: nil, try ReplyTemplateDraft(title: "الف", body: "متن", categoryCode: nil, provinceCode: f.province, active: true), by: .system).id,
                outTemplate: try await app.store.saveReplyTemplate(
                    id: nil, try ReplyTemplateDraft(title: "ب", body: "متن", categoryCode: nil, provinceCode: f.otherProvince, active: true), by: .system).id)

            for op in APIOperation.allCases {
                for target in [Target.inScope, .outOfScope] {
                    let (method, path, body) = Self.request(for: op, scene, target)
                    // Anonymous callers.
                    let anonymous = try await api.send(method.http, path, json: body)
                    switch op.access {
                    case .open:
                        #expect(anonymous.status != 403 && anonymous.status < 500, "\(op) anonymous → \(anonymous.status)")
                    case .citizen, .anyStaff, .staff:
                        #expect(anonymous.status == 401, "\(op) anonymous → \(anonymous.status)")
                    }
                    // Every staff role.
                    for role in Self.roles {
                        let staff = f.staff[role]!
                        let response = try await api.send(method.http, path, token: f.token(role), json: body)
                        let label = "\(op) as \(role) on \(target) → \(response.status) \(response.errorCode ?? "")"
                        #expect(response.status < 500, "\(label)")
                        switch op.access {
                        case .open:
                            #expect(response.status != 403, "\(label)")
                        case .citizen:
                            #expect(response.status == 401, "\(label)")
                        case .anyStaff:
                            #expect(response.errorCode != "unauthenticated" && response.status != 403, "\(label)")
                        case .staff(let action):
                            guard AccessPolicy.roles(for: action).contains(staff.role) else {
                                #expect(response.status == 403 && response.errorCode == "forbidden", "\(label)")
                                continue
                            }
                            if Self.inScope(op, staff, scene, target) {
                                #expect(![401, 403, 404].contains(response.status) || response.errorCode == "category_exists", "\(label)")
                            } else {
                                #expect([403, 404].contains(response.status), "\(label)")
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The few methods the matrix uses, spelled without importing HTTPTypes into every test.
enum HTTPRequestMethod {
    case get, post, put, delete
}

import HTTPTypes

extension HTTPRequestMethod {
    var http: HTTPRequest.Method {
        switch self {
        case .get: .get
        case .post: .post
        case .put: .put
        case .delete: .delete
        }
    }
}
