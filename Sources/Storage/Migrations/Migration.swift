import Foundation
import SQLKit

/// One schema change, in its own file, never edited after it ships.
protocol Migration: Sendable {
    /// Sortable, unique: "0001_reference".
    var id: String { get }
    func statements(_ engine: DatabaseEngine) -> [String]
    /// Whether it rebuilds tables other tables refer to (SQLite's drop-and-rename), which needs
    /// foreign-key enforcement off while it runs; the keys are checked before it commits.
    var rebuildsTables: Bool { get }
    /// Data the statements cannot compute in SQL (hashes), filled in the same transaction after them.
    func migrateData(_ db: any SQLDatabase, _ engine: DatabaseEngine) async throws
}

extension Migration {
    var rebuildsTables: Bool { false }
    func migrateData(_ db: any SQLDatabase, _ engine: DatabaseEngine) async throws {}
}

/// Every migration, in the order they are applied. Append only.
let allMigrations: [any Migration] = [
    M0001Reference(),
    M0002Staff(),
    M0003Cases(),
    M0004Notifications(),
    M0005Auth(),
    M0010SearchAndQueues(),
    M0011RateLimits(),
    M0012OptionalNationalID(),
    M0013ReportIndexes(),
    M0014OutboxWithoutCase(),
    M0015EventHashChain(),
    M0016AuditLog(),
    M0017DeadlineWatch(),
    M0018AutoClose(),
    M0019Directives(),
    M0020CaseReturns(),
    M0021Inspections(),
    M0022ReplyTemplates(),
    M0023FirstPassword(),
]

/// Applies the migrations a database has not seen yet, each in its own transaction.
public struct Migrator: Sendable {
    let client: any DatabaseClient
    let migrations: [any Migration]

    public init(client: any DatabaseClient) {
        self.init(client: client, migrations: allMigrations)
    }

    /// Applies only `migrations` (tests bring a database to an earlier schema this way).
    init(client: any DatabaseClient, migrations: [any Migration]) {
        self.client = client
        self.migrations = migrations
    }

    /// Returns the ids applied by this call.
    @discardableResult
    public func migrate() async throws -> [String] {
        let engine = client.engine
        try await client.write { db in
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"
            ).run()
        }
        // Skip what is already applied before opening any write: a table rebuild's foreign-key check
        // reads every row of every table, which on a database of millions of cases takes minutes,
        // and must not run at every start. The check inside the write still decides (servers
        // starting together).
        let done = try await client.read { db in
            Set(try await db.raw("SELECT id FROM schema_migrations").all().map { try $0.string("id") })
        }
        var applied: [String] = []
        for migration in migrations where !done.contains(migration.id) {
            let apply: @Sendable (any SQLDatabase) async throws -> Bool = { db in
                // Several servers may start at once against one PostgreSQL; one migrates, the others wait.
                if engine == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(4711)").run() }
                let done = try await db.raw("SELECT id FROM schema_migrations WHERE id = \(bind: migration.id)").first()
                guard done == nil else { return false }
                for statement in migration.statements(engine) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await migration.migrateData(db, engine)
                try await db.raw(
                    "INSERT INTO schema_migrations (id, applied_at) VALUES (\(bind: migration.id), \(bind: Date().millis))"
                ).run()
                return true
            }
            let didApply = migration.rebuildsTables ? try await client.writeRebuildingTables(apply) : try await client.write(apply)
            if didApply { applied.append(migration.id) }
        }
        return applied
    }
}
