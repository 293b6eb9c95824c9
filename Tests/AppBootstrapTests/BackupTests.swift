import AppBootstrap
import AsyncHTTPClient
import DemoData
import Foundation
import SQLKit
import Storage
import Testing
import TestSupport

/// `samad backup` while the server runs, then `samad restore` into an empty database: every table
/// comes back row for row.
@Suite(.serialized, .timeLimit(.minutes(10))) struct BackupTests {
    @Test(arguments: TestDatabase.all)
    func aBackupRestoresIntoAnEmptyDatabaseRowForRow(engine: TestDatabase) async throws {
        // setup: generated cases (every table has rows), and the server running on them
        let scratch = try await ScratchDatabase.create(engine)
        defer { Task { await scratch.drop() } }
        var config = AppConfig(
            dataDir: scratch.dataDir, databaseURL: scratch.databaseURL, databaseSchema: scratch.schema, dispatcherEnabled: false)
        config.bcryptCost = 4
        _ = try await CaseGenerator(config: config, batchSize: 100).run(cases: 300, seed: 11)
        let location = DatabaseLocation.postgresOrSQLite(scratch)
        let before = try await Self.contents(location)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        let server = try ServerProcess(scratch: scratch, extra: ["SAMAD_DISPATCHER": "off"])
        defer { server.end() }
        try await server.waitUntilReady(client)

        // act: back up while it serves; stop it; lose the database; restore
        let file = scratch.dataDir + "/backup-\(UUID().uuidString).bak"
        _ = try await ServerProcess.run(["backup", "--to", file], scratch: scratch)
        try await server.stop()
        await #expect(throws: (any Error).self) { try await ServerProcess.run(["backup", "--to", file], scratch: scratch) }
        try await Self.lose(location, scratch: scratch)
        #expect(try await Self.contents(location).isEmpty)
        await #expect(throws: (any Error).self, "a restore replaces nothing without --replace") {
            try await ServerProcess.run(["restore", "--from", file], scratch: scratch)
        }
        _ = try await ServerProcess.run(["restore", "--from", file, "--replace"], scratch: scratch)

        // check: the same tables with the same rows
        let after = try await Self.contents(location)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (table, rows) in before { #expect(after[table] == rows, "table \(table)") }
        #expect((before["cases"]?.count ?? 0) >= 300)
    }

    @Test func aDamagedBackupReplacesNothing() async throws {
        let scratch = try await ScratchDatabase.create(.sqlite)
        defer { Task { await scratch.drop() } }
        let store = try await openStore(config: AppConfig(dataDir: scratch.dataDir, dispatcherEnabled: false))
        try await store.client.shutdown()
        let location = DatabaseLocation.postgresOrSQLite(scratch)
        let before = try await Self.contents(location)
        let file = scratch.dataDir + "/damaged.bak"
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: file))
        await #expect(throws: (any Error).self) { try await ServerProcess.run(["restore", "--from", file, "--replace"], scratch: scratch) }
        #expect(try await Self.contents(location) == before)
        // Without --replace an existing database is left alone.
        let good = scratch.dataDir + "/good.bak"
        _ = try await ServerProcess.run(["backup", "--to", good], scratch: scratch)
        await #expect(throws: (any Error).self) { try await ServerProcess.run(["restore", "--from", good], scratch: scratch) }
    }

    /// Every table's rows, each row as text, in a stable order.
    static func contents(_ location: DatabaseLocation) async throws -> [String: [String]] {
        let client = try await location.open(migrate: false)
        defer { Task { try? await client.shutdown() } }
        let sqlite: Bool = if case .sqlite = location { true } else { false }
        return try await client.read { db in
            let tables = try await db.raw(
                sqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'"
                    : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            ).all().map { try $0.decode(column: "name", as: String.self) }
            var contents: [String: [String]] = [:]
            for table in tables {
                // Each row as one text: row_to_json on PostgreSQL, every column quote()d on SQLite.
                let query: SQLQueryString
                if sqlite {
                    let columns = try await db.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
                        .map { try $0.decode(column: "name", as: String.self) }
                    let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
                    query = "SELECT \(unsafeRaw: row) AS row FROM \(ident: table)"
                } else {
                    query = "SELECT row_to_json(t)::text AS row FROM \(ident: table) t"
                }
                contents[table] = try await db.raw(query).all().map { try $0.decode(column: "row", as: String.self) }.sorted()
            }
            return contents
        }
    }

    /// The database is gone: SQLite's file removed, PostgreSQL's schema dropped and made anew, empty.
    static func lose(_ location: DatabaseLocation, scratch: ScratchDatabase) async throws {
        switch location {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres(let url, let schema):
            let admin = try await DatabaseLocation.postgres(url: url, schema: nil).open(migrate: false)
            try await admin.write { db in
                try await db.raw("DROP SCHEMA \(ident: schema ?? "public") CASCADE").run()
                try await db.raw("CREATE SCHEMA \(ident: schema ?? "public")").run()
            }
            try await admin.shutdown()
        }
    }
}
