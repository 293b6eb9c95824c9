import Domain
import Foundation
import HTTPTypes
import SQLKit
import Storage
import Testing
import TestSupport

/// A database that cannot serve is the service's fault, not the client's, and not a crash: 503 with
/// `Retry-After` and `database_unavailable`, nothing half-written, and service again once it is back.
/// The errors here are the engines' own (a real SQLITE_FULL, a real refused connection, a real
/// terminated backend); the scripted versions with a stopped server and a full disk are in Tests/Faults.
@Suite struct DatabaseUnavailableTests {
    /// SQLite's disk full, made real by capping the file at the pages it has (`PRAGMA max_page_count`
    /// on the writer connection): registrations 503, reads go on, the file stays sound, and
    /// registrations succeed again once the cap is lifted, in the same process. (Free space inside the
    /// file still takes small writes, so the Persian 503 page is checked on a really full disk, in
    /// Tests/Faults `disk-full`.)
    @Test func sqliteDiskFullIsA503AndPassesWhenSpaceReturns() async throws {
        try await withTestAPI(database: .sqlite) { app, api in
            // setup
            let f = app.fixtures
            let first = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody())
            #expect(first.status == 201)
            let pages = try await app.samad.database.write { db in
                try await db.raw("PRAGMA page_count").first()!.decode(column: "page_count", as: Int.self)
            }
            try await app.samad.database.write { db in try await db.raw("PRAGMA max_page_count = \(unsafeRaw: String(pages))").run() }

            // act: register until the cap bites (free pages inside the file take a few first)
            var answers: [APIResponse] = []
            for n in 0..<60 {
                let answer = try await api.post(
                    "/api/v1/cases", token: f.token("operator"), json: f.caseBody(mobile: "0935\(String(format: "%07d", n))"))
                answers.append(answer)
                if answer.status != 201 { break }
            }
            let refused = try #require(answers.last)
            let read = try await api.get("/api/v1/cases", token: f.token("inspector"))
            try await app.samad.database.write { db in try await db.raw("PRAGMA max_page_count = 1073741823").run() }
            let again = try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(mobile: "09359999999"))

            // check
            #expect(refused.status == 503, "\(refused.text)")
            #expect(refused.errorCode == "database_unavailable")
            #expect(refused.errorMessage?.isEmpty == false)
            #expect(refused.headers[.retryAfter] == "5")
            #expect(answers.allSatisfy { $0.status == 201 || $0.status == 503 })
            #expect(read.status == 200)
            #expect(again.status == 201, "\(again.text)")
            let integrity = try await app.samad.database.read { db in
                try await db.raw("PRAGMA integrity_check").first()!.decode(column: "integrity_check", as: String.self)
            }
            #expect(integrity == "ok")
            // Every registration answered 201 is there, and nothing else: the refused one left no trace.
            let listed = try await api.get("/api/v1/cases?limit=100", token: f.token("inspector")).list("items")
            #expect(listed.count == answers.filter { $0.status == 201 }.count + 2)
        }
    }

    /// Nothing listens: the pool would queue the request until a connection succeeds; it waits 5 s.
    @Test func postgresRefusingConnectionsIsUnavailableAfterTheLeaseTimeout() async throws {
        // setup: a loopback port with nothing on it (connection refused)
        let client = try await DatabaseLocation.postgres(url: "postgres://samad@127.0.0.1:9/none?sslmode=disable", schema: nil)
            .open(migrate: false)
        defer { Task { try? await client.shutdown() } }
        let start = ContinuousClock.now
        // act
        await #expect(throws: DomainError.databaseUnavailable) {
            try await client.read { db in try await db.raw("SELECT 1").run() }
        }
        await #expect(throws: DomainError.databaseUnavailable) {
            try await client.write { db in try await db.raw("SELECT 1").run() }
        }
        // check: each waited about the lease timeout, not the pool's minute-long circuit breaker
        let waited = ContinuousClock.now - start
        #expect(waited >= .seconds(9) && waited < .seconds(20), "\(waited)")
    }

    /// A connection that dies under a query (here the server ends it, as on a restart) fails that
    /// request with 503; the pool replaces the connection and the next request is served.
    @Test(arguments: TestDatabase.all.filter { $0.description == "postgres" })
    func postgresConnectionLostIsUnavailableAndThePoolRecovers(engine: TestDatabase) async throws {
        try await withScratchClient(engine, migrate: false) { client in
            // act
            await #expect(throws: DomainError.databaseUnavailable) {
                try await client.read { db in try await db.raw("SELECT pg_terminate_backend(pg_backend_pid())").run() }
            }
            await #expect(throws: DomainError.databaseUnavailable) {
                try await client.write { db in
                    try await db.raw("CREATE TABLE lost (n INT)").run()
                    try await db.raw("SELECT pg_terminate_backend(pg_backend_pid())").run()
                }
            }
            // check: served again, and the write that lost its connection left nothing. The pool may
            // lease the dead connection once more before it has seen it close; that request is a 503
            // too, and the one after it is served.
            var exists: Bool?
            for _ in 0..<3 where exists == nil {
                do {
                    exists = try await client.read { db in
                        try await db.raw("SELECT to_regclass('lost') IS NOT NULL AS e").first()!.decode(column: "e", as: Bool.self)
                    }
                } catch let error as DomainError where error == .databaseUnavailable {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(exists == false)
        }
    }
}
