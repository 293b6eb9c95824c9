import Foundation
import HTTPTypes
import Hummingbird

extension Request {
    /// Whether a browser says this request comes from another site: `Sec-Fetch-Site: cross-site`,
    /// or an `Origin` whose host and port are not the ones the request was sent to. A page write
    /// from another site is refused, sign-in included (login CSRF: another site signing a visitor
    /// in to an account of its own). Requests with neither header (curl, old browsers) pass here;
    /// staff writes carry the session's CSRF token as well.
    var isCrossSite: Bool {
        if headers[Self.secFetchSite] == "cross-site" { return true }
        guard let origin = headers[.origin] else { return false }
        guard let from = URLComponents(string: origin), let fromHost = from.host,
            let authority = head.authority, let to = URLComponents(string: "//" + authority), let toHost = to.host
        else { return true }
        let defaultPort = from.scheme == "https" ? 443 : 80
        return fromHost.lowercased() != toHost.lowercased() || (from.port ?? defaultPort) != (to.port ?? defaultPort)
    }

    private static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
