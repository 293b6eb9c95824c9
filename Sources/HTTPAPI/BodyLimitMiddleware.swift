import Hummingbird
import NIOCore

/// Caps every request body at `BodyLimitMiddleware.maxBytes` before anything reads it: a declared
/// Content-Length over the cap is refused at once, and a streamed (chunked) body is collected only
/// up to the cap. Over it the answer is 413 `payload_too_large`, never a parse of the rest.
public struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    /// One megabyte: a letter is at most 4,000 characters; no Samad request comes near this.
    public static var maxBytes: Int { 1_048_576 }

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength] {
            guard let length = Int(declared), length >= 0 else { throw HTTPError(.badRequest) }
            guard length <= Self.maxBytes else { throw HTTPError(.contentTooLarge) }
            if length == 0 { return try await next(request, context) }
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maxBytes)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge)
        }
        request.body = RequestBody(buffer: body)
        return try await next(request, context)
    }
}
