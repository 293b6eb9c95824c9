import Domain
import Foundation
import Storage

/// An operator sends once more an SMS that gave up: the one rule behind the API operation and the
/// outbox page. A message outside the operator's province answers like a missing one.
public enum OutboxRetry {
    /// The message as it is after the retry (pending, due now).
    public static func retry(_ id: Int, by staff: Staff, outbox: any NotificationRepository) async throws -> OutboxEntry {
        try AccessPolicy.require(staff, may: .manageOutbox)
        guard let entry = try await outbox.outboxEntry(id: id), AccessPolicy.covers(staff, province: entry.provinceCode) else {
            throw notFound
        }
        guard entry.kind != .signInCode else { throw notRetryable }
        guard entry.status == .failed, try await outbox.retryFailed(id), let retried = try await outbox.outboxEntry(id: id) else {
            throw notFailed
        }
        return retried
    }

    public static let notFound = DomainError.notFound("notification", fa: "پیامک")

    public static let notFailed = DomainError(
        .conflict, "notification_not_failed", fa: "این پیامک ناموفق نمانده است که دوباره فرستاده شود.",
        en: "Only a message that gave up after its last retry can be retried.")

    public static let notRetryable = DomainError(
        .conflict, "notification_not_retryable", fa: "کد ورود دوباره فرستاده نمی‌شود؛ شهروند کد تازه بگیرد.",
        en: "A sign-in code is never sent again; the citizen asks for a new one.")
}
