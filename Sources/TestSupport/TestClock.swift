import Foundation
import Synchronization

/// A clock tests set and move by hand; every write in the app reads it.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// 1402/03/04 08:30 Tehran by default: a Thursday morning.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_684_990_800)) {
        current = Mutex(start)
    }

    public var now: Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
