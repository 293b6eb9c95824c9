import Foundation
import Hummingbird

/// Responses the pages send.
enum HTML {
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// After a successful POST: see-other, so a reload does not submit twice.
    static func redirect(_ url: String) -> Response {
        Response(status: .seeOther, headers: [.location: url])
    }
}
