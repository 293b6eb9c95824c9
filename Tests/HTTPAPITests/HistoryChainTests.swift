import Domain
import Foundation
import SQLKit
import Storage
import Testing
import TestSupport

/// Each case's history is a hash chain: after the real actions every chain verifies; a row edited,
/// deleted (in the middle or at the end) or moved behind the code's back is found, and only there.
@Suite(.timeLimit(.minutes(10))) struct HistoryChainTests {
    /// Two cases through the API; the first with four events (registered, two views, answered).
    static func twoCases(_ app: TestApp, _ api: APIClient) async throws -> (long: String, short: String) {
        let f = app.fixtures
        let long = try #require(
            try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: nil, mobile: "09121000001"))
                .string("trackingCode"))
        let short = try #require(
            try await api.post("/api/v1/cases", token: f.token("operator"), json: f.caseBody(nationalID: nil, mobile: "09121000002"))
                .string("trackingCode"))
        for _ in 0..<2 { _ = try await api.post("/api/v1/cases/\(long)/citizen", token: f.token("supervisor")) }
        _ = try await api.post("/api/v1/cases/\(long)/answer", token: f.token("supervisor"), json: ["answer": "پاسخ نامه"])
        return (long, short)
    }

    /// The ids of a case's events in chain order.
    static func eventIDs(_ app: TestApp, _ code: String) async throws -> [Int] {
        try await app.store.client.read { db in
            try await db.raw(
                """
                SELECT e.id FROM case_events e JOIN cases c ON c.id = e.case_id
                WHERE c.tracking_code = \(bind: code) ORDER BY e.seq
                """
            ).all().map { try $0.decode(column: "id", as: Int.self) }
        }
    }

    static func tamper(_ app: TestApp, _ sql: SQLQueryString) async throws {
        try await app.store.client.write { db in try await db.raw(sql).run() }
    }

    @Test(arguments: TestDatabase.all)
    func theRealActionsLeaveEveryChainWhole(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let (long, _) = try await Self.twoCases(app, api)
            #expect(try await Self.eventIDs(app, long).count == 4)
            #expect(try await app.store.chainProblems().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anEditedTextIsFound(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            // setup
            let (long, _) = try await Self.twoCases(app, api)
            let answered = try await Self.eventIDs(app, long)[3]
            // act
            try await Self.tamper(app, "UPDATE case_events SET text = 'پاسخ دیگر' WHERE id = \(bind: answered)")
            // check
            let problems = try await app.store.chainProblems()
            #expect(problems.map(\.kind) == [.edited])
            #expect(problems.first?.rowID == answered)
            #expect(problems.first?.chain == .caseHistory(trackingCode: long))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDeletedMiddleRowIsFound(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let (long, _) = try await Self.twoCases(app, api)
            let ids = try await Self.eventIDs(app, long)
            try await Self.tamper(app, "DELETE FROM case_events WHERE id = \(bind: ids[1])")
            let problems = try await app.store.chainProblems()
            #expect(problems.contains { $0.kind == .deleted && $0.rowID == ids[2] })
            #expect(Set(problems.map(\.chain)) == [.caseHistory(trackingCode: long)])
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDeletedLastRowIsFound(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let (long, short) = try await Self.twoCases(app, api)
            let last = try await Self.eventIDs(app, long)[3]
            let only = try await Self.eventIDs(app, short)[0]
            // act: the last row of one case, and the whole history of the other
            try await Self.tamper(app, "DELETE FROM case_events WHERE id IN (\(bind: last), \(bind: only))")
            let problems = try await app.store.chainProblems()
            #expect(Set(problems.map(\.chain)) == [.caseHistory(trackingCode: long), .caseHistory(trackingCode: short)])
            #expect(problems.allSatisfy { $0.kind == .deleted })
        }
    }

    @Test(arguments: TestDatabase.all)
    func swappedRowsAreFound(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let (long, _) = try await Self.twoCases(app, api)
            let ids = try await Self.eventIDs(app, long)
            // act: rows 2 and 4 trade places in the chain (their seq), everything else kept
            try await Self.tamper(app, "UPDATE case_events SET seq = 100 WHERE id = \(bind: ids[1])")
            try await Self.tamper(app, "UPDATE case_events SET seq = 2 WHERE id = \(bind: ids[3])")
            try await Self.tamper(app, "UPDATE case_events SET seq = 4 WHERE id = \(bind: ids[1])")
            let problems = try await app.store.chainProblems()
            #expect(problems.contains { $0.kind == .reordered })
            #expect(Set(problems.map(\.chain)) == [.caseHistory(trackingCode: long)])
        }
    }

    @Test(arguments: TestDatabase.all)
    func rowsMovedWithTheirHashesAreFound(engine: TestDatabase) async throws {
        try await withTestAPI(database: engine) { app, api in
            let (long, _) = try await Self.twoCases(app, api)
            let ids = try await Self.eventIDs(app, long)
            // act: two rows exchange their whole contents, hashes included, so the table's order (by
            // id, the order the timeline shows) is no longer the chain's
            let columns = ["seq", "prev_hash", "hash", "at", "kind", "actor_kind", "actor_id", "actor_name", "text"]
            try await app.store.client.write { db in
                try await db.raw(
                    "CREATE TEMPORARY TABLE swapped AS SELECT * FROM case_events WHERE id IN (\(bind: ids[1]), \(bind: ids[2]))"
                ).run()
                try await db.raw("UPDATE case_events SET seq = NULL WHERE id IN (\(bind: ids[1]), \(bind: ids[2]))").run()
                for (target, source) in [(ids[1], ids[2]), (ids[2], ids[1])] {
                    let set = columns.map { "\($0) = (SELECT \($0) FROM swapped WHERE id = \(source))" }.joined(separator: ", ")
                    try await db.raw("UPDATE case_events SET \(unsafeRaw: set) WHERE id = \(bind: target)").run()
                }
                try await db.raw("DROP TABLE swapped").run()
            }
            // check
            let problems = try await app.store.chainProblems()
            #expect(problems.map(\.kind) == [.reordered])
            #expect(problems.first?.rowID == ids[1])
        }
    }
}
