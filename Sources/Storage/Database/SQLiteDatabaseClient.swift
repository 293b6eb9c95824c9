import Foundation
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// Embedded SQLite in WAL mode with `synchronous=FULL`: one writer connection whose concurrent
/// transactions are committed together (group commit), and a few reader connections.
final class SQLiteDatabaseClient: DatabaseClient {
    let engine = DatabaseEngine.sqlite
    private let writer: SQLiteWriteQueue
    private let readers: [SQLiteConnection]
    private let writerConnection: SQLiteConnection
    /// Round-robin choice of reader connection.
    private let next = Atomic<UInt>(0)
    private let closed = Mutex(false)

    private init(writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.writerConnection = writer
        self.writer = SQLiteWriteQueue(connection: writer)
        self.readers = readers
    }

    static func open(path: String, readerCount: Int = 4) async throws -> SQLiteDatabaseClient {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        var opened: [SQLiteConnection] = []
        do {
            let writer = try await connect(path: path)
            opened.append(writer)
            // WAL lets readers run beside the writer; FULL makes every commit survive power loss.
            _ = try await writer.query("PRAGMA journal_mode=WAL")
            var readers: [SQLiteConnection] = []
            for _ in 0..<readerCount {
                readers.append(try await connect(path: path))
                opened.append(readers[readers.count - 1])
            }
            return SQLiteDatabaseClient(writer: writer, readers: readers)
        } catch {
            // A file that is no database (a damaged backup): close what was opened before saying so.
            for connection in opened { try? await connection.close() }
            throw error
        }
    }

    private static func connect(path: String) async throws -> SQLiteConnection {
        let conn = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            for pragma in ["PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000"] {
                _ = try await conn.query(pragma)
            }
        } catch {
            try? await conn.close()
            throw error
        }
        return conn
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let conn = readers[Int(next.wrappingAdd(1, ordering: .relaxed).newValue % UInt(readers.count))]
        do {
            return try await body(conn.sql())
        } catch {
            throw DatabaseFault.translate(error)
        }
    }

    /// A full disk (SQLITE_FULL) or an I/O error fails the batch it hit, which SQLite rolls back, and
    /// answers 503 (`DomainError.databaseUnavailable`); the file stays consistent, reads go on, and
    /// writes succeed again once there is space, with no restart.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await writer.submit(body)
        } catch {
            throw DatabaseFault.translate(error)
        }
    }

    func writeRebuildingTables<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writer.submitAlone { db in
            // Enforcement can only be switched outside a transaction.
            try await db.raw("PRAGMA foreign_keys=OFF").run()
            do {
                try await db.raw("BEGIN IMMEDIATE").run()
                do {
                    let value = try await body(db)
                    let dangling = try await db.raw("PRAGMA foreign_key_check").all()
                    guard dangling.isEmpty else { throw StorageError.corrupt("\(dangling.count) rows refer to missing keys after a rebuild") }
                    try await db.raw("COMMIT").run()
                    try await db.raw("PRAGMA foreign_keys=ON").run()
                    return value
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            } catch {
                try? await db.raw("PRAGMA foreign_keys=ON").run()
                throw error
            }
        }
    }

    func shutdown() async throws {
        // The app's service group and a test may both close it; the second call does nothing.
        guard closed.withLock({ let was = $0; $0 = true; return !was }) else { return }
        // Closing must finish even when the caller is being cancelled (a service group shutting down).
        let readers = readers, writer = writerConnection
        try await Task {
            for r in readers { try await r.close() }
            try await writer.close()
        }.value
    }
}
