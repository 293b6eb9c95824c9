import Foundation
import HTTPTypes
import Testing
import TestSupport

/// What openapi.yaml promises about methods and parameters is what the server answers.
@Suite(.timeLimit(.minutes(10))) struct MethodAndLimitTests {
    @Test(arguments: TestDatabase.all)
    func unknownMethodOnKnownPathIs405(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let cases: [(HTTPRequest.Method, String, String)] = [
                (.delete, "/api/v1/cases", "GET, POST"),
                (.put, "/api/v1/session/password", "POST"),
                (.get, "/api/v1/session/password", "POST"),
                (.patch, "/api/v1/cases/12345678901", "GET"),
                (.post, "/health", "GET"),
                (HTTPRequest.Method("PROPFIND")!, "/api/v1/provinces", "GET"),
            ]
            for (method, path, allow) in cases {
                let response = try await api.send(method, path, token: f.token("admin"))
                #expect(response.status == 405, "\(method) \(path): \(response.text)")
                #expect(response.errorCode == "method_not_allowed", "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
            }
            // Unknown paths stay 404, for the API and the pages.
            #expect(try await api.send(.delete, "/api/v1/nothing-here").status == 404)
            #expect(try await api.send(.post, "/nothing-here").status == 404)
            #expect(try await api.get("/api/v1/nothing-here").status == 404)
        }
    }

    @Test(arguments: TestDatabase.all)
    func pageSizesOutsideTheSpecAreRefused(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            for limit in ["0", "-1", "201", "1000000"] {
                let cases = try await api.get("/api/v1/cases?limit=\(limit)", token: f.token("inspector"))
                #expect(cases.status == 400, "limit=\(limit)")
                #expect(cases.errorCode == "invalid_limit", "limit=\(limit)")
                let referrals = try await api.get("/api/v1/referrals?limit=\(limit)", token: f.token("liaison"))
                #expect(referrals.errorCode == "invalid_limit", "limit=\(limit)")
            }
            #expect(try await api.get("/api/v1/cases?limit=200", token: f.token("inspector")).status == 200)
            #expect(try await api.get("/api/v1/cases?limit=1", token: f.token("inspector")).status == 200)
        }
    }
}
