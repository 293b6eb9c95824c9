import Foundation
import SQLKit

extension SQLStore: RateLimitRepository {
    /// One statement, atomic on both engines: concurrent servers never lose a hit.
    public func countHit(key: String, window: TimeInterval, now: Date) async throws -> (hits: Int, windowStart: Date) {
        let nowMillis = now.millis
        let expired = nowMillis - Int(window * 1000)
        return try await client.write { db in
            let row = try await db.raw(
                """
                INSERT INTO rate_limit_windows (bucket_key, window_start, hits) VALUES (\(bind: key), \(bind: nowMillis), 1)
                ON CONFLICT (bucket_key) DO UPDATE SET
                    hits = CASE WHEN rate_limit_windows.window_start <= \(bind: expired) THEN 1 ELSE rate_limit_windows.hits + 1 END,
                    window_start = CASE WHEN rate_limit_windows.window_start <= \(bind: expired) THEN \(bind: nowMillis)
                        ELSE rate_limit_windows.window_start END
                RETURNING hits, window_start
                """
            ).first()
            guard let row else { throw StorageError.corrupt("rate_limit_windows upsert returned no row") }
            return (try row.int("hits"), try row.date("window_start"))
        }
    }

    public func currentHits(key: String, window: TimeInterval, now: Date) async throws -> (hits: Int, windowStart: Date)? {
        let expired = now.millis - Int(window * 1000)
        return try await client.read { db in
            try await db.raw(
                """
                SELECT hits, window_start FROM rate_limit_windows
                WHERE bucket_key = \(bind: key) AND window_start > \(bind: expired)
                """
            ).first().map { row in (try row.int("hits"), try row.date("window_start")) }
        }
    }

    public func forgetRateLimitWindows(before cutoff: Date) async throws {
        try await client.write { db in
            try await db.raw("DELETE FROM rate_limit_windows WHERE window_start < \(bind: cutoff.millis)").run()
        }
    }
}
