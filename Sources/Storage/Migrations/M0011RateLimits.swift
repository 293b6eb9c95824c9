/// Rate-limit windows shared by every server process on one database, so a limit holds behind a
/// load balancer too. Counters are worth nothing after a crash: PostgreSQL keeps them UNLOGGED.
struct M0011RateLimits: Migration {
    let id = "0011_rate_limits"

    func statements(_ engine: DatabaseEngine) -> [String] {
        let unlogged = engine == .postgres ? "UNLOGGED " : ""
        return [
            """
            CREATE \(unlogged)TABLE rate_limit_windows (bucket_key TEXT PRIMARY KEY, window_start BIGINT NOT NULL,
                hits INTEGER NOT NULL)
            """,
            "CREATE INDEX rate_limit_windows_by_start ON rate_limit_windows (window_start)",
        ]
    }
}
