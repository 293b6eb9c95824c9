import Domain
import Foundation
import PersianKit
import SQLKit
import Storage
import Testing
import TestSupport

/// A citizen's personal data erased on request: refused while a case is unsettled or the retention
/// period runs; afterwards nothing of theirs is left, the period reports are unchanged, and every
/// history (re-sealed, with both heads in the audit log) still verifies.
@Suite(.timeLimit(.minutes(10))) struct ErasureTests {
    static let retention = RetentionPolicy().personalData

    @Test(arguments: TestDatabase.all)
    func personalDataGoesAndTheStatisticsStay(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a settled letter of one citizen (answered, rated, so closed), an open one of another
            let f = app.fixtures
            let registered = app.clock.now
            let code = try #require(
                try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "0013542419", mobile: "09121234567"))
                    .string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ برای رضا محمدی"])
            #expect(try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09121234567", "rating": 5, "comment": "از رضا"]).status == 200)
            _ = try await app.deliverSMS()
            var otherBody = f.caseBody(nationalID: nil, mobile: "09351112233", subject: "خرابی روشنایی معابر", body: "چراغ‌های کوچه ما خاموش است.")
            otherBody["citizen"] = (otherBody["citizen"] as? [String: Any] ?? [:]).merging(["firstName": "زهرا", "lastName": "کریمی"]) { $1 }
            let other = try #require(try await api.post("/api/v1/cases", token: f.token("operator"), json: otherBody).string("trackingCode"))
            let erase: @Sendable (NationalID?, MobileNumber?) async throws -> Erasure = { id, mobile in
                try await app.store.eraseCitizen(nationalID: id, mobile: mobile, retention: Self.retention, by: .commandLine)
            }
            let reza = try NationalID(parsing: "0013542419")

            // refused: within the retention period; a case still open
            await #expect { try await erase(reza, nil) } throws: { ($0 as? DomainError)?.code == "within_retention" }
            app.clock.advance(by: Self.retention + 86_400)
            await #expect { try await erase(nil, try MobileNumber(parsing: "09351112233")) } throws: {
                ($0 as? DomainError)?.code == "case_still_open"
            }
            await #expect { try await erase(try NationalID(parsing: "0084575948"), nil) } throws: { ($0 as? DomainError)?.code == "citizen_not_found" }
            let period = JalaliPeriod.containing(registered, kind: .month)
            let reportBefore = try await app.store.report(period, provinceCode: f.province)
            let countryBefore = try await app.store.report(period, provinceCode: nil)
            #expect(reportBefore.cases == 2 && reportBefore.rated == 1)

            // act
            let erasure = try await erase(reza, nil)

            // check: the case stays, without anything personal
            #expect(erasure.trackingCodes == [code])
            #expect(try await app.store.report(period, provinceCode: f.province) == reportBefore)
            #expect(try await app.store.report(period, provinceCode: nil) == countryBefore)
            let detail = try #require(try await app.store.detail(try TrackingCode(parsing: code)))
            #expect(detail.citizen.nationalID == nil)
            #expect(detail.citizen.mobile == .erased)
            #expect(detail.citizen.fullName.contains("رضا") == false)
            #expect(detail.case.subject == SQLStore.erasedText)
            #expect(detail.case.status == .closed && detail.case.rating == 5)
            #expect(detail.events.last?.kind == .personalDataErased)
            let everything = try await Self.dump(app)
            for personal in ["0013542419", "09121234567", "رضا", "محمدی", "وام قرض"] {
                #expect(!everything.contains(personal), "\(personal) is still stored")
            }
            // the other citizen is untouched
            #expect(try await app.store.detail(try TrackingCode(parsing: other))?.citizen.mobile.value == "09351112233")
            // every chain verifies; the audit log holds the erasure with the re-sealed heads
            #expect(try await app.store.chainProblems().isEmpty)
            let audit = try #require(try await app.store.auditLog(limit: 1).first)
            #expect(audit.action == .personalDataErased)
            #expect(audit.actor.kind == "cli")
            #expect(audit.detail?.contains("resealed=\(code):") == true)
            // the same citizen writing again is a new record
            let again = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: "0013542419", mobile: "09121234567"))
            #expect(again.status == 201)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aTamperedHistoryIsNotSealedOver(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup: a closed letter past the retention period whose history was edited by hand
            let f = app.fixtures
            let code = try #require(
                try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.post("/api/v1/cases/\(code)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ"])
            #expect(try await api.post("/api/v1/track/\(code)/rating", json: ["mobile": "09121234567", "rating": 4]).status == 200)
            app.clock.advance(by: Self.retention + 86_400)
            try await app.store.client.write { db in
                try await db.raw("UPDATE case_events SET text = 'دیگر' WHERE kind = 'answered'").run()
            }
            // act, check: refused, nothing changed, the tampering still shows
            await #expect {
                try await app.store.eraseCitizen(
                    nationalID: try NationalID(parsing: "0013542419"), mobile: nil, retention: Self.retention, by: .system)
            } throws: { ($0 as? DomainError)?.code == "history_broken" }
            #expect(try await app.store.detail(try TrackingCode(parsing: code))?.citizen.firstName == "رضا")
            #expect(try await app.store.chainProblems().map(\.kind) == [.edited])
        }
    }

    /// Every text column of the tables that hold a citizen's data, as one string.
    static func dump(_ app: TestApp) async throws -> String {
        let columns: [(String, [String])] = [
            ("citizens", ["COALESCE(national_id, '')", "mobile", "first_name", "last_name"]),
            ("cases", ["subject", "body", "search_text", "COALESCE(answer, '')"]),
            ("referrals", ["COALESCE(note, '')", "COALESCE(answer, '')", "COALESCE(return_reason, '')"]),
            ("case_events", ["COALESCE(text, '')", "actor_name"]),
            ("notifications", ["mobile", "text"]),
            ("otp_challenges", ["mobile"]),
            ("audit_log", ["COALESCE(target_name, '')", "COALESCE(detail, '')", "actor_name"]),
        ]
        return try await app.store.client.read { db in
            var out = ""
            for (table, cells) in columns {
                for row in try await db.raw("SELECT \(unsafeRaw: cells.joined(separator: " || '|' || ")) AS v FROM \(ident: table)").all() {
                    out += try row.decode(column: "v", as: String.self) + "\n"
                }
            }
            return out
        }
    }
}
