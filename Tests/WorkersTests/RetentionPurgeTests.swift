import Foundation
import PersianKit
import SQLKit
import Storage
import Testing
import TestSupport
import Workers

/// The retention purge, stepped with the test clock: each kind of record goes when its time is up
/// and not before, and a case keeps its history when its old SMS go.
@Suite(.timeLimit(.minutes(10))) struct RetentionPurgeTests {
    static func count(_ app: TestApp, _ table: String) async throws -> Int {
        try await app.store.client.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? -1
        }
    }

    @Test(arguments: TestDatabase.all)
    func eachRecordGoesWhenItsTimeIsUp(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine, configure: { $0.sharedRateLimits = true }) { app, api in
            // setup: a case with its SMS sent, a staff session, a citizen's sign-in code (and the
            // rate-limit windows they counted)
            let f = app.fixtures
            let code = try #require(
                try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody()).string("trackingCode"))
            _ = try await api.signIn("admin", password: Fixtures.password("admin"))
            _ = try await api.post("/api/v1/citizen/code", json: ["mobile": "09121234567"])
            _ = try await app.deliverSMS()
            let purge = { try await app.samad.purger.runOnce() }
            #expect(try await Self.count(app, "sessions") == 1)
            #expect(try await Self.count(app, "otp_challenges") == 1)
            let windows = try await Self.count(app, "rate_limit_windows")
            #expect(windows > 0)
            let sent = try await Self.count(app, "notifications")
            #expect(sent >= 1)
            #expect(try await purge() == PurgeCounts())

            // act, check: the code an hour past its expiry
            app.clock.advance(by: 2 * 60 + 3_600 + 1)
            #expect(try await purge() == PurgeCounts(signInCodes: 1))
            // the session after its 12 hours
            app.clock.advance(by: 11 * 3_600)
            #expect(try await purge() == PurgeCounts(sessions: 1))
            // the rate-limit windows two days after they started
            app.clock.advance(by: 2 * 86_400)
            #expect(try await purge() == PurgeCounts(rateLimitWindows: windows))
            // sent SMS after 180 days; the case and its history stay
            app.clock.advance(by: 177 * 86_400)
            #expect(try await purge() == PurgeCounts())
            app.clock.advance(by: 3 * 86_400)
            #expect(try await purge() == PurgeCounts(sentSMS: sent))
            #expect(try await Self.count(app, "notifications") == 0)
            #expect(try await Self.count(app, "notification_attempts") == 0)
            let detail = try #require(try await app.store.detail(try TrackingCode(parsing: code)))
            #expect(detail.events.map(\.kind) == [.registered])
            #expect(try await app.store.chainProblems().isEmpty)
            // a purge repeated deletes nothing more
            #expect(try await purge() == PurgeCounts())
        }
    }

    /// PostgreSQL only: SQLite has one server, whose writes are serialised anyway.
    @Test(arguments: TestDatabase.all.filter { $0.description == "postgres" })
    func aSecondServerSkipsWhileOneIsPurging(engine: TestDatabase) async throws {
        try await withTestApp(database: engine) { app in
            // setup: another server's purge holds the lock
            let (held, heldNow) = AsyncStream.makeStream(of: Void.self)
            let (release, releaseNow) = AsyncStream.makeStream(of: Void.self)
            let other = Task {
                try await app.store.client.write { db in
                    try await db.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: SQLStore.purgeLockKey))").run()
                    heldNow.yield()
                    for await _ in release { break }
                }
            }
            for await _ in held { break }
            // act, check: this one skips its turn, and purges once the other is done
            #expect(try await app.samad.purger.runOnce() == nil)
            releaseNow.finish()
            try await other.value
            #expect(try await app.samad.purger.runOnce() == PurgeCounts())
        }
    }
}
