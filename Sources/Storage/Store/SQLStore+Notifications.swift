import Domain
import Foundation
import PersianKit
import SQLKit

extension SQLStore: NotificationRepository {
    static let smsColumns = "id, case_id, kind, mobile, text, status, attempts, expires_at"

    public func claimDue(limit: Int, lease: Duration) async throws -> [OutboundSMS] {
        let at = now()
        let until = at.addingTimeInterval(Double(lease.components.seconds)).millis
        // SKIP LOCKED lets any number of dispatchers share one PostgreSQL outbox.
        let skipLocked = engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await client.write { db in
            // Sign-in codes first: someone is waiting at a form for them, and they expire in minutes.
            try await db.raw(
                """
                UPDATE notifications SET claimed_until = \(bind: until)
                WHERE id IN (SELECT id FROM notifications
                    WHERE status = \(unsafeRaw: Self.literal(NotificationStatus.pending.rawValue)) AND next_attempt_at <= \(bind: at.millis) AND claimed_until <= \(bind: at.millis)
                    ORDER BY CASE WHEN kind = \(unsafeRaw: Self.literal(NotificationKind.signInCode.rawValue)) THEN 0 ELSE 1 END, next_attempt_at, id
                    LIMIT \(literal: limit)\(unsafeRaw: skipLocked))
                RETURNING \(unsafeRaw: Self.smsColumns)
                """
            ).all().map(Self.sms(from:)).sorted { ($0.kind != .signInCode ? 1 : 0, $0.id) < ($1.kind != .signInCode ? 1 : 0, $1.id) }
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
                    next_attempt_at = \(bind: retryAt?.millis ?? at), claimed_until = 0,
                    text = \(unsafeRaw: status == .pending ? "text" : Self.blankedCodeText)
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    public func release(_ ids: [Int]) async throws {
        guard !ids.isEmpty else { return }
        try await client.write { db in
            try await db.raw("UPDATE notifications SET claimed_until = 0 WHERE id IN (\(binds: ids)) AND status = \(unsafeRaw: Self.literal(NotificationStatus.pending))").run()
        }
    }

    public func recordExpired(_ id: Int) async throws {
        try await client.write { db in
            try await db.raw(
                """
                UPDATE notifications SET status = \(unsafeRaw: Self.literal(NotificationStatus.expired)), claimed_until = 0, last_error = 'expired before it was sent',
                    text = \(unsafeRaw: Self.blankedCodeText)
                WHERE id = \(bind: id) AND status = \(unsafeRaw: Self.literal(NotificationStatus.pending))
                """
            ).run()
        }
    }

    public func enqueueSignInCode(challengeID: Int, mobile: MobileNumber, text: String) async throws -> Int {
        let at = now().millis
        return try await client.write { db in
            // The message lives exactly as long as the code it carries.
            try await db.raw(
                """
                INSERT INTO notifications (case_id, province_code, kind, mobile, text, status, attempts, next_attempt_at,
                    claimed_until, created_at, expires_at)
                SELECT NULL, NULL, \(unsafeRaw: Self.literal(NotificationKind.signInCode.rawValue)), \(bind: mobile.value), \(bind: text), \(unsafeRaw: Self.literal(NotificationStatus.pending)), 0, \(bind: at), 0, \(bind: at),
                    expires_at
                FROM otp_challenges WHERE id = \(bind: challengeID)
                RETURNING id
                """
            ).one().int("id")
        }
    }

    public func notifications(caseID: Int) async throws -> [OutboundSMS] {
        try await client.read { db in
            try await db.raw(
                "SELECT \(unsafeRaw: Self.smsColumns) FROM notifications WHERE case_id = \(bind: caseID) ORDER BY id"
            ).all().map(Self.sms(from:))
        }
    }

    public func notification(id: Int) async throws -> OutboundSMS? {
        try await client.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.smsColumns) FROM notifications WHERE id = \(bind: id)").first().map(Self.sms(from:))
        }
    }

    /// A sign-in code's text holds the code in clear: once the message is done with (sent, given up
    /// or expired) only an empty text stays in the database.
    static let blankedCodeText = "CASE WHEN kind = \(literal(NotificationKind.signInCode.rawValue)) THEN '' ELSE text END"

    static func sms(from row: any SQLRow) throws -> OutboundSMS {
        OutboundSMS(
            id: try row.int("id"), caseID: try row.optionalInt("case_id"),
            kind: try row.enumValue("kind", as: NotificationKind.self), mobile: try row.string("mobile"), text: try row.string("text"),
            status: try row.enumValue("status", as: NotificationStatus.self), attempts: try row.int("attempts"),
            expiresAt: try row.optionalDate("expires_at"))
    }
}
