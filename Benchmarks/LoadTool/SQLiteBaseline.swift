import Foundation
import SQLiteKit

/// The storage limit of this machine: raw batched inserts into a temporary SQLite file in WAL mode
/// with `synchronous=FULL`, one fsync per batch, no HTTP and no application code.
enum SQLiteBaseline {
    struct Result: Sendable {
        let rows: Int
        let batches: Int
        let seconds: Double
        var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
        var commitsPerSecond: Double { seconds > 0 ? Double(batches) / seconds : 0 }
    }

    /// Inserts `rows` case-sized rows in transactions of `batch` rows, stopping early at `timeLimit`.
    static func run(rows: Int, batch: Int, timeLimit: Duration) async throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samad-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try await SQLiteConnection.open(storage: .file(path: dir.appendingPathComponent("baseline.sqlite").path))
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"] { _ = try await db.query(pragma) }
        _ = try await db.query(
            "CREATE TABLE cases (id INTEGER PRIMARY KEY, tracking_code TEXT NOT NULL UNIQUE, body TEXT NOT NULL, created_at INTEGER NOT NULL)")
        let text = String(repeating: "درخواست وام قرض‌الحسنه برای هزینه درمان ", count: 8)
        let statement = "INSERT INTO cases (tracking_code, body, created_at) VALUES " + Array(repeating: "(?, ?, ?)", count: batch).joined(separator: ", ")
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: timeLimit)
        var written = 0
        var batches = 0
        while written + batch <= rows, clock.now < deadline {
            var binds: [SQLiteData] = []
            binds.reserveCapacity(batch * 3)
            for i in written..<(written + batch) {
                binds.append(.text(String(10_000_000_000 + i * 7_919)))
                binds.append(.text(text))
                binds.append(.integer(i))
            }
            _ = try await db.query("BEGIN IMMEDIATE")
            try await db.query(statement, binds) { _ in }
            _ = try await db.query("COMMIT")
            written += batch
            batches += 1
        }
        let elapsed = clock.now - start
        try await db.close()
        return Result(
            rows: written, batches: batches,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
