import Domain
import Foundation
import Hummingbird
import OpenAPIRuntime

/// Readies a request body for the generated decoders: an empty body is no body (a `POST …/close`
/// without one is the same as one without a note), and a JSON body with a `null` anywhere is refused
/// with 400 `null_not_allowed`. No field of openapi.yaml is nullable: a field is given or left out,
/// and the decoders could not tell `null` from "left out", so a client that sends `null` for a
/// required or typed field would otherwise be taken as if it had said nothing.
struct RequestBodyMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let body else { return try await next(request, nil, metadata) }
        if case .known(0) = body.length { return try await next(request, nil, metadata) }
        // BodyLimitMiddleware has already capped the body at 1 MB and collected it.
        let bytes = try await [UInt8](collecting: body, upTo: 1_048_576)
        if bytes.isEmpty { return try await next(request, nil, metadata) }
        let contentType = request.headerFields[.contentType]?.lowercased() ?? ""
        if contentType.hasPrefix("application/json"), JSONScan.containsNull(bytes) {
            throw DomainError.nullNotAllowed
        }
        return try await next(request, HTTPBody(bytes), metadata)
    }
}

/// A single pass over JSON text, outside its strings.
enum JSONScan {
    /// True when the text has a `null` literal (the only JSON token that starts with `n`) outside a
    /// string. Text that is not JSON may answer either way; the decoder refuses it next.
    static func containsNull(_ bytes: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "n") {
                return true
            }
        }
        return false
    }
}

extension DomainError {
    public static let nullNotAllowed = DomainError(
        .invalid, "null_not_allowed", fa: "مقدار null پذیرفته نیست؛ فیلدی را که مقدار ندارد نفرستید.",
        en: "null is not accepted; leave out a field that has no value.")
}
