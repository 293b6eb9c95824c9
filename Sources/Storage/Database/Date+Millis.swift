import Foundation

extension Date {
    /// Storage keeps instants as UTC milliseconds since 1970, the same on both engines.
    var millis: Int { Int((timeIntervalSince1970 * 1000).rounded()) }

    init(millis: Int) {
        self.init(timeIntervalSince1970: Double(millis) / 1000)
    }
}
