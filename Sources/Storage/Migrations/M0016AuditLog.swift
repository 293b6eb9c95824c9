/// The audit log: staff, token, reference-data, sign-in and erasure actions, one global hash chain
/// (`seq`, `prev_hash`, `hash`) whose head (row count and last hash) lives in the one row of
/// `audit_head`. Appending locks that row, so concurrent writers on PostgreSQL take turns and the
/// chain cannot fork; SQLite's writes are serialised already.
struct M0016AuditLog: Migration {
    let id = "0016_audit_log"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE audit_log (id \(engine.idColumn), seq BIGINT NOT NULL UNIQUE, at BIGINT NOT NULL,
                actor_kind TEXT NOT NULL, actor_id BIGINT, actor_name TEXT NOT NULL, client_address TEXT,
                action TEXT NOT NULL, target_kind TEXT, target_id BIGINT, target_name TEXT, detail TEXT,
                prev_hash TEXT, hash TEXT NOT NULL)
            """,
            "CREATE INDEX audit_log_by_at ON audit_log (at)",
            "CREATE TABLE audit_head (id INTEGER PRIMARY KEY, entry_count BIGINT NOT NULL, head TEXT)",
            "INSERT INTO audit_head (id, entry_count, head) VALUES (1, 0, NULL)",
        ]
    }
}
