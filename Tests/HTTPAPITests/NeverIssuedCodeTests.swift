import Foundation
import PersianKit
import Testing
import TestSupport

/// A tracking code that matches the spec (11 digits) but could never have been issued (its check
/// digit is wrong, or it starts with 0) names no case: 404, like a missing one, not 400.
@Suite(.timeLimit(.minutes(10))) struct NeverIssuedCodeTests {
    @Test func aWellFormedCodeThatWasNeverIssuedIsNotFound() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            // setup: a real code with its last digit changed (the check digit catches every single-digit change)
            let real = TrackingCode.generate().value
            let last = Int(String(real.last!))!
            let wrong = String(real.dropLast()) + String((last + 1) % 10)
            // act
            let staffRead = try await api.get("/api/v1/cases/\(wrong)", token: app.fixtures.token("supervisor"))
            let track = try await api.get("/api/v1/track/\(wrong)?mobile=09121234567")
            let leadingZero = try await api.get("/api/v1/cases/0\(real.dropFirst())", token: app.fixtures.token("supervisor"))
            // check
            #expect(staffRead.status == 404 && staffRead.errorCode == "case_not_found", "\(staffRead.text)")
            #expect(track.status == 404, "\(track.text)")
            #expect(leadingZero.status == 404, "\(leadingZero.text)")
        }
    }
}
