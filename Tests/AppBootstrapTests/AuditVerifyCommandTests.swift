import AppBootstrap
import Foundation
import SQLKit
import Storage
import Testing
import TestSupport

/// `samad audit verify` over a generated database: the bulk generator chains every history as the
/// repository would, so it verifies; one row edited behind the code's back makes it list that row
/// and exit 2.
@Suite(.serialized, .timeLimit(.minutes(10))) struct AuditVerifyCommandTests {
    @Test(arguments: TestDatabase.all)
    func generatedHistoriesVerifyAndAnEditIsReported(engine: TestDatabase) async throws {
        // setup
        let scratch = try await ScratchDatabase.create(engine)
        defer { Task { await scratch.drop() } }
        var config = AppConfig(
            dataDir: scratch.dataDir, databaseURL: scratch.databaseURL, databaseSchema: scratch.schema, dispatcherEnabled: false)
        config.bcryptCost = 4
        _ = try await CaseGenerator(config: config, batchSize: 50).run(cases: 120, seed: 5)
        #expect(try ServerProcess.run(["audit", "verify"], scratch: scratch).contains("match their hash chains"))

        // act: one event's text changed by hand
        let store = try await openStore(config: config)
        let code = try await store.client.write { db in
            let found = try await db.raw(
                """
                SELECT e.id, c.tracking_code FROM case_events e JOIN cases c ON c.id = e.case_id
                WHERE e.seq = 2 ORDER BY e.id LIMIT 1
                """
            ).first()
            let row = try #require(found)
            try await db.raw("UPDATE case_events SET at = at + 1 WHERE id = \(bind: try row.decode(column: "id", as: Int.self))").run()
            return try row.decode(column: "tracking_code", as: String.self)
        }
        try await store.client.shutdown()

        // check
        let failure = #expect(throws: ServerProcess.ProcessFailure.self) {
            try ServerProcess.run(["audit", "verify"], scratch: scratch)
        }
        #expect(failure?.status == 2)
        let problems = try await Self.problems(config)
        #expect(problems.map(\.chain) == [.caseHistory(trackingCode: code)])
    }

    static func problems(_ config: AppConfig) async throws -> [ChainProblem] {
        let store = try await openStore(config: config)
        let problems = try await store.chainProblems()
        try await store.client.shutdown()
        return problems
    }
}
