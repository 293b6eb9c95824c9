import Hummingbird
import NIOCore

/// The request context of every Samad route: Hummingbird's core context plus the peer's address,
/// which rate limits key on.
public struct SamadRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    /// Form and JSON bodies are capped at the same megabyte as every request (`BodyLimitMiddleware`).
    public var maxUploadSize: Int { BodyLimitMiddleware<Self>.maxBytes }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
