/// The SMS outbox and a record of every delivery attempt.
struct M0004Notifications: Migration {
    let id = "0004_notifications"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE notifications (id \(engine.idColumn), case_id BIGINT NOT NULL REFERENCES cases(id),
                province_code TEXT NOT NULL, kind TEXT NOT NULL, mobile TEXT NOT NULL, text TEXT NOT NULL,
                status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL,
                claimed_until BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, sent_at BIGINT, last_error TEXT)
            """,
            "CREATE INDEX notifications_due ON notifications (status, next_attempt_at)",
            "CREATE INDEX notifications_by_case ON notifications (case_id)",
            """
            CREATE TABLE notification_attempts (id \(engine.idColumn),
                notification_id BIGINT NOT NULL REFERENCES notifications(id), at BIGINT NOT NULL,
                ok INTEGER NOT NULL, detail TEXT)
            """,
            "CREATE INDEX notification_attempts_by_notification ON notification_attempts (notification_id)",
        ]
    }
}
