import Foundation
import PersianKit
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(10))) struct RegistrationTests {
    /// The registration answer is built from what was written, not read back: it must equal a read.
    @Test(arguments: TestDatabase.all)
    func theRegistrationAnswerIsTheCaseAsStored(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            var withoutID = f.caseBody(nationalID: nil, mobile: "09351112233")
            withoutID["confidential"] = true
            withoutID["priority"] = "urgent"
            // the same citizen again, with a new mobile and name: the stored citizen follows the latest
            var again = f.caseBody(mobile: "09127776655")
            again["citizen"] = (again["citizen"] as! [String: Any]).merging(["firstName": "علی"]) { $1 }
            for body in [f.caseBody(), withoutID, again, f.caseBody(nationalID: "0084575948", province: f.province)] {
                let registered = try await api.post("/api/v1/cases", token: f.token("supervisor"), json: body)
                #expect(registered.status == 201, "\(registered.text)")
                let code = try #require(registered.string("trackingCode"))
                let read = try await api.get("/api/v1/cases/\(code)", token: f.token("supervisor"))
                #expect(NSDictionary(dictionary: registered.object) == NSDictionary(dictionary: read.object),
                        "registered: \(registered.text)\nread: \(read.text)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func idempotencyKeyReturnsTheFirstCase(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let headers = ["Idempotency-Key": "call-4711"]
            let first = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(), headers: headers)
            let retry = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(), headers: headers)
            #expect(first.status == 201)
            #expect(retry.status == 201)
            #expect(first.string("trackingCode") == retry.string("trackingCode"))
            let other = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(), headers: ["Idempotency-Key": "call-4712"])
            #expect(other.string("trackingCode") != first.string("trackingCode"))
            #expect(try await api.get("/api/v1/cases", token: f.token("inspector")).list("items").count == 2)
            #expect(try await app.deliverSMS().count == 2)
            // A retry still answers with its case after the category was retired; a new key is refused.
            let retired = try await api.send(
                .put, "/api/v1/categories/interestFreeLoan", token: f.token("admin"),
                json: ["name": "وام قرض‌الحسنه", "defaultAgencyKind": "bank", "answerDays": 10, "active": false])
            #expect(retired.status == 200, "\(retired.text)")
            let late = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(), headers: headers)
            #expect(late.status == 201 && late.string("trackingCode") == first.string("trackingCode"), "\(late.text)")
            let refused = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(), headers: ["Idempotency-Key": "call-4713"])
            #expect(refused.status == 422 && refused.errorCode == "unknown_category")
        }
    }

    @Test(arguments: TestDatabase.all)
    func inputIsNormalisedOnTheWayIn(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let response = try await api.post(
                "/api/v1/cases", token: f.token("operator"),
                json: f.caseBody(nationalID: "۰۰۱۳۵۴۲۴۱۹", mobile: "+98 912 123 4567", subject: "درخواست  كمك   معيشتي"))
            #expect(response.status == 201)
            #expect(response.string("subject") == "درخواست کمک معیشتی")
            let citizen = try #require(response["citizen"] as? [String: Any])
            #expect(citizen["mobile"] as? String == "0912***4567")
            #expect((citizen["nationalId"] as? String)?.contains("*") == true)
            let code = try #require(response.string("trackingCode"))
            #expect(code.count == 11 && code.allSatisfy(\.isNumber))
            #expect((response.string("trackingCodeGrouped") ?? "").contains(" "))
        }
    }

    @Test(arguments: TestDatabase.all)
    func concurrentRegistrationsAllLand(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let ids = (0..<60).map { i in Self.nationalID(i) }
            let codes = try await withThrowingTaskGroup(of: String?.self) { group in
                for id in ids {
                    group.addTask {
                        try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: id)).string("trackingCode")
                    }
                }
                return try await group.reduce(into: [String]()) { if let c = $1 { $0.append(c) } }
            }
            #expect(Set(codes).count == 60)
            var seen = 0
            var cursor: String?
            repeat {
                let page = try await api.get("/api/v1/cases?limit=25" + (cursor.map { "&cursor=\($0)" } ?? ""), token: f.token("supervisor"))
                seen += page.list("items").count
                cursor = page.string("nextCursor")
            } while cursor != nil
            #expect(seen == 60)
            #expect(try await app.deliverSMS().count == 60)
        }
    }

    /// Valid, distinct national IDs for load in tests.
    static func nationalID(_ n: Int) -> String {
        let base = String(format: "%09d", 100_000 + n * 37)
        let digits = base.map { Int(String($0))! }
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
        let r = sum % 11
        return base + String(r < 2 ? r : 11 - r)
    }

    /// A citizen may write without a national ID: they are known by their mobile, and a second
    /// letter from that mobile joins the first citizen instead of making another.
    @Test(arguments: TestDatabase.all)
    func aCitizenWithoutANationalIDIsKnownByMobile(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup
            let f = app.fixtures
            // act
            let first = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: nil, mobile: "09351234567"))
            let second = try await api.post(
                "/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "", mobile: "۰۹۳۵۱۲۳۴۵۶۷", category: "housingLoan"))
            let withID = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "0013542419", mobile: "09351234567"))
            let bad = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "1234", mobile: "09351234567"))
            // check
            #expect(first.status == 201 && second.status == 201 && withID.status == 201)
            let citizen = try #require(first["citizen"] as? [String: Any])
            #expect(citizen["nationalId"] == nil)
            #expect(citizen["mobile"] as? String == "0935***4567")
            #expect(bad.status == 400 && bad.errorField == "citizen.nationalId")
            let code = try #require(first.string("trackingCode"))
            let revealed = try await api.post("/api/v1/cases/\(code)/citizen", token: f.token("supervisor"))
            #expect(revealed.status == 200)
            #expect(revealed["nationalId"] == nil && revealed.string("mobile") == "09351234567")
            let history = try #require(try await app.store.citizenHistory(nationalID: nil, mobile: try MobileNumber(parsing: "09351234567"), limit: 10))
            #expect(history.0.nationalID == nil || history.0.nationalID?.value == "0013542419")
            let withoutID = try await app.store.client.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM citizens WHERE national_id IS NULL").first()!.decode(column: "n", as: Int.self)
            }
            #expect(withoutID == 1)
            // The mobile's owner sees all three letters after signing in.
            #expect(try await api.post("/api/v1/citizen/code", json: ["mobile": "09351234567"]).status == 202)
            let signedIn = try await api.post(
                "/api/v1/citizen/session", json: ["mobile": "09351234567", "code": try await CitizenSignInTests.lastCode(app, "09351234567")])
            let session = try #require(WebSession(signedIn))
            #expect(try await api.get("/api/v1/citizen/cases", headers: session.read).list("items").count == 3)
        }
    }
}
