/// Staff accounts and their API tokens (stored as SHA-256 hashes only).
struct M0002Staff: Migration {
    let id = "0002_staff"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE staff (id \(engine.idColumn), username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
                role TEXT NOT NULL, province_code TEXT REFERENCES provinces(code),
                agency_id BIGINT REFERENCES agencies(id), password_hash TEXT, active INTEGER NOT NULL DEFAULT 1,
                created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE api_tokens (id \(engine.idColumn), staff_id BIGINT NOT NULL REFERENCES staff(id),
                token_hash TEXT NOT NULL UNIQUE, label TEXT, created_at BIGINT NOT NULL, last_used_at BIGINT,
                revoked_at BIGINT)
            """,
        ]
    }
}
