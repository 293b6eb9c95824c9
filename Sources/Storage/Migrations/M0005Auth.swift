/// Sign-in: staff passwords with lock-out and optional TOTP, server-side sessions for staff and
/// citizens, one-time codes for citizens, and per-token permissions.
struct M0005Auth: Migration {
    let id = "0005_auth"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE staff ADD COLUMN locked_until BIGINT",
            "ALTER TABLE staff ADD COLUMN totp_secret TEXT",
            "ALTER TABLE api_tokens ADD COLUMN permissions TEXT NOT NULL DEFAULT '*'",
            """
            CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, staff_id BIGINT REFERENCES staff(id),
                citizen_mobile TEXT, csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL)
            """,
            "CREATE INDEX sessions_by_staff ON sessions (staff_id)",
            """
            CREATE TABLE otp_challenges (id \(engine.idColumn), mobile TEXT NOT NULL, code_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                used INTEGER NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX otp_challenges_by_mobile ON otp_challenges (mobile, created_at)",
        ]
    }
}
