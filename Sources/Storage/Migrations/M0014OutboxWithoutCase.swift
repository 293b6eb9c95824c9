/// Sign-in codes go through the outbox like every other SMS, so an outage of the gateway makes a code
/// wait instead of failing the request. A code belongs to no case and no province, and is worthless
/// after its own expiry: `case_id` and `province_code` become optional, and `expires_at` says when
/// a message is no longer to be sent.
///
/// PostgreSQL changes the columns in place. SQLite cannot drop a NOT NULL, so it rebuilds
/// `notifications` as its manual prescribes (new table, copy, drop, rename, with foreign-key
/// enforcement off and checked after); `notification_attempts` keeps referring to it by name.
struct M0014OutboxWithoutCase: Migration {
    let id = "0014_outbox_without_case"
    let rebuildsTables = true

    func statements(_ engine: DatabaseEngine) -> [String] {
        let indexes = [
            "CREATE INDEX notifications_due ON notifications (status, next_attempt_at)",
            "CREATE INDEX notifications_by_case ON notifications (case_id)",
        ]
        switch engine {
        case .postgres:
            return [
                "ALTER TABLE notifications ALTER COLUMN case_id DROP NOT NULL",
                "ALTER TABLE notifications ALTER COLUMN province_code DROP NOT NULL",
                "ALTER TABLE notifications ADD COLUMN expires_at BIGINT",
            ]
        case .sqlite:
            return [
                """
                CREATE TABLE notifications_rebuilt (id \(engine.idColumn), case_id BIGINT REFERENCES cases(id),
                    province_code TEXT, kind TEXT NOT NULL, mobile TEXT NOT NULL, text TEXT NOT NULL,
                    status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL,
                    claimed_until BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, sent_at BIGINT, last_error TEXT,
                    expires_at BIGINT)
                """,
                """
                INSERT INTO notifications_rebuilt (id, case_id, province_code, kind, mobile, text, status, attempts,
                    next_attempt_at, claimed_until, created_at, sent_at, last_error)
                SELECT id, case_id, province_code, kind, mobile, text, status, attempts, next_attempt_at, claimed_until,
                    created_at, sent_at, last_error
                FROM notifications
                """,
                "DROP TABLE notifications",
                "ALTER TABLE notifications_rebuilt RENAME TO notifications",
            ] + indexes
        }
    }
}
