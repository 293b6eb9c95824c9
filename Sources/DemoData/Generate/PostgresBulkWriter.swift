import Foundation
import Logging
import PostgresKit
import Synchronization

/// Bulk inserts into PostgreSQL on one connection: multi-row INSERTs with binary binds, one
/// transaction per ~100,000 cases; afterwards the id sequences are moved past the explicit ids.
final class PostgresBulkWriter: BulkWriter {
    private static let bindsPerStatement = 30_000
    private static let casesPerCommit = 100_000

    private let connection: PostgresConnection
    private let logger: Logger
    private let uncommitted = Mutex(0)

    private init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    static func open(url: String, schema: String?) async throws -> PostgresBulkWriter {
        let logger = Logger(label: "samad.generate")
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        if let schema {
            try await connection.query(PostgresQuery(unsafeSQL: "SET search_path TO \"\(schema)\""), logger: logger)
        }
        return PostgresBulkWriter(connection: connection, logger: logger)
    }

    func prepare(_ rows: BulkRows) -> [PostgresQuery] {
        var statements: [PostgresQuery] = []
        for table in BulkTable.allCases {
            let width = table.columns.count
            let cells = rows.cells[table.rawValue]
            let perStatement = max(1, Self.bindsPerStatement / width)
            var start = 0
            let total = cells.count / width
            while start < total {
                let count = min(perStatement, total - start)
                var binds = PostgresBindings(capacity: count * width)
                for cell in cells[(start * width)..<((start + count) * width)] {
                    switch cell {
                    case .int(let v): binds.append(v)
                    case .text(let v): binds.append(v)
                    case .null: binds.appendNull()
                    }
                }
                statements.append(PostgresQuery(unsafeSQL: table.insertSQL(rows: count) { "$\($0)" }, binds: binds))
                start += count
            }
        }
        return statements
    }

    func write(_ prepared: [PostgresQuery], cases: Int) async throws {
        if uncommitted.withLock({ $0 }) == 0 { try await run("BEGIN") }
        for statement in prepared {
            try await connection.query(statement, logger: logger)
        }
        let pending = uncommitted.withLock { $0 += cases; return $0 }
        if pending >= Self.casesPerCommit {
            try await run("COMMIT")
            uncommitted.withLock { $0 = 0 }
        }
    }

    func finish() async throws {
        if uncommitted.withLock({ $0 }) > 0 { try await run("COMMIT") }
        uncommitted.withLock { $0 = 0 }
        // Explicit ids do not advance identity sequences; the next registration must not reuse one.
        for table in ["citizens", "cases"] {
            try await run(
                "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM \(table)), 1))")
        }
        try await run("ANALYZE")
        try await connection.close()
    }

    private func run(_ sql: String) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}
