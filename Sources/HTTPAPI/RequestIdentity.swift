import Foundation
import Hummingbird

/// What the transport knows about who is asking, carried to the OpenAPI handlers in a task-local
/// (the generated handlers see only the operation's input).
public struct RequestIdentity: Sendable {
    public var authorization: String?
    public var remoteAddress: String?

    @TaskLocal public static var current = RequestIdentity(authorization: nil, remoteAddress: nil)

    /// The bearer token, if the request carries one.
    var bearerToken: String? {
        guard let header = authorization?.trimmingCharacters(in: .whitespaces) else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}

/// Puts the request's identity in the task-local for the handlers below it.
public struct RequestIdentityMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let identity = RequestIdentity(authorization: request.headers[.authorization], remoteAddress: nil)
        return try await RequestIdentity.$current.withValue(identity) {
            try await next(request, context)
        }
    }
}
