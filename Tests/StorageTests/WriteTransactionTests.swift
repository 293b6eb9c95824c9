import Foundation
import SQLKit
import Storage
import Testing
import TestSupport

/// The database client's promises: a write is all or nothing, concurrent writes all land, and a
/// failing write in a shared SQLite batch takes nothing else down with it.
@Suite(.timeLimit(.minutes(10))) struct WriteTransactionTests {
    func withClient(_ engine: TestDatabase, _ body: (any DatabaseClient) async throws -> Void) async throws {
        try await withScratchClient(engine) { client in
            try await client.write { db in try await db.raw("CREATE TABLE t (n BIGINT NOT NULL UNIQUE)").run() }
            try await body(client)
        }
    }

    struct Boom: Error {}

    @Test(arguments: TestDatabase.all)
    func concurrentWritesWithFailuresAmongThem(engine: TestDatabase) async throws {
        try await withClient(engine) { client in
            let results = await withTaskGroup(of: Bool.self) { group in
                for n in 0..<200 {
                    group.addTask {
                        do {
                            try await client.write { db in
                                try await db.raw("INSERT INTO t (n) VALUES (\(bind: n))").run()
                                // Every tenth write fails after writing: its row must vanish, the others stay.
                                if n % 10 == 0 { throw Boom() }
                            }
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 180)
            let count = try await client.read { db in try await db.raw("SELECT COUNT(*) AS c FROM t").first()!.decode(column: "c", as: Int.self) }
            #expect(count == 180)
            let failed = try await client.read { db in try await db.raw("SELECT COUNT(*) AS c FROM t WHERE n % 10 = 0").first()!.decode(column: "c", as: Int.self) }
            #expect(failed == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aConstraintViolationFailsOnlyItsOwnWrite(engine: TestDatabase) async throws {
        try await withClient(engine) { client in
            try await client.write { db in try await db.raw("INSERT INTO t (n) VALUES (1)").run() }
            let duplicate = Task { try await client.write { db in try await db.raw("INSERT INTO t (n) VALUES (1)").run() } }
            let fine = Task { try await client.write { db in try await db.raw("INSERT INTO t (n) VALUES (2)").run() } }
            await #expect(throws: (any Error).self) { try await duplicate.value }
            try await fine.value
            let count = try await client.read { db in try await db.raw("SELECT COUNT(*) AS c FROM t").first()!.decode(column: "c", as: Int.self) }
            #expect(count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func migrationsRunOnce(engine: TestDatabase) async throws {
        try await withClient(engine) { client in
            let applied = try await Migrator(client: client).migrate()
            #expect(applied.isEmpty)
        }
    }
}
