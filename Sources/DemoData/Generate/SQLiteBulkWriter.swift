import Foundation
import NIOPosix
import SQLiteKit
import Synchronization

/// Bulk inserts into the SQLite file on a connection of its own: WAL and `synchronous=FULL` as the
/// server uses them, multi-row INSERTs of a few thousand binds each, one commit per ~100,000 cases.
final class SQLiteBulkWriter: BulkWriter {
    struct Statement: Sendable {
        let sql: String
        let binds: [SQLiteData]
    }

    /// Binds per statement: large enough that preparing a statement is cheap per row, small enough to
    /// stay in the CPU cache (the library allows 250,000).
    private static let bindsPerStatement = 8_000
    private static let casesPerCommit = 100_000

    private let connection: SQLiteConnection
    private let uncommitted = Mutex(0)

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    static func open(path: String) async throws -> SQLiteBulkWriter {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        // FULL as the server runs it; a big page cache keeps the random inserts into the tracking-code,
        // national-ID and search indexes off the disk.
        for pragma in [
            "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000", "PRAGMA cache_size=-1048576",
            "PRAGMA temp_store=MEMORY",
        ] {
            _ = try await connection.query(pragma)
        }
        return SQLiteBulkWriter(connection: connection)
    }

    func prepare(_ rows: BulkRows) -> [Statement] {
        var statements: [Statement] = []
        for table in BulkTable.allCases {
            let width = table.columns.count
            let cells = rows.cells[table.rawValue]
            let perStatement = max(1, Self.bindsPerStatement / width)
            var start = 0
            let total = cells.count / width
            while start < total {
                let count = min(perStatement, total - start)
                var binds: [SQLiteData] = []
                binds.reserveCapacity(count * width)
                for cell in cells[(start * width)..<((start + count) * width)] {
                    switch cell {
                    case .int(let v): binds.append(.integer(v))
                    case .text(let v): binds.append(.text(v))
                    case .null: binds.append(.null)
                    }
                }
                statements.append(Statement(sql: table.insertSQL(rows: count) { _ in "?" }, binds: binds))
                start += count
            }
        }
        return statements
    }

    func write(_ prepared: [Statement], cases: Int) async throws {
        if uncommitted.withLock({ $0 }) == 0 { _ = try await connection.query("BEGIN IMMEDIATE") }
        for statement in prepared {
            try await connection.query(statement.sql, statement.binds) { _ in }
        }
        let pending = uncommitted.withLock { $0 += cases; return $0 }
        if pending >= Self.casesPerCommit {
            _ = try await connection.query("COMMIT")
            uncommitted.withLock { $0 = 0 }
        }
    }

    func finish() async throws {
        if uncommitted.withLock({ $0 }) > 0 { _ = try await connection.query("COMMIT") }
        uncommitted.withLock { $0 = 0 }
        // Fresh statistics let the planner pick the province and status indexes on the big table.
        _ = try await connection.query("ANALYZE")
        _ = try await connection.query("PRAGMA wal_checkpoint(TRUNCATE)")
        try await connection.close()
    }
}
