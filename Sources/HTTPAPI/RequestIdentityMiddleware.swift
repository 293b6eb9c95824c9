import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Workflow

/// Puts the request's identity in the task-local for the handlers below it.
public struct RequestIdentityMiddleware: RouterMiddleware {
    public typealias Context = SamadRequestContext
    /// Trust X-Forwarded-For only behind a proxy we run (`SAMAD_TRUST_PROXY=on`).
    let trustProxy: Bool
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    public init(trustProxy: Bool) {
        self.trustProxy = trustProxy
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let address = Self.clientAddress(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: Self.forwardedFor], trustProxy: trustProxy)
        let identity = RequestIdentity(
            authorization: request.headers[.authorization],
            sessionID: SessionCookie.value(in: request.headers[values: .cookie]),
            csrfToken: request.headers[Self.csrfHeader],
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

