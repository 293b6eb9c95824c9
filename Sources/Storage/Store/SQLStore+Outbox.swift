import Domain
import Foundation
import SQLKit

/// The outbox as operators see it: the backlog, the messages that gave up, and their retry.
extension SQLStore {
    public func outboxBacklog(province: String?) async throws -> OutboxBacklog {
        try await client.read { db in
            var waitingSQL: SQLQueryString = "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM notifications WHERE status = \(unsafeRaw: Self.literal(NotificationStatus.pending))"
            var failedSQL: SQLQueryString = "SELECT COUNT(*) AS n FROM notifications WHERE status = \(unsafeRaw: Self.literal(NotificationStatus.failed))"
            if let province {
                waitingSQL += " AND province_code = \(bind: province)"
                failedSQL += " AND province_code = \(bind: province)"
            }
            let waiting = try await db.raw(waitingSQL).one()
            let failed = try await db.raw(failedSQL).one()
            return OutboxBacklog(
                waiting: try waiting.int("n"), oldestWaitingSince: try waiting.optionalDate("oldest"), failed: try failed.int("n"))
        }
    }

    public func failedNotifications(province: String?, limit: Int) async throws -> [OutboxEntry] {
        try await client.read { db in
            var sql: SQLQueryString = "\(unsafeRaw: Self.entrySelect) WHERE n.status = \(unsafeRaw: Self.literal(NotificationStatus.failed))"
            if let province { sql += " AND n.province_code = \(bind: province)" }
            sql += " ORDER BY n.id DESC LIMIT \(literal: limit)"
            return try await db.raw(sql).all().map(Self.entry(from:))
        }
    }

    public func outboxEntry(id: Int) async throws -> OutboxEntry? {
        try await client.read { db in
            try await db.raw("\(unsafeRaw: Self.entrySelect) WHERE n.id = \(bind: id)").first().map(Self.entry(from:))
        }
    }

    public func retryFailed(_ id: Int) async throws -> Bool {
        let at = now().millis
        return try await client.write { db in
            // One more attempt, now; should it fail too, the message gives up again at once (it has
            // had every backoff already) and waits for the next operator's decision.
            try await db.raw(
                """
                UPDATE notifications SET status = \(unsafeRaw: Self.literal(NotificationStatus.pending)), next_attempt_at = \(bind: at), claimed_until = 0
                WHERE id = \(bind: id) AND status = \(unsafeRaw: Self.literal(NotificationStatus.failed)) AND kind <> \(unsafeRaw: Self.literal(NotificationKind.signInCode.rawValue)) RETURNING id
                """
            ).first() != nil
        }
    }

    static let entrySelect = """
        SELECT n.id, n.kind, n.mobile, n.status, n.attempts, n.last_error, n.created_at, n.province_code, c.tracking_code
        FROM notifications n LEFT JOIN cases c ON c.id = n.case_id
        """

    static func entry(from row: any SQLRow) throws -> OutboxEntry {
        OutboxEntry(
            id: try row.int("id"), kind: try row.enumValue("kind", as: NotificationKind.self), mobile: try row.string("mobile"),
            status: try row.enumValue("status", as: NotificationStatus.self), attempts: try row.int("attempts"),
            lastError: try row.optionalString("last_error"), createdAt: try row.date("created_at"),
            provinceCode: try row.optionalString("province_code"), trackingCode: try row.optionalString("tracking_code"))
    }
}
