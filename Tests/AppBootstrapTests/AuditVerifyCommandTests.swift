import AppBootstrap
import DemoData
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
        #expect(try await ServerProcess.run(["audit", "verify"], scratch: scratch).contains("match their hash chains"))

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
        let failure = await #expect(throws: ServerProcess.ProcessFailure.self) {
            try await ServerProcess.run(["audit", "verify"], scratch: scratch)
        }
        #expect(failure?.status == 2)
        let problems = try await Self.problems(config)
        #expect(problems.map(\.chain) == [.caseHistory(trackingCode: code)])
    }

    @Test(arguments: TestDatabase.all)
    func citizenEraseRefusesErasesAndTheChainsStillVerify(engine: TestDatabase) async throws {
        // setup: a generated database; a citizen all of whose letters are settled
        let scratch = try await ScratchDatabase.create(engine)
        defer { Task { await scratch.drop() } }
        var config = AppConfig(
            dataDir: scratch.dataDir, databaseURL: scratch.databaseURL, databaseSchema: scratch.schema, dispatcherEnabled: false)
        config.bcryptCost = 4
        _ = try await CaseGenerator(config: config, batchSize: 50).run(cases: 120, seed: 7)
        let store = try await openStore(config: config)
        let nationalID = try await store.client.read { db in
            try await db.raw(
                """
                SELECT z.national_id FROM citizens z WHERE z.national_id IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.citizen_id = z.id AND c.status NOT IN ('closed', 'merged'))
                ORDER BY z.id LIMIT 1
                """
            ).first()?.decode(column: "national_id", as: String.self)
        }
        try await store.client.shutdown()
        let id = try #require(nationalID)

        // act, check: refused within the (default, five-year) retention period, with exit 3
        let refused = await #expect(throws: ServerProcess.ProcessFailure.self) {
            try await ServerProcess.run(["citizen", "erase", "--national-id", id], scratch: scratch)
        }
        #expect(refused?.status == 3)
        await #expect(throws: ServerProcess.ProcessFailure.self) {
            try await ServerProcess.run(["citizen", "erase", "--national-id", id, "--mobile", "09121234567"], scratch: scratch)
        }
        // with no retention period left it erases, and every chain still verifies
        let out = try await ServerProcess.run(
            ["citizen", "erase", "--national-id", id], scratch: scratch, extra: ["SAMAD_PERSONAL_DATA_RETENTION_DAYS": "0"])
        #expect(out.contains("Erased 1 citizen record(s)"))
        #expect(try await ServerProcess.run(["audit", "verify"], scratch: scratch).contains("match their hash chains"))
        #expect(try await Self.problems(config).isEmpty)
    }

    static func problems(_ config: AppConfig) async throws -> [ChainProblem] {
        let store = try await openStore(config: config)
        let problems = try await store.chainProblems()
        try await store.client.shutdown()
        return problems
    }
}
