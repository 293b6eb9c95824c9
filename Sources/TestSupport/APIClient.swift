import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A small JSON client over Hummingbird's test client, for readable API tests.
public struct APIClient: Sendable {
    let client: any TestClientProtocol

    public init(client: any TestClientProtocol) {
        self.client = client
    }

    /// The loopback port of a `.live` test server.
    public var port: Int? { client.port }

    /// Sends a request; `json` is serialised as the body, `raw` is sent as-is (for malformed input).
    public func send(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: [String: Any]? = nil,
        raw: String? = nil, headers extra: [String: String] = [:]
    ) async throws -> APIResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = "application/json"
        } else if let raw {
            body = ByteBuffer(string: raw)
            headers[.contentType] = "application/json"
        }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: body)
        return APIResponse(status: Int(response.status.code), headers: response.headers, data: Data(buffer: response.body))
    }

    public func get(_ path: String, token: String? = nil, headers: [String: String] = [:]) async throws -> APIResponse {
        try await send(.get, path, token: token, headers: headers)
    }

    /// Signs a staff member in with their password; the session's cookie and CSRF token come back.
    public func signIn(_ username: String, password: String) async throws -> WebSession? {
        let response = try await send(.post, "/api/v1/session", json: ["username": username, "password": password])
        return WebSession(response)
    }

    public func post(_ path: String, token: String? = nil, json: [String: Any]? = nil, headers: [String: String] = [:]) async throws -> APIResponse {
        try await send(.post, path, token: token, json: json ?? [:], headers: headers)
    }
}

/// A response with JSON accessors.
public struct APIResponse: Sendable {
    public let status: Int
    public let headers: HTTPFields
    public let data: Data

    public var text: String { String(decoding: data, as: UTF8.self) }
    public var object: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }
    public var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] ?? [] }
    /// The stable error code of an error answer.
    public var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
    /// The input field an error answer names.
    public var errorField: String? { (object["error"] as? [String: Any])?["field"] as? String }
    public var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }

    public subscript(key: String) -> Any? { object[key] }
    public func string(_ key: String) -> String? { object[key] as? String }
    public func int(_ key: String) -> Int? { object[key] as? Int }
    public func list(_ key: String) -> [[String: Any]] { object[key] as? [[String: Any]] ?? [] }
}

/// A signed-in session as a browser holds it: the cookie, and the CSRF token for writes.
public struct WebSession: Sendable {
    public let cookie: String
    public let csrf: String

    public init?(_ response: APIResponse) {
        guard response.status == 200, let setCookie = response.headers[.setCookie],
            let pair = setCookie.split(separator: ";").first, let csrf = response.string("csrfToken")
        else { return nil }
        cookie = String(pair)
        self.csrf = csrf
    }

    /// Headers for a read.
    public var read: [String: String] { ["Cookie": cookie] }
    /// Headers for a write.
    public var write: [String: String] { ["Cookie": cookie, "X-CSRF-Token": csrf] }
}
