import Domain
import Foundation
import Storage

/// Fixed-window counters per key (an address, a username, a mobile, a tracking code).
///
/// Where the counters live is chosen at start: in this process's memory (one server on SQLite:
/// the fastest), or in the database every server shares (several servers behind a load balancer on
/// PostgreSQL), where a limit holds however many processes answer.
public struct RateLimiter: Sendable {
    /// At most `limit` hits per `window` seconds.
    public struct Rule: Sendable {
        public let limit: Int
        public let window: TimeInterval
        public init(limit: Int, window: TimeInterval) {
            self.limit = limit
            self.window = window
        }
    }

    /// Where the windows are counted.
    public enum Backend: Sendable {
        case memory
        case shared(any RateLimitRepository)
    }

    private let memory = MemoryWindows()
    private let shared: (any RateLimitRepository)?
    private let sweeper = SharedSweeper()

    public init(_ backend: Backend = .memory) {
        if case .shared(let repository) = backend { shared = repository } else { shared = nil }
    }

    /// Counts a hit; throws `rate_limited` with the seconds to wait when the key is over its rule.
    public func hit(_ key: String, _ rule: Rule, now: Date) async throws {
        let (hits, start): (Int, Date)
        if let shared {
            (hits, start) = try await shared.countHit(key: key, window: rule.window, now: now)
            if await sweeper.due() { try await shared.forgetRateLimitWindows(before: now.addingTimeInterval(-MemoryWindows.keep)) }
        } else {
            (hits, start) = await memory.count(key, window: rule.window, now: now)
        }
        if hits > rule.limit {
            let wait = Int((rule.window - now.timeIntervalSince(start)).rounded(.up))
            throw DomainError.rateLimited(retryAfter: max(1, wait))
        }
    }

    /// Seconds until `key` may be tried again when its window is used up, without counting a hit;
    /// nil while it is under its rule. Failed sign-ins are checked this way and counted only when they fail.
    public func waitTime(_ key: String, _ rule: Rule, now: Date) async throws -> Int? {
        let current: (hits: Int, windowStart: Date)?
        if let shared {
            current = try await shared.currentHits(key: key, window: rule.window, now: now)
        } else {
            current = await memory.peek(key, window: rule.window, now: now)
        }
        guard let current, current.hits >= rule.limit else { return nil }
        return max(1, Int((rule.window - now.timeIntervalSince(current.windowStart)).rounded(.up)))
    }

    /// Counts a hit without refusing it (a failure, counted after the fact).
    public func record(_ key: String, _ rule: Rule, now: Date) async throws {
        if let shared {
            _ = try await shared.countHit(key: key, window: rule.window, now: now)
        } else {
            _ = await memory.count(key, window: rule.window, now: now)
        }
    }
}

/// The in-process windows.
private actor MemoryWindows {
    /// No rule's window is longer than this; older windows are forgotten.
    static let keep: TimeInterval = 3_600
    private var windows: [String: (start: Date, count: Int)] = [:]
    private var hitsSinceSweep = 0

    func count(_ key: String, window: TimeInterval, now: Date) -> (Int, Date) {
        sweep(now: now)
        var entry = windows[key] ?? (now, 0)
        if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
        entry.count += 1
        windows[key] = entry
        return (entry.count, entry.start)
    }

    func peek(_ key: String, window: TimeInterval, now: Date) -> (hits: Int, windowStart: Date)? {
        guard let entry = windows[key], now.timeIntervalSince(entry.start) < window else { return nil }
        return (entry.count, entry.start)
    }

    /// Forgets windows that ended long ago, so memory stays bounded under scans.
    private func sweep(now: Date) {
        hitsSinceSweep += 1
        guard hitsSinceSweep >= 10_000 else { return }
        hitsSinceSweep = 0
        windows = windows.filter { now.timeIntervalSince($0.value.start) < Self.keep }
    }
}

/// Every 10,000th hit of this process also clears old shared windows.
private actor SharedSweeper {
    private var hits = 0
    func due() -> Bool {
        hits += 1
        guard hits >= 10_000 else { return false }
        hits = 0
        return true
    }
}

/// The limits Samad applies; each names what it protects.
public enum RateLimits {
    /// Public tracking look-ups per address: enough for a family, far too few to guess codes.
    public static let trackPerAddress = RateLimiter.Rule(limit: 30, window: 60)
    /// Look-ups of one tracking code (with any mobile).
    public static let trackPerCode = RateLimiter.Rule(limit: 10, window: 60)
    /// Sign-in attempts per address, whatever the username.
    public static let loginPerAddress = RateLimiter.Rule(limit: 20, window: 60)
    /// Failed sign-ins of one username from one address: five, then that address waits 15 minutes.
    /// Keyed by username and address, so a stranger elsewhere cannot lock the real user out.
    public static let loginFailuresPerUserAddress = RateLimiter.Rule(limit: 5, window: 900)
    public static let codeRequestPerAddress = RateLimiter.Rule(limit: 10, window: 600)
    public static let codeRequestPerMobile = RateLimiter.Rule(limit: 3, window: 600)
    public static let codeVerifyPerAddress = RateLimiter.Rule(limit: 30, window: 600)
    /// Letters from the public form per address: a family or a small office behind one address
    /// writes a few an hour; a script sending thousands (and SMS 1 to a stranger each time) stops.
    public static let letterPerAddress = RateLimiter.Rule(limit: 20, window: 3600)
    /// Citizen look-ups at the operator console per staff member: a busy shift needs a few a minute.
    public static let citizenLookupPerStaff = RateLimiter.Rule(limit: 60, window: 600)
    /// Letters from the public form to one mobile a day, whatever the address.
    public static let letterPerMobile = RateLimiter.Rule(limit: 5, window: 86_400)
}
