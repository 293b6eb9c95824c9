import Foundation
import Testing
import TestSupport

/// Names, subjects and texts made only of invisible characters are refused like empty ones.
@Suite(.timeLimit(.minutes(10))) struct InvisibleTextTests {
    static let invisible = [
        "\u{2060}", "\u{3164}", "\u{115F}", "\u{034F}", "\u{200D}", "\u{200C}\u{200C}", "\u{FFA0}\u{2800}",
        " \u{200B}\u{2060} \u{FEFF}", "\u{1160}\u{180E}", "\u{E0041}",
    ]

    @Test(arguments: TestDatabase.all)
    func invisibleNamesAndSubjectsAreRefused(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            for text in Self.invisible {
                // setup
                var first = f.caseBody()
                var citizen = first["citizen"] as! [String: Any]
                citizen["firstName"] = text
                first["citizen"] = citizen
                var last = f.caseBody()
                citizen = last["citizen"] as! [String: Any]
                citizen["lastName"] = text
                last["citizen"] = citizen
                let scalars = text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
                // act + check
                let firstName = try await api.post("/api/v1/cases", token: f.token("operator"), json: first)
                // Text that draws nothing is well-formed and refused by the rule (422); spaces alone are no text (400).
                #expect(firstName.status == 422, "\(scalars)")
                #expect(firstName.errorCode == "firstName_required", "\(scalars): \(firstName.text)")
                #expect(try await api.post("/api/v1/cases", token: f.token("operator"), json: last).errorCode == "lastName_required", "\(scalars)")
                #expect(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(subject: text)).errorCode == "subject_required", "\(scalars)")
                #expect(try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(body: text)).errorCode == "body_required", "\(scalars)")
                let agency = try await api.post("/api/v1/agencies", token: f.token("admin"), json: ["name": text, "kind": "bank", "province": f.province])
                #expect(agency.errorCode == "name_required", "\(scalars)")
            }
            var spaces = f.caseBody()
            var citizen = spaces["citizen"] as! [String: Any]
            citizen["firstName"] = "  \u{3000} "
            spaces["citizen"] = citizen
            let blank = try await api.post("/api/v1/cases", token: f.token("operator"), json: spaces)
            #expect(blank.status == 400 && blank.errorCode == "firstName_required")
            // Nothing was written.
            #expect(try await api.get("/api/v1/cases", token: f.token("inspector")).list("items").isEmpty)
            #expect(try await app.deliverSMS().isEmpty)
        }
    }

    /// Real Persian names keep their half-spaces and marks, and are accepted.
    @Test(arguments: TestDatabase.all)
    func visibleTextWithInvisibleCharactersIsKept(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            var body = f.caseBody(subject: "درخواست\u{200C}ها")
            var citizen = body["citizen"] as! [String: Any]
            citizen["firstName"] = "\u{2060}محمد\u{200C}علی"
            body["citizen"] = citizen
            let response = try await api.post("/api/v1/cases", token: f.token("operator"), json: body)
            #expect(response.status == 201, "\(response.text)")
            #expect(response.string("subject") == "درخواست\u{200C}ها")
        }
    }
}
