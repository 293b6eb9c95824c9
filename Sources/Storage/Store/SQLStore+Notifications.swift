import Domain
import Foundation
import SQLKit

extension SQLStore: NotificationRepository {
    public func claimDue(limit: Int, lease: Duration) async throws -> [OutboundSMS] {
        let at = now()
        let until = at.addingTimeInterval(Double(lease.components.seconds)).millis
        // SKIP LOCKED lets any number of dispatchers share one PostgreSQL outbox.
        let skipLocked = engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await client.write { db in
            try await db.raw(
                """
                UPDATE notifications SET claimed_until = \(bind: until)
                WHERE id IN (SELECT id FROM notifications
                    WHERE status = \(unsafeRaw: Self.literal(NotificationStatus.pending.rawValue)) AND next_attempt_at <= \(bind: at.millis) AND claimed_until <= \(bind: at.millis)
                    ORDER BY next_attempt_at, id LIMIT \(literal: limit)\(unsafeRaw: skipLocked))
                RETURNING id, case_id, kind, mobile, text, status, attempts
                """
            ).all().map(Self.sms(from:)).sorted { $0.id < $1.id }
        }
    }

    public func recordAttempt(_ id: Int, ok: Bool, detail: String?, retryAt: Date?) async throws {
        let at = now().millis
        let status: NotificationStatus = ok ? .sent : (retryAt == nil ? .failed : .pending)
        try await client.write { db in
            try await db.raw(
                """
                INSERT INTO notification_attempts (notification_id, at, ok, detail)
                VALUES (\(bind: id), \(bind: at), \(bind: ok ? 1 : 0), \(bind: detail))
                """
            ).run()
            try await db.raw(
                """
                UPDATE notifications SET status = \(bind: status.rawValue), attempts = attempts + 1,
                    sent_at = \(bind: ok ? at : nil), last_error = \(bind: ok ? nil : detail),
                    next_attempt_at = \(bind: retryAt?.millis ?? at), claimed_until = 0
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    public func notifications(caseID: Int) async throws -> [OutboundSMS] {
        try await client.read { db in
            try await db.raw(
                "SELECT id, case_id, kind, mobile, text, status, attempts FROM notifications WHERE case_id = \(bind: caseID) ORDER BY id"
            ).all().map(Self.sms(from:))
        }
    }

    static func sms(from row: any SQLRow) throws -> OutboundSMS {
        OutboundSMS(
            id: try row.int("id"), caseID: try row.int("case_id"), kind: try row.enumValue("kind", as: NotificationKind.self),
            mobile: try row.string("mobile"), text: try row.string("text"),
            status: try row.enumValue("status", as: NotificationStatus.self), attempts: try row.int("attempts"))
    }
}
