import Domain
import Foundation
import Logging
import PostgresKit
import SQLiteKit

/// Recognises the database errors that mean "the database cannot serve now" rather than "this
/// statement is wrong": PostgreSQL down, restarting or out of connections, a connection lost mid-way,
/// SQLite's disk full or an I/O failure. Each becomes `DomainError.databaseUnavailable` (503 with
/// `Retry-After`), so a client retries instead of seeing a 500; every other error passes unchanged.
///
/// Nothing written in the failed transaction is kept: PostgreSQL rolls it back with the connection,
/// SQLite rolls back the batch. A COMMIT whose answer was lost may still have committed; a retry with
/// the same `Idempotency-Key` then answers that case.
enum DatabaseFault {
    static let logger = Logger(label: "samad.database")

    /// The error to throw in place of `error`.
    static func translate(_ error: any Error) -> any Error {
        if let error = error as? DomainError { return error }
        guard let cause = unavailableCause(error) else { return error }
        logger.warning("database unavailable", metadata: ["cause": "\(cause)"])
        return DomainError.databaseUnavailable
    }

    /// A short description of why the database is unavailable, or nil when `error` is something else.
    static func unavailableCause(_ error: any Error) -> String? {
        switch error {
        case let error as PSQLError:
            switch error.code {
            case .serverClosedConnection, .connectionError, .uncleanShutdown, .clientClosedConnection, .poolClosed:
                return "postgres: \(error.code)"
            case .server:
                let state = error.serverInfo?[.sqlState] ?? ""
                // 08: connection exception; 57: operator intervention (shutdown, "starting up");
                // 53: insufficient resources (disk full, too many connections); 25006: a read-only
                // server (a standby after a failover, before the new primary is found).
                if state.hasPrefix("08") || state.hasPrefix("57") || state.hasPrefix("53") || state == "25006" {
                    return "postgres: SQLSTATE \(state) \(error.serverInfo?[.message] ?? "")"
                }
                return nil
            default:
                return nil
            }
        case let error as SQLiteError:
            return sqliteUnavailable(error.reason) ? "sqlite: \(error)" : nil
        case is PostgresLeaseTimeout:
            return "postgres: no connection within \(PostgresLeaseTimeout.seconds) s"
        case is PostgresConnectionLost:
            return "postgres: connection closed while in use"
        case is ChannelError, is IOError:
            return "connection: \(error)"
        default:
            // The connection pool's own error (its module is not ours to import): after a long outage it
            // refuses leases at once ("circuit breaker tripped") until a connection succeeds again.
            if String(describing: type(of: error)) == "ConnectionPoolError" { return "postgres pool: \(error)" }
            return nil
        }
    }

    private static func sqliteUnavailable(_ reason: SQLiteError.Reason) -> Bool {
        switch reason {
        case .full, .ioError, .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked, .cantOpen, .noMemory,
            .readOnly, .readonlyCantLock, .readonlyInRecovery, .readonlyDirectory, .readonlyBackingMoved,
            .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync,
            .ioErrorFailedTruncate, .ioErrorFailedStat, .ioErrorNoMemory, .ioErrorFailedSharedMemOpen,
            .ioErrorFailedSharedMemSize, .ioErrorFailedSharedMemMap, .ioErrorFailedLockCheck, .ioErrorFailedAccess:
            true
        default:
            false
        }
    }
}

/// No pooled PostgreSQL connection came free within `seconds`: the server is down, restarting, or
/// every connection is busy.
struct PostgresLeaseTimeout: Error, CustomStringConvertible {
    static let seconds = 5
    var description: String { "no PostgreSQL connection within \(Self.seconds) s" }
}

/// The connection a request was using closed before its work finished (the server stopped or ended
/// the backend); nothing uncommitted was kept, and a lost COMMIT answer is what `Idempotency-Key` is for.
struct PostgresConnectionLost: Error, CustomStringConvertible {
    var description: String { "the PostgreSQL connection closed while in use" }
}
