import Foundation
import Synchronization

/// What the transport knows about who is asking, carried to the OpenAPI handlers in a task-local
/// (the generated handlers see only the operation's input).
public struct RequestIdentity: Sendable {
    public var authorization: String?
    /// The `samad_session` cookie, if sent.
    public var sessionID: String?
    /// The `X-CSRF-Token` header, if sent.
    public var csrfToken: String?
    /// The client's address: the socket peer (or the last X-Forwarded-For hop behind a trusted proxy).
    public var remoteAddress: String
    /// Whether the method changes state (everything but GET, HEAD, OPTIONS).
    public var isWrite: Bool
    /// Set-Cookie values a handler wants on its response (sent as-is, not through the OpenAPI encoder).
    public let responseCookies = ResponseCookies()

    public init(authorization: String? = nil, sessionID: String? = nil, csrfToken: String? = nil, remoteAddress: String = "unknown", isWrite: Bool = false) {
        self.authorization = authorization
        self.sessionID = sessionID
        self.csrfToken = csrfToken
        self.remoteAddress = remoteAddress
        self.isWrite = isWrite
    }

    @TaskLocal public static var current = RequestIdentity()

    /// The bearer token, if the request carries one.
    public var bearerToken: String? {
        guard let header = authorization?.trimmingCharacters(in: .whitespaces) else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

}

/// Cookies to set on the response being built.
public final class ResponseCookies: Sendable {
    private let values = Mutex<[String]>([])
    public func add(_ cookie: String) { values.withLock { $0.append(cookie) } }
    public var all: [String] { values.withLock { $0 } }
}
