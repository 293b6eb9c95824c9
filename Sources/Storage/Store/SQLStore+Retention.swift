import Domain
import Foundation
import SQLKit

/// The scheduled purge: expired sign-in codes and sessions, old rate-limit windows and sent SMS
/// past their retention. Each is an idempotent delete; on PostgreSQL a transaction-scoped advisory
/// lock keeps two servers from running the same purge at once (the second skips its turn).
extension SQLStore: RetentionRepository {
    /// The advisory lock a purge holds on PostgreSQL for its transaction: one per schema, so
    /// installations (and test runs) sharing a database do not wait for each other.
    public static let purgeLockKey = "hashtext(current_schema() || ':samad-purge')"

    public func purgeExpired(_ policy: RetentionPolicy) async throws -> PurgeCounts? {
        let now = now()
        let codes = now.addingTimeInterval(-RetentionPolicy.expiredCodeGrace).millis
        let windows = now.addingTimeInterval(-RetentionPolicy.rateLimitWindowAge).millis
        let sms = now.addingTimeInterval(-policy.sentSMS).millis
        return try await client.write { db in
            if engine == .postgres {
                let got = try await db.raw("SELECT pg_try_advisory_xact_lock(\(unsafeRaw: Self.purgeLockKey)) AS got").one()
                guard try got.decode(column: "got", as: Bool.self) else { return nil }
            }
            func delete(_ sql: SQLQueryString) async throws -> Int {
                try await db.raw(sql + " RETURNING 1 AS gone").all().count
            }
            // A sent SMS's next_attempt_at is when it was sent, so the outbox's (status, next_attempt_at)
            // index finds the old ones without reading the table.
            let oldSMS: SQLQueryString = """
                SELECT id FROM notifications
                WHERE status = \(unsafeRaw: Self.literal(NotificationStatus.sent)) AND next_attempt_at < \(bind: sms) AND sent_at < \(bind: sms)
                """
            try await db.raw("DELETE FROM notification_attempts WHERE notification_id IN (" + oldSMS + ")").run()
            return PurgeCounts(
                signInCodes: try await delete("DELETE FROM otp_challenges WHERE expires_at < \(bind: codes)"),
                sessions: try await delete("DELETE FROM sessions WHERE expires_at < \(bind: now.millis)"),
                rateLimitWindows: try await delete("DELETE FROM rate_limit_windows WHERE window_start < \(bind: windows)"),
                sentSMS: try await delete("DELETE FROM notifications WHERE id IN (" + oldSMS + ")"))
        }
    }
}
