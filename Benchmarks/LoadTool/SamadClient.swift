import AsyncHTTPClient
import Foundation
import NIOCore

/// The few HTTP calls the scenarios make, over one pooled client bound to loopback addresses only.
struct SamadClient: Sendable {
    let http: HTTPClient
    let baseURL: String

    init(baseURL: String, connections: Int) throws {
        guard let host = URL(string: baseURL)?.host, host == "127.0.0.1" || host == "localhost" || host == "::1" || host.hasPrefix("127.")
        else { throw LoadToolError("--url must be a loopback address (127.0.0.1, localhost or ::1): load goes nowhere else") }
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(60))
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// Sends one request; returns the status and body (bodies are small: lists of 50 at most).
    func send(
        _ method: Method, _ path: String, token: String? = nil, json: Data? = nil, forwardedFor: String? = nil
    ) async throws -> (status: Int, body: ByteBuffer) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method == .post ? .POST : .GET
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let forwardedFor { request.headers.add(name: "X-Forwarded-For", value: forwardedFor) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: json))
        }
        let response = try await http.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 8 << 20)
        return (Int(response.status.code), body)
    }

    /// nil when the status is `expected`, else a short description for the report.
    func check(
        _ method: Method, _ path: String, expect expected: Int, token: String? = nil, json: Data? = nil,
        forwardedFor: String? = nil
    ) async -> String? {
        do {
            let (status, body) = try await send(method, path, token: token, json: json, forwardedFor: forwardedFor)
            return status == expected ? nil : "HTTP \(status) on \(path): \(String(buffer: body).prefix(200))"
        } catch {
            return "\(path): \(error)"
        }
    }

    func shutdown() async throws { try await http.shutdown() }
}

/// The two methods the scenarios use.
enum Method: Sendable { case get, post }

struct LoadToolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
