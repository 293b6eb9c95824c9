import Domain
import Foundation
import Hummingbird
import NIOCore

/// A form a page accepts, as a typed struct: each field an optional string named as in its template
/// (a list of values is sent as `name[]`). Hummingbird's `URLEncodedFormDecoder` reads the body into
/// it, so a malformed body (a bad percent escape, a repeated or broken key) is a 400 before any
/// handler code runs, and a body over 64 KiB is a 413.
protocol PageForm: Decodable, Sendable {}

extension PageForm {
    /// The largest form body a page reads.
    static var maxBytes: Int { 64 * 1024 }

    /// Reads and decodes the request's form body.
    static func read(_ request: Request) async throws -> Self {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: maxBytes) } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge)
        }
        return try decode(String(buffer: buffer))
    }

    /// Decodes a form body; anything the decoder refuses is `malformed_form`.
    static func decode(_ body: String) throws -> Self {
        do {
            return try URLEncodedFormDecoder().decode(Self.self, from: body)
        } catch {
            throw DomainError.malformedForm
        }
    }

    /// The typed single values, to show again when the form comes back with errors.
    var kept: [String: String] {
        var kept: [String: String] = [:]
        for child in Mirror(reflecting: self).children {
            if let label = child.label, let value = child.value as? String { kept[label] = value }
        }
        return kept
    }
}
