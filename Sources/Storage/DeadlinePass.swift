/// What one pass of the deadline watcher did.
public struct DeadlinePass: Sendable, Hashable {
    /// Due referrals the pass read, whatever it then found under the case's lock.
    public var read = 0
    /// Referrals whose check had come.
    public var looked = 0
    public var reminded = 0
    /// Referrals that reached escalation level 1, and level 2, in this pass.
    public var level1 = 0
    public var level2 = 0
    /// Referrals whose case another server held; the next pass looks at them.
    public var skipped = 0

    public init() {}

    public static func += (a: inout DeadlinePass, b: DeadlinePass) {
        a.read += b.read
        a.looked += b.looked
        a.reminded += b.reminded
        a.level1 += b.level1
        a.level2 += b.level2
        a.skipped += b.skipped
    }

    /// The pass read fewer due referrals than it could: nothing else is due now.
    public func exhausted(limit: Int) -> Bool { read < limit }
}

/// What one auto-close pass did.
public struct AutoClosePass: Sendable, Hashable {
    /// Answered cases whose wait had run out, now closed.
    public var closed = 0
    /// Cases another server held; the next pass looks at them.
    public var skipped = 0

    public init() {}

    public static func += (a: inout AutoClosePass, b: AutoClosePass) {
        a.closed += b.closed
        a.skipped += b.skipped
    }

    /// The pass closed fewer cases than it could: nothing else is due now.
    public func exhausted(limit: Int) -> Bool { closed + skipped < limit }
}
