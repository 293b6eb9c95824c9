import Domain
import Foundation
import PersianKit

/// How the SMS outbox stands: what waits to be sent and what gave up.
public struct OutboxBacklog: Sendable, Equatable {
    /// Messages not yet sent (first attempt or a retry due later).
    public var waiting: Int
    /// When the oldest waiting message was written; nil when nothing waits.
    public var oldestWaitingSince: Date?
    /// Messages that gave up after their last retry.
    public var failed: Int

    public init(waiting: Int, oldestWaitingSince: Date?, failed: Int) {
        self.waiting = waiting
        self.oldestWaitingSince = oldestWaitingSince
        self.failed = failed
    }
}

/// One outbox message with what an operator needs to decide on it (never its text).
public struct OutboxEntry: Sendable, Equatable {
    public var id: Int
    public var kind: NotificationKind
    public var mobile: String
    public var status: NotificationStatus
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    /// nil for a sign-in code, which belongs to no case and no province.
    public var provinceCode: String?
    public var trackingCode: String?

    /// Only a message with a case can be sent again: a sign-in code is worthless once it gave up,
    /// and its text is gone.
    public var retryable: Bool { status == .failed && kind != .signInCode }

    /// As lists show it: `0912***4567`.
    public var maskedMobile: String { (try? MobileNumber(parsing: mobile))?.masked ?? "***" }
}
