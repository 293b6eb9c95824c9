import AppBootstrap
import DemoData
import Domain
import Foundation
import PersianKit
import Storage
import Testing
import TestSupport

/// `samad generate`: the rows it writes are the rows the app would have written, and the list
/// plans built for national scale return exactly what a plain query returns.
@Suite(.serialized, .timeLimit(.minutes(10))) struct GenerateTests {
    @Test(arguments: TestDatabase.all)
    func generatedCasesAreConsistentAndListable(engine: TestDatabase) async throws {
        let scratch = try await ScratchDatabase.create(engine)
        defer { Task { await scratch.drop() } }
        var config = AppConfig(
            dataDir: scratch.dataDir, databaseURL: scratch.databaseURL, databaseSchema: scratch.schema, dispatcherEnabled: false)
        // The demo staff's passwords need no strength here.
        config.bcryptCost = 4
        let summary = try await CaseGenerator(config: config, batchSize: 150).run(cases: 900, seed: 7)
        #expect(summary.cases == 900)
        // A second run appends after the first without colliding identifiers.
        let again = try await CaseGenerator(config: config, batchSize: 150).run(cases: 300, seed: 8)
        #expect(again.cases == 300)

        let store = try await openStore(config: config)
        defer { Task { try? await store.client.shutdown() } }
        let counts = try await store.client.read { db in
            try await db.raw(
                """
                SELECT (SELECT COUNT(*) FROM cases) AS cases,
                    (SELECT COUNT(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM citizens z WHERE z.id = c.citizen_id)) AS orphans,
                    (SELECT COUNT(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)) AS silent,
                    (SELECT COUNT(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.case_id = c.id AND n.kind = 'registered')) AS unannounced,
                    (SELECT COUNT(*) FROM cases c WHERE c.status = 'referred' AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id AND r.status IN ('pending', 'accepted'))) AS unreferred,
                    (SELECT COUNT(*) FROM cases c JOIN cases t ON t.id = c.merged_into_id WHERE c.citizen_id <> t.citizen_id OR t.created_at > c.created_at) AS badmerges,
                    (SELECT COUNT(DISTINCT status) FROM cases) AS statuses
                """
            ).first()!
        }
        #expect(try counts.decode(column: "cases", as: Int.self) == 1_200)
        for column in ["orphans", "silent", "unannounced", "unreferred", "badmerges"] {
            #expect(try counts.decode(column: column, as: Int.self) == 0, "\(column)")
        }
        #expect(try counts.decode(column: "statuses", as: Int.self) >= 5)

        // Every case reads back through the repository (identifiers and enums parse).
        let sample = try await store.client.read { db in
            try await db.raw("SELECT tracking_code FROM cases ORDER BY id LIMIT 40").all().map { try $0.decode(column: "tracking_code", as: String.self) }
        }
        for code in sample {
            let detail = try #require(try await store.detail(try TrackingCode(parsing: code)))
            #expect(!detail.events.isEmpty)
        }

        // The several-status plan and the text plan agree with a page-by-page walk of a plain query.
        var queue = CaseQuery()
        queue.statuses = [.registered, .reopened, .referred]
        queue.limit = 37
        let expectedQueue = try await store.client.read { db in
            try await db.raw(
                "SELECT tracking_code FROM cases WHERE status IN ('registered', 'reopened', 'referred') ORDER BY created_at DESC, id DESC"
            ).all().map { try $0.decode(column: "tracking_code", as: String.self) }
        }
        #expect(try await walk(store, queue) == expectedQueue)

        var search = CaseQuery()
        search.text = "وام"
        search.limit = 25
        let found = try await walk(store, search)
        let texts = try await store.client.read { db in
            try await db.raw("SELECT tracking_code, search_text FROM cases ORDER BY id DESC").all().map {
                (try $0.decode(column: "tracking_code", as: String.self), try $0.decode(column: "search_text", as: String.self))
            }
        }
        let key = PersianText.searchKey("وام")
        let expected = texts.filter { _, text in
            switch engine {
            // SQLite matches words starting with the query (FTS5); PostgreSQL matches anywhere (LIKE with pg_trgm).
            case .sqlite:
                text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).contains { $0.hasPrefix(key) }
            case .postgres:
                text.contains(key)
            }
        }.map(\.0)
        #expect(!found.isEmpty)
        #expect(Set(found) == Set(expected))
        #expect(found.count == expected.count)
    }

    /// Every page of `query`, following cursors.
    private func walk(_ store: SQLStore, _ query: CaseQuery) async throws -> [String] {
        var query = query
        var codes: [String] = []
        for _ in 0..<200 {
            let page = try await store.list(query)
            codes += page.items.map(\.trackingCode.value)
            guard let next = page.nextCursor else { return codes }
            query.cursor = next
        }
        Issue.record("more than 200 pages")
        return codes
    }
}
