import Crypto
import Foundation
import HTTPAPI
import Workflow
import Hummingbird

/// Who may read `/metrics`: it tells request rates, error counts and queue sizes, which are nobody
/// else's business. With `SAMAD_METRICS_TOKEN` only a scraper sending that bearer token; without
/// it only a client on this machine (the client address as `RequestIdentity` has it).
enum MetricsAccess {
    static func allows(_ request: Request, token: String?) -> Bool {
        if let token {
            guard let sent = request.headers[.authorization], sent.hasPrefix("Bearer ") else { return false }
            // Compared as digests, so the time taken says nothing about how much of it matched.
            return SHA256.hash(data: Data(sent.dropFirst("Bearer ".count).utf8)) == SHA256.hash(data: Data(token.utf8))
        }
        let address = RequestIdentity.current.remoteAddress
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
