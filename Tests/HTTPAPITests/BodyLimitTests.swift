import AsyncHTTPClient
import Foundation
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport

/// Anonymous requests cannot make the server hold much: bodies stop at 1 MB, and fields that
/// become keys are capped before they are used.
@Suite(.timeLimit(.minutes(10))) struct BodyLimitTests {
    static let limit = 1_048_576

    /// A JSON body of `size` bytes: a sign-in whose username fills it.
    static func loginBody(size: Int) -> String {
        let frame = #"{"username":"","password":"x"}"#
        return #"{"username":""# + String(repeating: "a", count: size - frame.utf8.count) + #"","password":"x"}"#
    }

    @Test(arguments: TestDatabase.all)
    func bodyJustOverTheLimitIsRefused(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // act
            let over = try await api.send(.post, "/api/v1/session", raw: Self.loginBody(size: Self.limit + 1))
            let atLimit = try await api.send(.post, "/api/v1/session", raw: Self.loginBody(size: Self.limit))
            let registration = try await api.send(
                .post, "/api/v1/cases", token: app.fixtures.token("operator"), raw: Self.loginBody(size: Self.limit + 1))
            // check: 413 in the standard error shape; at the limit the body is read and the field cap answers
            #expect(over.status == 413)
            #expect(over.errorCode == "payload_too_large")
            #expect(over.errorMessage?.isEmpty == false)
            #expect((over["error"] as? [String: Any])?["messageEn"] as? String != nil)
            #expect(atLimit.status == 400)
            #expect(atLimit.errorCode == "username_too_long")
            #expect(registration.status == 413)
            #expect(try await api.get("/api/v1/cases", token: app.fixtures.token("inspector")).list("items").isEmpty)
        }
    }

    /// A chunked body has no Content-Length; it is read only up to the limit.
    @Test func chunkedBodyOverTheLimitIsRefused() async throws {
        try await withTestAPI(database: .sqlite, mode: .live) { _, api in
            // setup
            let port = try #require(api.port)
            let client = HTTPClient.shared
            func post(_ text: String) async throws -> (Int, String) {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/session")
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                let chunks = stride(from: 0, to: text.utf8.count, by: 64 * 1024).map { start in
                    ByteBuffer(bytes: Array(text.utf8.dropFirst(start).prefix(64 * 1024)))
                }
                let stream = AsyncStream<ByteBuffer> { continuation in
                    for chunk in chunks { continuation.yield(chunk) }
                    continuation.finish()
                }
                request.body = .stream(stream, length: .unknown)
                let response = try await client.execute(request, timeout: .seconds(30))
                let body = try await response.body.collect(upTo: 1 << 16)
                return (Int(response.status.code), String(buffer: body))
            }
            // act
            let (overStatus, overBody) = try await post(Self.loginBody(size: 3 * Self.limit))
            let (smallStatus, smallBody) = try await post(#"{"username":"operator","password":"\#(Fixtures.password("operator"))"}"#)
            // check
            #expect(overStatus == 413)
            #expect(overBody.contains("payload_too_large"))
            #expect(smallStatus == 200, "\(smallBody)")
        }
    }

    /// Oversized fields are refused before hashing, look-up or rate counting.
    @Test(arguments: TestDatabase.all)
    func oversizedFieldsAreRefusedAtOnce(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let f = app.fixtures
            let long = String(repeating: "u", count: 101)
            // act: many more attempts than the per-address sign-in limit allows
            var codes: Set<String> = []
            for _ in 0..<30 {
                let response = try await api.send(.post, "/api/v1/session", json: ["username": long, "password": "x"])
                #expect(response.status == 400)
                codes.insert(response.errorCode ?? "")
            }
            let password = try await api.send(.post, "/api/v1/session", json: ["username": "operator", "password": String(repeating: "p", count: 1_001)])
            let token = try await api.get("/api/v1/cases", token: "smd_" + String(repeating: "t", count: 500))
            let mobile = try await api.post("/api/v1/citizen/code", json: ["mobile": String(repeating: "۹", count: 5_000)])
            let track = try await api.get("/api/v1/track/" + String(repeating: "1", count: 5_000) + "?mobile=09121234567")
            let search = try await api.get("/api/v1/cases?q=" + String(repeating: "a", count: 201), token: f.token("inspector"))
            let key = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(), headers: ["Idempotency-Key": String(repeating: "k", count: 201)])
            // check
            #expect(codes == ["username_too_long"])
            #expect(password.errorCode == "password_too_long")
            #expect(token.status == 401)
            #expect(mobile.status == 400)
            #expect(track.status == 400)
            #expect(search.errorCode == "q_too_long")
            #expect(key.errorCode == "idempotencyKey_too_long")
            // None of it used up the address's sign-in allowance.
            #expect(try await api.signIn("operator", password: Fixtures.password("operator")) != nil)
        }
    }
}
