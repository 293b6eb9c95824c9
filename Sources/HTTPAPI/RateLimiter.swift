import Domain
import Foundation

/// Fixed-window counters per key (an address, a username, a mobile, a tracking code), in memory.
/// Each server process limits on its own; behind N servers the effective limit is N times higher,
/// which still stops guessing by many orders of magnitude.
public actor RateLimiter {
    /// At most `limit` hits per `window` seconds.
    public struct Rule: Sendable {
        public let limit: Int
        public let window: TimeInterval
        public init(limit: Int, window: TimeInterval) {
            self.limit = limit
            self.window = window
        }
    }

    private var windows: [String: (start: Date, count: Int)] = [:]
    private var hitsSinceSweep = 0

    public init() {}

    /// Counts a hit; throws `rate_limited` with the seconds to wait when the key is over its rule.
    public func hit(_ key: String, _ rule: Rule, now: Date) throws {
        sweep(now: now)
        var entry = windows[key] ?? (now, 0)
        if now.timeIntervalSince(entry.start) >= rule.window { entry = (now, 0) }
        entry.count += 1
        windows[key] = entry
        if entry.count > rule.limit {
            let wait = Int((rule.window - now.timeIntervalSince(entry.start)).rounded(.up))
            throw DomainError.rateLimited(retryAfter: max(1, wait))
        }
    }

    /// Forgets windows that ended long ago, so memory stays bounded under scans.
    private func sweep(now: Date) {
        hitsSinceSweep += 1
        guard hitsSinceSweep >= 10_000 else { return }
        hitsSinceSweep = 0
        windows = windows.filter { now.timeIntervalSince($0.value.start) < 3_600 }
    }
}

/// The limits Samad applies; each names what it protects.
public enum RateLimits {
    /// Public tracking look-ups per address: enough for a family, far too few to guess codes.
    public static let trackPerAddress = RateLimiter.Rule(limit: 30, window: 60)
    /// Look-ups of one tracking code (with any mobile).
    public static let trackPerCode = RateLimiter.Rule(limit: 10, window: 60)
    public static let loginPerAddress = RateLimiter.Rule(limit: 20, window: 60)
    public static let loginPerUsername = RateLimiter.Rule(limit: 10, window: 900)
    public static let codeRequestPerAddress = RateLimiter.Rule(limit: 10, window: 600)
    public static let codeRequestPerMobile = RateLimiter.Rule(limit: 3, window: 600)
    public static let codeVerifyPerAddress = RateLimiter.Rule(limit: 30, window: 600)
}
