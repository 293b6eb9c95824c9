import Foundation
import Hummingbird

extension Request {
    /// The query of a GET form as a browser encodes it (`application/x-www-form-urlencoded`: a space
    /// is `+`, everything else percent-escaped), first value of each name. Hummingbird's
    /// `queryParameters` leaves `+` as it is, so a tracking code typed in groups («۸۰۹ ۳۹۹ ۷۷۸ ۰۷»)
    /// would arrive as «۸۰۹+۳۹۹+۷۷۸+۰۷».
    var formQuery: [String: String] {
        guard let raw = uri.query, !raw.isEmpty else { return [:] }
        func decode(_ part: Substring) -> String {
            let spaced = part.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        var values: [String: String] = [:]
        for pair in raw.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            if values[name] == nil { values[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return values
    }
}
