import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
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
    var bearerToken: String? {
        guard let header = authorization?.trimmingCharacters(in: .whitespaces) else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}

/// Puts the request's identity in the task-local for the handlers below it.
public struct RequestIdentityMiddleware: RouterMiddleware {
    public typealias Context = SamadRequestContext
    /// Trust X-Forwarded-For only behind a proxy we run (`SAMAD_TRUST_PROXY=on`).
    let trustProxy: Bool

    public init(trustProxy: Bool) {
        self.trustProxy = trustProxy
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let address = Self.clientAddress(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: RequestIdentity.forwardedFor], trustProxy: trustProxy)
        let identity = RequestIdentity(
            authorization: request.headers[.authorization],
            sessionID: SessionCookie.value(in: request.headers[values: .cookie]),
            csrfToken: request.headers[RequestIdentity.csrfHeader],
            remoteAddress: address,
            isWrite: ![.get, .head, .options].contains(request.method))
        var response = try await RequestIdentity.$current.withValue(identity) {
            try await next(request, context)
        }
        for cookie in identity.responseCookies.all {
            response.headers.append(HTTPField(name: .setCookie, value: cookie))
        }
        return response
    }
}

extension RequestIdentityMiddleware {
    /// The client's address: the socket peer, or behind our own proxy (`trustProxy`) the last
    /// X-Forwarded-For hop, the one that proxy added (earlier hops are whatever the client sent).
    /// A hop that is not an IP address is ignored, so a forged header cannot mint rate-limit keys.
    static func clientAddress(peer: String?, forwardedFor: [String], trustProxy: Bool) -> String {
        if trustProxy, let hop = forwardedFor.last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            hop.utf8.count <= 45, isIPAddress(hop)
        {
            return hop
        }
        return peer ?? "unknown"
    }

    static func isIPAddress(_ text: String) -> Bool {
        (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}

/// Cookies to set on the response being built.
public final class ResponseCookies: Sendable {
    private let values = Mutex<[String]>([])
    func add(_ cookie: String) { values.withLock { $0.append(cookie) } }
    var all: [String] { values.withLock { $0 } }
}
